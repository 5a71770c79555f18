#!/bin/sh
# Runs the real `aiprov export` and validates what it wrote with validators
# that share no code with it: JSON with ajv against
# docs/schema/export.schema.json, SARIF with Microsoft's SARIF Multitool
# (--strict). Export exits 0 whatever it finds, so any other status fails,
# and so does an empty export: a fixture that stops producing regions must
# not make validation pass vacuously.
#
#   export-and-validate.sh json|sarif OUTFILE PATH...
#
# AIPROV names the binary (default: aiprov on PATH).
set -u

here=$(cd "$(dirname "$0")" && pwd)
schema=$here/../../docs/schema/export.schema.json
aiprov=${AIPROV:-aiprov}

if [ $# -lt 3 ]; then
  echo "usage: export-and-validate.sh json|sarif OUTFILE PATH..." >&2
  exit 2
fi
format=$1
out=$2
shift 2
fail() {
  echo "export-and-validate: $*" >&2
  exit 1
}

mkdir -p "$(dirname "$out")" || exit 1
rm -f "$out"
"$aiprov" export --format "$format" -o "$out" "$@" || fail "'aiprov export --format $format $*' exited $?"
[ -f "$out" ] || fail "'aiprov export -o $out' wrote no file"

case $format in
json)
  node "$here/validate-json.js" "$schema" "$out" >&2 || fail "$out is not valid"
  # What a schema cannot say: the summary counts what is listed.
  count=$(node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (d.summary.regions !== d.regions.length || d.summary.aiLines > d.summary.totalLines) {
      console.error("summary " + JSON.stringify(d.summary) + " does not match the regions");
      process.exit(1);
    }
    console.log(d.regions.length);
  ' "$out") || fail "$out: inconsistent summary"
  ;;
sarif)
  "$here/validate-sarif.sh" --strict "$out" >&2 || fail "$out is not valid SARIF"
  count=$(node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(d.runs[0].results.length);
  ' "$out") || fail "$out: cannot count results"
  ;;
*)
  fail "unknown format '$format' (json or sarif)"
  ;;
esac
[ "$count" -gt 0 ] || fail "expected regions in $*, got none"
echo "export-and-validate: $format: $count region(s) in $out, valid"
