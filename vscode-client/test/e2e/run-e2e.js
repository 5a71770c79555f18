#!/usr/bin/env node
// End-to-end test of the extension in real VS Code: code-server 4.100.3
// (VS Code 1.100.3) in Debian's headless chromium, driven by playwright-core.
//
//   node run-e2e.js --aiprov PATH/aiprov --vsix PATH/aiprov.vsix --out DIR
//
// It copies examples/eval-repo to a fresh temporary directory (the server
// writes its ledger into the workspace, so never the checkout), makes it a
// git repository with a user.email (the reviewer of "mark reviewed"),
// installs the .vsix into a fresh extensions directory, starts code-server on
// 127.0.0.1 on a free port in its own process group, opens the eval task in
// the browser and checks what a user sees:
//   1. the forbidden-region error in the Problems panel, the gutter marks and
//      the AI-assisted share in the status bar;
//   2. a 10-line clipboard paste (Ctrl+V) goes through the extension's paste
//      provider: the extension sends aiprov/didPaste {kind: external} right
//      after the change; text from outside the workspace is of unknown
//      authorship, so aiprov-unknown-paste appears and the server records an
//      `origin: unknown-paste` ledger record; a copy and paste inside the
//      editor is reported as {kind: workspace} and recorded nowhere;
//   3. the same paste with `aiprov.paste.capture` off (no notice, as for text
//      arriving by a path the extension cannot observe) brings
//      aiprov-unknown-paste to the Problems panel;
//   4. "aiprov: Mark Region Reviewed" from the command palette rewrites the
//      region's directive (reviewed-by=, review=sha256:) in the editor;
//   5. an inline suggestion (from fake-completion/, a stand-in for an AI
//      extension) accepted with Tab is reported with
//      aiprov/didInsertCompletion: the Problems panel shows it as an
//      AI-assisted region forbidden in the eval task, and the ledger records
//      it with origin completion;
//   6. killing the server brings a notification naming the signal, and the
//      extension restarts it;
//   7. "aiprov: Open Workspace Audit Report" shows the HTML export;
//   8. pointing aiprov.path at a missing file: an error naming the path and
//      the setting, and "server not found" in the status bar.
// Custom notifications and decoration ranges are not visible from the page:
// extension-log/, a test-only extension installed next to aiprov, writes
// them (from aiprov's API, src/api.ts) to AIPROV_VSCODE_TEST_LOG, and this
// script reads that file. Screenshots of each step go to DIR. The helpers
// that know nothing of VS Code are in support.js, the code-server it drives
// in code-server-process.js.
//
// Exit status: 0 pass, 1 fail, 2 usage, 77 skipped because code-server,
// chromium or playwright-core is not installed (scripts/setup installs them).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { CodeServer, codeServerPath } = require('./code-server-process');
const { WAIT_MS, Failure, ok, check, poll, freePort, run, readJsonLines, packageExtension, killGroupOnExit, stopGroup } = require('./support');

const SKIP = 77;
const HERE = __dirname;
const SOURCE_DIR = path.resolve(HERE, '../../..');
const EXAMPLE = path.join(SOURCE_DIR, 'examples', 'eval-repo');
const TASK = 'evals/tasks/arithmetic_task.cpp';
const REVIEWER = 'e2e-reviewer@example.com';
const chromiumPath = process.env.AIPROV_CHROMIUM || '/usr/bin/chromium';
const playwrightPath = path.join(SOURCE_DIR, 'tests', 'tools', 'node_modules', 'playwright-core');
// The whole run, well under the ctest TIMEOUT (300 s): past it the script
// kills code-server itself and fails, so nothing outlives the test.
const RUN_LIMIT_MS = 240_000;

function parseArgs() {
  const args = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!['aiprov', 'vsix', 'out'].includes(key) || argv[i + 1] === undefined) usage(`bad argument ${argv[i]}`);
    args[key] = path.resolve(argv[i + 1]);
  }
  if (!args.aiprov || !args.vsix || !args.out) usage('--aiprov, --vsix and --out are required');
  return args;
}

function usage(message) {
  console.error(`run-e2e: ${message}\nusage: node run-e2e.js --aiprov PATH/aiprov --vsix PATH/aiprov.vsix --out DIR`);
  process.exit(2);
}

function skip(why) {
  console.log(`run-e2e: SKIP: ${why}; scripts/setup installs it`);
  process.exit(SKIP);
}

function ledgerRecords(workspace) {
  return readJsonLines(path.join(workspace, '.aiprov', 'ledger.jsonl')).map((rec) => {
    const file = rec.files[0];
    const conv = file.conversations[0];
    return {
      path: file.path,
      origin: rec.metadata?.['dev.aiprov']?.origin,
      contributor: conv.contributor?.type,
      start: conv.ranges[0].start_line,
      end: conv.ranges[0].end_line,
    };
  });
}

const tenLines = (tag) => Array.from({ length: 10 }, (_, i) => `int ${tag}${i} = ${i};`).join('\n') + '\n';

async function main() {
  const args = parseArgs();
  if (!fs.existsSync(codeServerPath)) skip(`code-server is not installed (${codeServerPath})`);
  if (!fs.existsSync(chromiumPath)) skip(`chromium is not installed (${chromiumPath})`);
  let chromium;
  try {
    ({ chromium } = require(playwrightPath));
  } catch {
    skip(`playwright-core is not installed (${playwrightPath})`);
  }
  if (!fs.existsSync(args.vsix) && !fs.existsSync(path.join(HERE, '..', '..', 'node_modules', '@vscode', 'vsce')))
    skip('vscode-client/node_modules is not installed, so there is no .vsix to test');
  for (const [what, file] of [
    ['aiprov', args.aiprov],
    ['the .vsix', args.vsix],
  ])
    if (!fs.existsSync(file)) usage(`${what} not found: ${file}`);
  fs.mkdirSync(args.out, { recursive: true });
  for (const f of fs.readdirSync(args.out)) if (f.endsWith('.png')) fs.rmSync(path.join(args.out, f));

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aiprov-vscode-e2e-'));
  const workspace = path.join(tmp, 'eval-repo');
  const testLog = path.join(tmp, 'extension-log.jsonl');
  const serverLog = path.join(tmp, 'aiprov-lsp.log');
  const codeServerOut = path.join(tmp, 'code-server.log');
  const codeServer = new CodeServer(tmp);
  let browser;
  let page;
  let passed = false;
  const shot = async (name) => {
    if (page) await page.screenshot({ path: path.join(args.out, `${name}.png`) }).catch(() => {});
  };
  try {
    fs.cpSync(EXAMPLE, workspace, { recursive: true });
    run('git', ['init', '-q'], { cwd: workspace });
    run('git', ['config', 'user.email', REVIEWER], { cwd: workspace });
    run('git', ['config', 'user.name', 'aiprov e2e'], { cwd: workspace });
    codeServer.writeSettings({
      'aiprov.path': args.aiprov,
      'aiprov.arguments': ['--log', serverLog],
      'aiprov.completion.tool': 'e2e-fake-ai',
    });
    codeServer.install(args.vsix);
    ok('the .vsix installs with code-server --install-extension');
    // The stand-in for an AI completion extension (fake-completion/), and
    // the logger (extension-log/), which needs aiprov installed first.
    for (const name of ['fake-completion', 'extension-log']) {
      const testVsix = path.join(tmp, `${name}.vsix`);
      packageExtension(path.join(HERE, name), testVsix);
      codeServer.install(testVsix);
    }

    const base = codeServer.start(await freePort(), workspace, { AIPROV_VSCODE_TEST_LOG: testLog }, codeServerOut);
    // Past RUN_LIMIT_MS or on a signal, code-server goes and so does tmp.
    killGroupOnExit(codeServer.process.pid, RUN_LIMIT_MS, () => {
      if (!process.env.AIPROV_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    });
    await codeServer.waitUntilServing();

    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    page = await context.newPage();
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: WAIT_MS });
    await page.locator('.statusbar').waitFor({ timeout: WAIT_MS });

    // Open the eval task with Quick Open, as a user would.
    const openTask = async () => {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ timeout: WAIT_MS });
      await page.keyboard.type('arithmetic_task.cpp');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'arithmetic_task.cpp' }).first().waitFor({ timeout: WAIT_MS });
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: 'arithmetic_task.cpp' }).waitFor({ timeout: WAIT_MS });
    };
    await openTask();
    await poll('the extension to start the server', () => readJsonLines(testLog).some((e) => e.event === 'state' && e.state === 'running'));
    ok('the extension activates and starts aiprov lsp');

    // 1. The forbidden region: Problems panel, gutter marks, status bar.
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    await problems.waitFor({ timeout: WAIT_MS });
    const problemRows = () => problems.locator('.monaco-list-row').allInnerTexts();
    const forbidden = await poll('aiprov-forbidden-region in the Problems panel', async () =>
      (await problemRows()).find((t) => t.includes('aiprov-forbidden-region')),
    );
    check(/Ln 11/.test(forbidden), `the forbidden-region problem is not on line 11: ${JSON.stringify(forbidden)}`);
    check(forbidden.includes('EVAL-1'), `the problem does not carry the policy message: ${JSON.stringify(forbidden)}`);
    // Pushed and pulled diagnostics would each be listed (one collection per
    // model): the extension keeps only the pushed ones.
    const sameRows = (await problemRows()).filter((t) => t.includes('aiprov-forbidden-region') && /Ln 11\b/.test(t));
    check(sameRows.length === 1, `the Problems panel lists the forbidden region ${sameRows.length} times`);
    ok(`Problems panel: ${forbidden.replace(/\s+/g, ' ').trim()}`);
    const firstDecorations = await poll('decorations of the eval task', () =>
      readJsonLines(testLog).find((e) => e.event === 'decorations' && e.uri.endsWith(TASK) && e.ranges.forbidden.length > 0),
    );
    check(
      JSON.stringify(firstDecorations.ranges.forbidden) === JSON.stringify([[10, 15], [19, 19]]),
      `forbidden decorations are ${JSON.stringify(firstDecorations.ranges)}, expected lines 10-15 and 19 (0-based)`,
    );
    const gutterMarks = await poll('gutter marks in the editor', async () => {
      const n = await page.locator('.monaco-editor .glyph-margin-widgets .cgmr, .monaco-editor .margin-view-overlays .cgmr').count();
      return n > 0 ? n : false;
    });
    ok(`decorations: forbidden on lines 11-16 and 20, ${gutterMarks} gutter marks shown`);
    const status = await poll('the AI-assisted share in the status bar', async () => {
      const texts = await page.locator('.statusbar-item').allInnerTexts();
      return texts.find((t) => /AI \d+%/.test(t));
    });
    check(status.includes('AI 35%'), `status bar shows ${JSON.stringify(status)}, expected AI 35% (7 of 20 lines)`);
    ok(`status bar: ${status.trim()}`);
    await shot('1-forbidden-region');

    // The commands are in the editor's context menu.
    await page.locator('.monaco-editor[data-uri$="arithmetic_task.cpp"] .view-lines').click({ button: 'right', position: { x: 200, y: 60 }, force: true });
    const menu = await poll('the editor context menu with the aiprov commands', async () => {
      const items = (await page.locator('.context-view .action-label, .monaco-menu .action-label').allInnerTexts()).map((t) => t.trim());
      return items.includes('Mark Region Reviewed') && items.includes("Show This File's Provenance") ? items : false;
    });
    await shot('1a-context-menu');
    await page.keyboard.press('Escape');
    ok(`editor context menu: ${menu.filter((t) => /Region|Provenance|Annotate/.test(t)).join(', ')}`);

    const editor = page.locator('.monaco-editor[data-uri$="arithmetic_task.cpp"]').first();
    const goToLine = async (line) => {
      await editor.locator('.view-lines').click({ position: { x: 5, y: 5 }, force: true });
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').waitFor({ timeout: WAIT_MS });
      await page.keyboard.type(String(line));
      await page.keyboard.press('Enter');
      await page.keyboard.press('Home');
      await page.keyboard.press('Home');
    };

    // 2. A clipboard paste goes through the paste provider: didPaste external.
    await goToLine(5);
    await page.evaluate((text) => navigator.clipboard.writeText(text), tenLines('pasted'));
    await page.keyboard.press('Control+V');
    const notice = await poll('the extension to send aiprov/didPaste', () =>
      readJsonLines(testLog).find((e) => e.event === 'notice' && e.method === 'aiprov/didPaste'),
    );
    check(notice.params.source.kind === 'external', `didPaste source is ${JSON.stringify(notice.params.source)}, expected external`);
    check(
      notice.params.range.start.line === 4 && notice.params.range.end.line === 14 && notice.params.range.end.character === 0,
      `didPaste range is ${JSON.stringify(notice.params.range)}, expected lines 4-14 (0-based, ending at column 0)`,
    );
    ok('Ctrl+V of 10 lines: the extension sends aiprov/didPaste {kind: external} for lines 5-14');
    // The Problems panel shows the findings of the pasted text once the
    // forbidden region's error has moved down by 10 lines.
    const afterPaste = await poll('the forbidden-region problem to move to line 21', async () => {
      const rows = await problemRows();
      return rows.some((t) => t.includes('aiprov-forbidden-region') && /Ln 21\b/.test(t)) ? rows : false;
    });
    const external = await poll('aiprov-unknown-paste for the external paste', async () =>
      (await problemRows()).find((t) => t.includes('aiprov-unknown-paste')),
    );
    check(/Ln 5\b/.test(external), `the external paste's aiprov-unknown-paste is not on line 5: ${JSON.stringify(external)} (${JSON.stringify(afterPaste)})`);
    const pasteRecord = await poll('the ledger record of the paste', () => ledgerRecords(workspace).find((r) => r.origin === 'unknown-paste'));
    check(
      pasteRecord.path === TASK && pasteRecord.start === 5 && pasteRecord.end === 14 && pasteRecord.contributor === 'unknown',
      `ledger record of the paste is ${JSON.stringify(pasteRecord)}, expected ${TASK} lines 5-14 origin unknown-paste`,
    );
    ok('the external paste is of unknown authorship: aiprov-unknown-paste on line 5, an unknown-paste record for lines 5-14');
    await shot('2-external-paste');

    // 2b. Copy lines 1-3 of the task in the editor and paste them at line 5:
    // a paste from the workspace (prepareDocumentPaste saw the copy).
    await goToLine(1);
    for (let i = 0; i < 3; ++i) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+C');
    await goToLine(5);
    await page.keyboard.press('Control+V');
    const workspaceNotice = await poll('the extension to send aiprov/didPaste for the workspace copy', () =>
      readJsonLines(testLog).find((e) => e.event === 'notice' && e.method === 'aiprov/didPaste' && e.params.source.kind !== 'external'),
    );
    check(
      workspaceNotice.params.source.kind === 'workspace' && workspaceNotice.params.source.uri.endsWith(TASK),
      `didPaste source is ${JSON.stringify(workspaceNotice.params.source)}, expected workspace with the task's URI`,
    );
    check(
      workspaceNotice.params.range.start.line === 4 && workspaceNotice.params.range.end.line === 7,
      `didPaste range is ${JSON.stringify(workspaceNotice.params.range)}, expected lines 4-7 (0-based)`,
    );
    // The external paste's finding moves down to line 8; none for these.
    const afterWorkspacePaste = await poll('the forbidden-region problem to move to line 24', async () => {
      const rows = await problemRows();
      return rows.some((t) => t.includes('aiprov-forbidden-region') && /Ln 24\b/.test(t)) &&
        rows.some((t) => t.includes('aiprov-unknown-paste') && /Ln 8\b/.test(t))
        ? rows
        : false;
    });
    check(
      !afterWorkspacePaste.some((t) => t.includes('aiprov-unknown-paste') && /Ln 5\b/.test(t)),
      `a paste from the workspace shows aiprov-unknown-paste: ${JSON.stringify(afterWorkspacePaste)}`,
    );
    check(ledgerRecords(workspace).length === 1, 'a paste from the workspace was recorded in the ledger');
    ok('copy and paste of 3 lines inside the workspace: aiprov/didPaste {kind: workspace}, nothing recorded, no finding');

    // 3. The same paste with paste capture turned off (as for text arriving
    // by a path the extension cannot observe): an unknown paste.
    // Through the Settings editor, as a user would.
    await page.keyboard.press('Control+,');
    const search = page.locator('.settings-editor .suggest-input-container textarea, .settings-editor .search-container textarea').first();
    await search.waitFor({ timeout: WAIT_MS });
    await search.fill('aiprov.paste.capture');
    const checkbox = page.locator('.settings-editor .setting-item-bool', { hasText: 'where pasted' }).locator('.setting-value-checkbox');
    await checkbox.waitFor({ timeout: WAIT_MS });
    await checkbox.click();
    await poll('the extension to see aiprov.paste.capture off', () =>
      readJsonLines(testLog).some((e) => e.event === 'config' && e.aiprov.paste && e.aiprov.paste.capture === false),
    );
    await shot('3a-paste-capture-off');
    await page.locator('.tab', { hasText: 'arithmetic_task.cpp' }).click();
    await goToLine(5);
    await page.evaluate((text) => navigator.clipboard.writeText(text), tenLines('unseen'));
    await page.keyboard.press('Control+V');
    // The external paste's finding moved down to line 18 (3 workspace lines,
    // then these 10 above it); the new one is on line 5.
    const unknown = await poll('aiprov-unknown-paste on line 5 and the earlier one on line 18', async () => {
      const rows = (await problemRows()).filter((t) => t.includes('aiprov-unknown-paste'));
      return rows.some((t) => /Ln 18\b/.test(t)) ? rows.find((t) => /Ln 5\b/.test(t)) : false;
    });
    check(
      readJsonLines(testLog).filter((e) => e.event === 'notice').length === 2,
      'the extension sent a notice with paste capture off',
    );
    await poll('an unreviewed (amber) mark on the unknown paste', () =>
      readJsonLines(testLog).some((e) => e.event === 'decorations' && e.uri.endsWith(TASK) && e.ranges.unreviewed.some(([a, b]) => a === 4 && b === 13)),
    );
    ok(`Ctrl+V of 10 lines with aiprov.paste.capture off: ${unknown.replace(/\s+/g, ' ').trim()}`);
    await shot('3-unknown-paste');

    // 4. Mark the forbidden region reviewed from the command palette.
    const beginLine = 11 + 23; // the region's `begin` directive, 1-based, below the 23 pasted lines
    await goToLine(beginLine + 1);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ timeout: WAIT_MS });
    await page.keyboard.type('aiprov: Mark Region Reviewed');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Mark Region Reviewed' }).first().waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
    const directive = await poll('the directive to be rewritten in the editor', async () => {
      // Monaco renders spaces as no-break spaces.
      const lines = (await editor.locator('.view-lines .view-line').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
      return lines.find((t) => t.includes('aiprov: begin') && t.includes('reviewed-by='));
    });
    const text = directive;
    check(text.includes(`reviewed-by=${REVIEWER}`), `the directive does not name the reviewer: ${text}`);
    check(/review=sha256:[0-9a-f]+/.test(text), `the directive has no review hash: ${text}`);
    check(/reviewed-at=\d{4}-\d\d-\d\d/.test(text), `the directive has no review date: ${text}`);
    ok(`Mark Region Reviewed rewrites the directive: ${text.trim()}`);
    await poll('the unreviewed finding to go', async () => {
      const rows = await problemRows();
      return !rows.some((t) => t.includes('aiprov-unreviewed-region'));
    });
    await shot('4-marked-reviewed');

    // 5. An inline completion accepted with Tab: didInsertCompletion.
    await goToLine(3);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ timeout: WAIT_MS });
    await page.keyboard.type('Trigger Inline Suggestion');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Trigger Inline Suggestion' }).first().waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
    await editor.locator('[class*="ghost-text"]').first().waitFor({ timeout: WAIT_MS });
    await shot('5a-inline-suggestion');
    await page.keyboard.press('Tab');
    const completion = await poll('the extension to send aiprov/didInsertCompletion', () =>
      readJsonLines(testLog).find((e) => e.event === 'notice' && e.method === 'aiprov/didInsertCompletion'),
    );
    check(completion.params.source.tool === 'e2e-fake-ai', `didInsertCompletion source is ${JSON.stringify(completion.params.source)}`);
    check(
      completion.params.range.start.line === 2 && completion.params.range.end.line === 4,
      `didInsertCompletion range is ${JSON.stringify(completion.params.range)}, expected lines 2-4 (0-based)`,
    );
    ok('Tab on an inline suggestion: the extension sends aiprov/didInsertCompletion for lines 3-5, tool e2e-fake-ai');
    const completionProblem = await poll('the completion to be reported as forbidden in the Problems panel', async () =>
      (await problemRows()).find((t) => t.includes('tool: e2e-fake-ai') && t.includes('aiprov-forbidden-region')),
    );
    check(/Ln 3\b/.test(completionProblem), `the completion's problem is not on line 3: ${JSON.stringify(completionProblem)}`);
    const completionRecord = await poll('the ledger record of the completion', () => ledgerRecords(workspace).find((r) => r.origin === 'completion'));
    check(
      completionRecord.start === 3 && completionRecord.end === 5 && completionRecord.contributor === 'ai',
      `ledger record of the completion is ${JSON.stringify(completionRecord)}, expected lines 3-5 contributor ai`,
    );
    ok(`Problems panel: ${completionProblem.replace(/\s+/g, ' ').trim()}; ledger: origin completion on lines 3-5`);
    await shot('5-accepted-completion');

    // 6. A crashing server is reported and restarted.
    const running = readJsonLines(testLog).filter((e) => e.event === 'state' && e.state === 'running' && e.pid);
    check(running.length > 0, 'the extension logged no server process id');
    const oldPid = running[running.length - 1].pid;
    process.kill(oldPid, 'SIGKILL');
    const toast = await poll('a notification about the crash', async () =>
      (await page.locator('.notifications-toasts .notification-list-item').allInnerTexts()).find((t) => t.includes('killed by SIGKILL')),
    );
    check(toast.includes('restarting it'), `the crash notification does not say the server restarts: ${toast}`);
    await poll('the server to run again', () =>
      readJsonLines(testLog).some((e) => e.event === 'state' && e.state === 'running' && e.pid && e.pid !== oldPid),
    );
    await poll('the findings to come back after the restart', async () =>
      (await problemRows()).some((t) => t.includes('tool: e2e-fake-ai')),
    );
    await shot('6-server-restarted');
    ok(`killing aiprov lsp: "${toast.replace(/\s+/g, ' ').trim()}", restarted, findings back`);

    // 7. The workspace audit report, in a webview.
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ timeout: WAIT_MS });
    await page.keyboard.type('aiprov: Open Workspace Audit Report');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Workspace Audit Report' }).first().waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'AI audit: eval-repo' }).waitFor({ timeout: WAIT_MS });
    const reportText = await poll('the audit report in the webview', async () => {
      for (const frame of page.frames()) {
        const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        if (text.includes('evals/tasks/arithmetic_task.cpp') && /Summary/.test(text)) return text;
      }
      return false;
    });
    check(reportText.includes('claude-code'), 'the audit report does not list the claude-code region');
    await shot('7-audit-report');
    ok('Open Workspace Audit Report shows the aiprov export --format html page');

    // 8. A missing server is reported with the setting to change.
    await page.keyboard.press('Control+,');
    await search.waitFor({ timeout: WAIT_MS });
    await search.fill('aiprov.path');
    const pathInput = page.locator('.settings-editor .setting-item-text', { hasText: 'executable' }).locator('input').first();
    await pathInput.waitFor({ timeout: WAIT_MS });
    await pathInput.fill('/nonexistent/aiprov');
    await pathInput.press('Tab');
    const missing = await poll('a notification about the missing server', async () =>
      (await page.locator('.notifications-toasts .notification-list-item').allInnerTexts()).find((t) =>
        t.includes("'/nonexistent/aiprov' (setting aiprov.path) does not exist"),
      ),
    );
    await poll('the status bar to say the server is missing', async () =>
      (await page.locator('.statusbar-item').allInnerTexts()).some((t) => t.includes('aiprov: server not found')),
    );
    await shot('8-server-missing');
    ok(`aiprov.path set to a missing file: "${missing.replace(/\s+/g, ' ').trim()}", status bar: aiprov: server not found`);
    passed = true;
    console.log(`PASS (screenshots in ${args.out})`);
  } catch (error) {
    await shot('failure');
    console.error(`FAIL: ${error instanceof Failure ? error.message : error.stack}`);
    for (const [name, file] of [
      ['extension log', testLog],
      ['aiprov lsp --log', serverLog],
      ['code-server output', codeServerOut],
    ]) {
      const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(none)';
      console.error(`--- ${name} (${file}), last 4000 characters:\n${text.slice(-4000)}`);
    }
  } finally {
    if (browser) await browser.close().catch(() => {});
    // code-server, its extension host and the aiprov server it started.
    if (codeServer.process?.pid) await stopGroup(codeServer.process.pid);
    if (passed || !process.env.AIPROV_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    else console.error(`kept ${tmp}`);
  }
  process.exit(passed ? 0 : 1);
}

main();
