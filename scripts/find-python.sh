#!/usr/bin/env bash
# Prints the path of a working Python 3.10 (Rasa 3.6 supports 3.10 and no newer).
# Looks at $PYTHON, then python3.10 on PATH, then pyenv's versions; fails with what to install.
set -u

is_python310() {
  "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1
}

if [ -n "${PYTHON:-}" ]; then
  if is_python310 "$PYTHON"; then echo "$PYTHON"; exit 0; fi
  echo "PYTHON=$PYTHON is not a working Python 3.10." >&2
  exit 1
fi

# A pyenv shim named python3.10 may exist yet fail when 3.10 is not selected: run it to be sure.
if command -v python3.10 >/dev/null 2>&1 && is_python310 python3.10; then
  command -v python3.10; exit 0
fi

roots=()
command -v pyenv >/dev/null 2>&1 && roots+=("$(pyenv root 2>/dev/null)")
roots+=("${PYENV_ROOT:-$HOME/.pyenv}")
for root in "${roots[@]}"; do
  for candidate in $(ls -d "$root"/versions/3.10.*/bin/python3.10 2>/dev/null | sort -V -r); do
    if is_python310 "$candidate"; then echo "$candidate"; exit 0; fi
  done
done

cat >&2 <<'MSG'
No Python 3.10 found. Rasa Open Source 3.6 needs Python 3.10 exactly.
Install one of:
  - pyenv:          pyenv install 3.10
  - Debian/Ubuntu:  apt-get install python3.10 python3.10-venv   (Ubuntu: from the deadsnakes PPA)
  - or point to one: PYTHON=/path/to/python3.10 make run
MSG
exit 1
