#!/usr/bin/env bash
# A real distcc run on loopback with the compiler plugin.
#
#   distcc-test.sh PLUGIN INCLUDE_DIR EXAMPLE_DIR
#
# Starts distccd on 127.0.0.1 (a free port, a job limit, a log file),
# compiles every file of the example project through distcc with
# -fplugin=PLUGIN, and checks that:
#   1. the compiles reached the daemon (its log names each file);
#   2. the findings arrive in the build's output, the same as a direct
#      clang++-19 compile gives (forbidden regions fail the build);
#   3. without the plugin the same compiles are distributed and succeed on
#      the daemon (COMPILE_OK), so the setup really distributes.
# distccd 3.3+ refuses to run a compile that names -fplugin= (it would load
# a file the client names); distcc then compiles that file on the client,
# where the plugin runs. docs/plugin.md says so. The daemon is stopped and
# everything removed on exit. Exit 77 (skip) only when distcc is missing.
set -euo pipefail

plugin=$1 include=$2 example=$3
for tool in distcc distccd clang++-19; do
  if ! command -v "$tool" >/dev/null; then
    echo "skipped: $tool is not installed (scripts/setup installs it)" >&2
    exit 77
  fi
done

work=$(mktemp -d /tmp/aiprov-distcc.XXXXXX)
daemon=""
cleanup() {
  if [ -n "$daemon" ]; then kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# distccd drops root privileges: its log directory must be writable by
# whichever user it becomes.
chmod 755 "$work"
mkdir -m 777 "$work/log"
mkdir "$work/state"
cp -r "$example" "$work/project"
log=$work/log/distccd.log

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
distccd --daemon --no-detach --listen 127.0.0.1 --allow 127.0.0.1 --port "$port" \
  --jobs 2 --log-file "$log" --log-level info &
daemon=$!
for _ in $(seq 300); do # Up to 30 s on a loaded machine.
  grep -q "listening on 127.0.0.1:$port" "$log" 2>/dev/null && break
  sleep 0.1
done
grep -q "listening on 127.0.0.1:$port" "$log" || { echo "FAIL: distccd did not start" >&2; cat "$log" >&2; exit 1; }

export DISTCC_HOSTS="127.0.0.1:$port/2"
# A fresh state directory per compile: after a refused job distcc backs off
# the host for a minute (DISTCC_BACKOFF_PERIOD=0 makes it retry forever),
# and every compile here must try the daemon.
n=0
fresh_state() { n=$((n + 1)); export DISTCC_DIR=$work/state/$n; mkdir -p "$DISTCC_DIR"; }
cd "$work/project"
sources=$(find . -name '*.cpp' | sort)
flags=(-std=c++20 -I. -I"$include")
fail=0

# 2. With the plugin, through distcc: the findings arrive.
: > "$work/distcc.err"
for f in $sources; do
  fresh_state
  distcc clang++-19 "${flags[@]}" -fno-caret-diagnostics -fplugin="$plugin" \
    -c "$PWD/$f" -o "$work/$(basename "$f").o" 2>> "$work/distcc.err" || true
done
: > "$work/direct.err"
for f in $sources; do
  clang++-19 "${flags[@]}" -fno-caret-diagnostics -fplugin="$plugin" \
    -fsyntax-only "$PWD/$f" 2>> "$work/direct.err" || true
done
grep '\[aiprov-' "$work/distcc.err" | sort > "$work/distcc.findings"
grep '\[aiprov-' "$work/direct.err" | sort > "$work/direct.findings"
if [ ! -s "$work/direct.findings" ]; then
  echo "FAIL: the direct compile reported no findings" >&2; fail=1
elif ! diff -u "$work/direct.findings" "$work/distcc.findings"; then
  echo "FAIL: the findings through distcc differ from a direct compile" >&2; fail=1
fi
grep -q 'aiprov-forbidden-region' "$work/distcc.findings" || { echo "FAIL: no forbidden region through distcc" >&2; fail=1; }

# 1. Every compile reached the daemon.
for f in $sources; do
  grep -q "compile from $(basename "$f")" "$log" || { echo "FAIL: $f never reached distccd" >&2; fail=1; }
done

# 3. Without the plugin the daemon compiles them itself.
for f in $sources; do
  fresh_state
  distcc clang++-19 "${flags[@]}" -c "$PWD/$f" -o "$work/plain-$(basename "$f").o" 2>> "$work/plain.err" ||
    { echo "FAIL: plain distcc compile of $f failed" >&2; fail=1; }
done
count=$(echo "$sources" | wc -w)
# distccd logs a job's summary after the client already has its object, so
# under load the last COMPILE_OK can land a moment after distcc returns:
# wait for it (up to 10 s) rather than count too early.
for _ in $(seq 100); do
  ok=$(grep -c 'COMPILE_OK' "$log" || true)
  [ "$ok" -ge "$count" ] && break
  sleep 0.1
done
if [ "$ok" -lt "$count" ]; then
  echo "FAIL: distccd compiled $ok of $count files itself" >&2; fail=1
fi

if [ "$fail" != 0 ]; then
  echo "--- distccd log" >&2; cat "$log" >&2
  echo "--- distcc stderr" >&2; cat "$work/distcc.err" >&2
  exit 1
fi
echo "PASS: $(wc -l < "$work/distcc.findings") findings arrived through distcc on 127.0.0.1:$port; $ok compiles ran on the daemon"
