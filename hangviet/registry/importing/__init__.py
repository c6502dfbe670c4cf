"""Bulk import of the lists offices keep (.xlsx, .csv) into the registries.

``engine.import_file`` is the one path (web page, task, command line, benchmark): the upload policy, the table
(``reading``: headings matched by ``headings``, the named data of how offices head their columns), each row read
or refused (``rows``, ``cells``, ``vocabulary``), the addresses resolved through the 2025 lineage (``places``),
then matched and written in bulk (``planners``) — in one transaction, or not at all for a dry run. ``jobs`` keeps
an uploaded list with its check and its result (``ImportJob``), long lists in the background
(``registry/tasks.py``); ``access`` holds the gates of the import pages (``registry/views_import.py``).
"""
