// The helpers of run-e2e.js that know nothing of VS Code: reporting a step
// and failing one, waiting for a condition with a time limit, running a
// command and saying why it failed, a free port, JSON Lines files,
// packaging an extension folder with vsce, and a process group that never
// outlives the test.
//
// They live apart from the test so that run-e2e.js reads as the steps a user
// takes and what each must show.
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

// Every wait polls with this limit; the whole run takes about 45 s.
const WAIT_MS = 30_000;
const vscePath = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'vsce');

class Failure extends Error {}
let step = 0;
function ok(message) {
  console.log(`ok ${++step} - ${message}`);
}
function check(condition, message) {
  if (!condition) throw new Failure(message);
}

async function poll(what, probe, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Failure(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    // status is null when the command never ran (result.error) or a signal
    // ended it (result.signal); say which, or the failure has no cause.
    const why = result.error ? `could not run: ${result.error.message}` : result.signal ? `killed by ${result.signal}` : `exit status ${result.status}`;
    throw new Failure(`${command} ${args.join(' ')} failed (${why}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  return result.stdout;
}

// The records of a JSON Lines file (the extension log, the ledger); none if
// it is not written yet.
function readJsonLines(file) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

// The extension in folder DIR as a .vsix at OUT (the test-only extensions
// next to run-e2e.js).
function packageExtension(dir, out) {
  run(vscePath, ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out], { cwd: dir });
}

// Runs COMMAND as the leader of a session and process group of its own, so
// that signalling the group reaches everything it starts.
function spawnGroupLeader(command, args, options) {
  // Not `detached`: that would make the child a group leader already,
  // and setsid(1) would then fork and exit, leaving COMMAND in a
  // session whose id is not this pid. Run this way, setsid makes the
  // child's pid the id of COMMAND's session and process group.
  return spawn('setsid', [command, ...args], options);
}

// If ctest or a user interrupts, or the run hangs past LIMIT_MS, the group
// (in its own session) must not outlive us: kill it, clean up, exit 1.
function killGroupOnExit(pid, limitMs, cleanUp) {
  const killGroup = () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    cleanUp();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => {
      killGroup();
      process.exit(1);
    });
  setTimeout(() => {
    console.error(`FAIL: the run took more than ${limitMs / 1000} s`);
    killGroup();
    process.exit(1);
  }, limitMs).unref();
}

// Asks the group to end, gives it 2 s, then kills it.
async function stopGroup(pid) {
  const group = -pid;
  const alive = () => {
    try {
      process.kill(group, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    // Already gone.
  }
  for (let i = 0; i < 20 && alive(); ++i) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(group, 'SIGKILL');
  if (alive()) console.error(`run-e2e: process group ${pid} is still alive`);
}

module.exports = {
  WAIT_MS,
  Failure,
  ok,
  check,
  poll,
  freePort,
  run,
  readJsonLines,
  packageExtension,
  spawnGroupLeader,
  killGroupOnExit,
  stopGroup,
};
