"""The ``hangviet`` console script: Django's management commands under the project's name.

``hangviet units resolve "Tỉnh Kiên Giang"`` is ``manage.py units resolve "Tỉnh Kiên Giang"``.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangviet.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hangviet", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
