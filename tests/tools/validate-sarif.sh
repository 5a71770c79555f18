#!/bin/sh
# Validates SARIF logs with Microsoft's SARIF Multitool, the reference
# validator (JSON schema plus the SARIF1xxx/SARIF2xxx rules), so our SARIF is
# checked by the same tool code-scanning services trust.
#
#   validate-sarif.sh [--strict] FILE.sarif...
#
# Fails on any error-level result. --strict also fails on warnings (the
# best-practice rules) and adds the rules GitHub code scanning applies on
# upload (GHnnnn). Notes are not requested: the remaining ones ask for data
# aiprov does not have (code snippets, version control provenance, numeric
# rule ids).
#
# The Multitool exits 0 even when the log it checks has errors, so the
# verdict comes from its own SARIF output log, not its exit status.
#
# SARIF_MULTITOOL overrides the binary (default: the npm package next to this
# script). Exit status: 0 valid, 1 invalid, 2 the Multitool could not run.
set -u

here=$(cd "$(dirname "$0")" && pwd)
multitool=${SARIF_MULTITOOL:-$here/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool}
# Machines without ICU (containers, minimal Debian) need this or .NET aborts.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

levels='Error'
kinds='Sarif'
if [ "${1-}" = --strict ]; then
  levels='Error;Warning'
  kinds='Sarif;Gh'
  shift
fi
if [ $# -eq 0 ]; then
  echo "usage: validate-sarif.sh [--strict] FILE.sarif..." >&2
  exit 2
fi

if [ ! -f "$multitool" ]; then
  echo "validate-sarif: no SARIF Multitool at $multitool" >&2
  echo "  (scripts/setup installs it; or set SARIF_MULTITOOL)" >&2
  exit 2
fi
# npm does not run the package's install script that sets this.
[ -x "$multitool" ] || chmod u+x "$multitool" || exit 2

work=$(mktemp -d "${TMPDIR:-/tmp}/validate-sarif.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

status=0
for file in "$@"; do
  if [ ! -f "$file" ]; then
    echo "validate-sarif: $file: no such file" >&2
    status=1
    continue
  fi
  log=$work/validation.sarif
  rm -f "$log"
  "$multitool" validate "$file" --level "$levels" --rule-kind "$kinds" \
    --output "$log" --log ForceOverwrite >"$work/console" 2>&1
  rc=$?
  if [ $rc -ne 0 ] || [ ! -s "$log" ]; then
    echo "validate-sarif: the SARIF Multitool failed on $file (exit $rc):" >&2
    sed 's/^/  /' "$work/console" >&2
    if grep -q 'Assembly\|GetVersionInfo\|empty string' "$work/console"; then
      echo "  The linux single-file builds before 5.0.9 crash in 'validate';" >&2
      echo "  install @microsoft/sarif-multitool@^5.7.0 in $here." >&2
    fi
    exit 2
  fi
  # Count from the Multitool's own log what it found in ours; its console
  # lines (FILE(LINE,COL): error SARIFnnnn: ...) are what a person reads.
  counts=$(node -e '
    const run = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runs[0];
    const wanted = process.argv[2].toLowerCase().split(";");
    const bad = (run.results || []).filter(r => wanted.includes(r.level || "warning")).length;
    const notes = [].concat(...(run.invocations || []).map(i =>
      (i.toolExecutionNotifications || []).concat(i.toolConfigurationNotifications || [])));
    const failed = notes.filter(n => (n.level || "warning") === "error").length;
    console.log(bad + " " + failed);
  ' "$log" "$levels") || exit 2
  results=${counts% *}
  tool_errors=${counts#* }
  if [ "$results" -ne 0 ] || [ "$tool_errors" -ne 0 ]; then
    grep -E ': (error|warning) ' "$work/console" >&2
    echo "validate-sarif: $file: $results problem(s) at level $levels" \
      "and $tool_errors Multitool error(s)" >&2
    status=1
  else
    echo "validate-sarif: $file: valid (no results at level $levels)"
  fi
done
exit $status
