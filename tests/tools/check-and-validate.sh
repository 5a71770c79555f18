#!/bin/sh
# Runs the real `aiprov check` and validates what it wrote with independent
# validators: SARIF with Microsoft's SARIF Multitool (--strict), JSON with
# ajv against docs/schema/check-output.schema.json, text against clang's
# diagnostic line format. Format "all" runs the three and also checks they
# report the same number of findings.
#
#   check-and-validate.sh [--expect-findings] FORMAT OUTDIR PATH...
#
# FORMAT is text, json, sarif or all; output goes to OUTDIR/check.{txt,json,
# sarif}. AIPROV names the binary (default: aiprov on PATH). `aiprov check`
# exits 1 when it finds an error-severity finding, which is expected on
# fixtures; 2 (usage, I/O or policy error) fails the test. With
# --expect-findings, an empty result fails too, so a fixture that stops
# producing findings can't make validation pass vacuously.
set -u

here=$(cd "$(dirname "$0")" && pwd)
schema=$here/../../docs/schema/check-output.schema.json
aiprov=${AIPROV:-aiprov}

expect_findings=false
if [ "${1-}" = --expect-findings ]; then
  expect_findings=true
  shift
fi
if [ $# -lt 3 ]; then
  echo "usage: check-and-validate.sh [--expect-findings] text|json|sarif|all OUTDIR PATH..." >&2
  exit 2
fi
format=$1
outdir=$2
shift 2
mkdir -p "$outdir" || exit 1

fail() {
  echo "check-and-validate: $*" >&2
  exit 1
}

# Runs `aiprov check --format FORMAT PATH...` and sets $out to the file it
# wrote.
run_check() {
  fmt=$1
  shift
  case $fmt in
  text) out=$outdir/check.txt ;;
  *) out=$outdir/check.$fmt ;;
  esac
  rm -f "$out"
  "$aiprov" check --format "$fmt" -o "$out" "$@" 2>"$outdir/stderr.$fmt"
  rc=$?
  if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
    sed 's/^/  /' "$outdir/stderr.$fmt" >&2
    fail "'aiprov check --format $fmt $*' exited $rc"
  fi
  [ -f "$out" ] || fail "'aiprov check --format $fmt -o $out' wrote no file"
}

# Each validator fails the script or sets $count to the number of findings.
validate_text() {
  # clang's format: path:line:col: warning|error: message [aiprov-check].
  # Bytes, not characters: paths and messages need not be UTF-8.
  line_format='^.+:[1-9][0-9]*:[1-9][0-9]*: (warning|error): .+ \[aiprov-[a-z-]+\]$'
  bad=$(LC_ALL=C grep -a -c -v -E "$line_format" "$out")
  if [ "$bad" -ne 0 ]; then
    LC_ALL=C grep -a -n -v -E "$line_format" "$out" >&2
    fail "$out: $bad line(s) not in clang's diagnostic format"
  fi
  count=$(wc -l <"$out")
}

validate_json() {
  node "$here/validate-json.js" "$schema" "$out" >&2 || fail "$out is not valid"
  # What a schema cannot say: the summary counts the findings listed.
  count=$(node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const by = (s) => d.findings.filter((f) => f.severity === s).length;
    if (by("error") !== d.summary.errors || by("warning") !== d.summary.warnings) {
      console.error("summary " + JSON.stringify(d.summary) + " does not count the findings");
      process.exit(1);
    }
    console.log(d.findings.length);
  ' "$out") || fail "$out: inconsistent summary"
}

validate_sarif() {
  "$here/validate-sarif.sh" --strict "$out" >&2 || fail "$out is not valid SARIF"
  count=$(node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(d.runs[0].results.length);
  ' "$out") || fail "$out: cannot count results"
}

check_one() {
  run_check "$@"
  "validate_$1"
  echo "check-and-validate: $1: $count finding(s) in $out, valid"
  if $expect_findings && [ "$count" -eq 0 ]; then
    shift
    fail "expected findings in $*, got none"
  fi
}

case $format in
text | json | sarif)
  check_one "$format" "$@"
  ;;
all)
  check_one text "$@"
  text_count=$count
  check_one json "$@"
  json_count=$count
  check_one sarif "$@"
  sarif_count=$count
  if [ "$text_count" -ne "$json_count" ] || [ "$json_count" -ne "$sarif_count" ]; then
    fail "formats disagree: text $text_count, json $json_count, sarif $sarif_count findings"
  fi
  ;;
*)
  fail "unknown format '$format' (text, json, sarif or all)"
  ;;
esac
