#!/bin/sh
# Print the path of a Python >= 3.12 (Django 6.1 needs it), newest first, or explain and fail.
pyenv_pythons=$(ls -d "$(pyenv root 2>/dev/null || echo /nonexistent)"/versions/3.*/bin/python3 2>/dev/null | sort -rV)
for candidate in ${PYTHON:-} python3.14 python3.13 python3.12 $pyenv_pythons python3; do
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if "$path" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
    "$path" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
echo "hangviet needs Python 3.12 or newer (Django 6.1 requires it), and none was found." >&2
echo "Install one (e.g. 'pyenv install 3.13' or your system's python3.13 package), or set PYTHON=/path/to/python3.13." >&2
exit 1
