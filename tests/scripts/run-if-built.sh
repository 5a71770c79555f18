#!/bin/sh
# Runs "$@" if its program was built, else exits 77 (ctest: skipped) and
# says why, so a developer running ctest alone sees what was left out.
if [ ! -x "$1" ]; then
  echo "skipped: $1 is not built (scripts/test builds it)" >&2
  exit 77
fi
exec "$@"
