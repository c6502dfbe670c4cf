#!/usr/bin/env python
"""Django's command-line utility; the installed ``hangviet`` script does the same."""

from hangviet.cli import main

if __name__ == "__main__":
    main()
