// The code-server that run-e2e.js drives: VS Code with user data, extensions
// and a home of its own under the test's temporary directory (so nothing of
// the user's VS Code or code-server takes part), with the workbench's
// first-run pages, tips, updates and telemetry off so that only what the
// test does appears; extensions installed into it; started on 127.0.0.1 in
// a process group of its own, which the test stops after.
'use strict';

const fs = require('fs');
const path = require('path');
const { poll, run, spawnGroupLeader } = require('./support');

const codeServerPath =
  process.env.AIPROV_CODE_SERVER || path.join(__dirname, 'code-server', 'node_modules', '.bin', 'code-server');

// Settings of every run besides the extension's own: nothing opens or
// updates by itself, and nothing is sent anywhere.
const QUIET_WORKBENCH = {
  'files.autoSave': 'off',
  'editor.formatOnPaste': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'update.mode': 'none',
};

class CodeServer {
  constructor(tmp) {
    this.tmp = tmp;
    this.userData = path.join(tmp, 'user-data');
    this.commonArgs = ['--user-data-dir', this.userData, '--extensions-dir', path.join(tmp, 'extensions')];
    this.env = { ...process.env, HOME: tmp, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data') };
    this.process = undefined;
    this.base = undefined;
  }

  // The user's settings.json: SETTINGS, then the quiet workbench.
  writeSettings(settings) {
    fs.mkdirSync(path.join(this.userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(this.userData, 'User', 'settings.json'), JSON.stringify({ ...settings, ...QUIET_WORKBENCH }, null, 2));
  }

  install(vsix) {
    run(codeServerPath, [...this.commonArgs, '--install-extension', vsix], { env: this.env });
  }

  // Starts it on PORT with WORKSPACE open, ENV added to its environment and
  // its output in LOG; its URL. It answers once waitUntilServing() returns.
  start(port, workspace, env, log) {
    const out = fs.openSync(log, 'w');
    this.process = spawnGroupLeader(
      codeServerPath,
      [
        ...this.commonArgs,
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--config',
        path.join(this.tmp, 'code-server.yaml'),
        workspace,
      ],
      { env: { ...this.env, ...env }, stdio: ['ignore', out, out] },
    );
    this.base = `http://127.0.0.1:${port}`;
    return this.base;
  }

  async waitUntilServing() {
    await poll('code-server to answer /healthz', async () => {
      try {
        return (await fetch(`${this.base}/healthz`)).ok;
      } catch {
        return false;
      }
    });
  }
}

module.exports = { codeServerPath, CodeServer };
