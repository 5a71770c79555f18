#!/usr/bin/env node
// Opens the HTML export in a real browser (Debian's headless chromium,
// driven by playwright-core) and checks what an auditor would see, against
// the JSON export of the same tree:
//   - with JavaScript disabled: the summary figures, one visible bar per
//     directory (as wide as its share) and one visible row per region;
//   - with JavaScript enabled: clicking the Tool header sorts the rows by
//     tool and changes their order, and clicking again reverses it;
//   - in both: the page makes no request besides loading itself, and the
//     browser reports no Content-Security-Policy violation (which would mean
//     our own style sheet or script was blocked);
// then saves a full-page screenshot.
//
//   node render-html.js EXPORT.html EXPORT.json SCREENSHOT.png
//
// Exit status: 0 all checks passed; 1 a check failed; 2 usage or an
// unreadable file; 77 skipped because chromium or playwright-core is not
// installed (scripts/setup installs both), which ctest reports as SKIP.
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const SKIP = 77;
const chromiumPath = process.env.AIPROV_CHROMIUM || '/usr/bin/chromium';

function usage(message) {
  if (message) console.error(`render-html: ${message}`);
  console.error('usage: node render-html.js EXPORT.html EXPORT.json SCREENSHOT.png');
  process.exit(2);
}

function skip(why) {
  console.log(`render-html: SKIP: ${why}; scripts/setup installs it`);
  process.exit(SKIP);
}

let failures = 0;
function check(condition, message) {
  if (!condition) {
    console.error(`render-html: FAIL: ${message}`);
    ++failures;
  }
}

// Every request the context makes, and every console error. The route
// aborts anything but the page itself, so a regression cannot reach the
// network even while it is being reported.
async function openPage(browser, pageUrl, javaScriptEnabled) {
  const context = await browser.newContext({
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
  });
  const requests = [];
  const consoleErrors = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) =>
    route.request().url() === pageUrl ? route.continue() : route.abort());
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(pageUrl, { waitUntil: 'load' });
  return { context, page, requests, consoleErrors };
}

function checkQuiet(label, { requests, consoleErrors }, pageUrl) {
  // Seeing the page's own load proves the listener works, so an empty
  // list of other requests means something.
  check(requests.includes(pageUrl),
        `${label}: the request listener did not see the page load`);
  const others = requests.filter((url) => url !== pageUrl);
  check(others.length === 0,
        `${label}: the page requested ${JSON.stringify(others)}`);
  check(consoleErrors.length === 0,
        `${label}: console errors (CSP violations?) ${JSON.stringify(consoleErrors)}`);
}

async function columnTexts(page, column) {
  return page.$$eval('#region-table tbody tr',
                     (rows, c) => rows.map((r) => r.cells[c].textContent.trim()),
                     column);
}

async function withoutJavaScript(browser, pageUrl, expected) {
  const opened = await openPage(browser, pageUrl, false);
  const { page } = opened;

  check(await page.locator('#region-table thead button').count() === 0,
        'no-JS: headers became buttons, so JavaScript ran');
  check(!(await page.locator('.js-only').first().isVisible()),
        'no-JS: the sorting hint is shown although nothing can sort');

  for (const [id, want] of [['#summary-files', String(expected.summary.files)],
                            ['#summary-regions', String(expected.summary.regions)],
                            ['#summary-lines', `${expected.summary.aiLines} of ${expected.summary.totalLines}`],
                            ['#summary-share', `${(expected.summary.aiShare * 100).toFixed(2)}%`]]) {
    const node = page.locator(id);
    check(await node.isVisible(), `no-JS: ${id} is not visible`);
    const text = (await node.textContent()).trim();
    check(text === want, `no-JS: ${id} says '${text}', the JSON export '${want}'`);
  }

  const dirs = expected.summary.byDirectory;
  const bars = page.locator('#by-directory svg.bar rect.fill');
  check(await bars.count() === dirs.length,
        `no-JS: ${await bars.count()} bars for ${dirs.length} directories`);
  const track = await page.locator('#by-directory svg.bar').first().boundingBox();
  check(track && track.width > 50, `no-JS: the chart is not laid out (${JSON.stringify(track)})`);
  for (let i = 0; i < dirs.length && i < await bars.count(); ++i) {
    const box = await bars.nth(i).boundingBox();
    const width = box ? box.width : 0;
    const want = track ? track.width * dirs[i].aiShare : 0;
    check(Math.abs(width - want) <= 1.5,
          `no-JS: bar of ${dirs[i].directory} is ${width}px wide, want ${want}px (share ${dirs[i].aiShare})`);
    if (dirs[i].aiLines > 0)
      check(await bars.nth(i).isVisible(), `no-JS: bar of ${dirs[i].directory} is not visible`);
  }

  const rows = page.locator('#region-table tbody tr');
  check(await rows.count() === expected.regions.length,
        `no-JS: ${await rows.count()} rows for ${expected.regions.length} regions`);
  for (let i = 0; i < await rows.count(); ++i)
    check(await rows.nth(i).isVisible(), `no-JS: region row ${i} is not visible`);
  const locations = await columnTexts(page, 0);
  expected.regions.forEach((r, i) =>
    check(locations[i] === `${r.file}:${r.start.line}`,
          `no-JS: row ${i} is '${locations[i]}', want '${r.file}:${r.start.line}'`));

  await opened.context.close();
  checkQuiet('no-JS', opened, pageUrl);
}

async function withJavaScript(browser, pageUrl, screenshot) {
  const opened = await openPage(browser, pageUrl, true);
  const { page } = opened;
  const toolHeader = page.locator('#region-table thead th', { hasText: /^Tool$/ });
  const toolButton = toolHeader.locator('button');
  try {
    await toolButton.waitFor({ state: 'visible', timeout: 5000 });
  } catch (e) {
    // The script did not run (a CSP hash that does not match, say): the
    // rest would only time out.
    check(false, 'JS: the Tool header did not become a button');
    await opened.context.close();
    checkQuiet('JS', opened, pageUrl);
    return;
  }
  const toolColumn = await toolHeader.evaluate((th) => th.cellIndex);

  const locationsBefore = await columnTexts(page, 0);
  const toolsBefore = await columnTexts(page, toolColumn);
  const ascendingTools = [...toolsBefore].sort((a, b) => a.localeCompare(b));
  // The fixture must be able to show a change at all.
  check(JSON.stringify(toolsBefore) !== JSON.stringify(ascendingTools),
        'JS: the rows already are in tool order; the test proves nothing');

  await toolButton.click();
  const toolsAscending = await columnTexts(page, toolColumn);
  check(JSON.stringify(toolsAscending) === JSON.stringify(ascendingTools),
        `JS: after one click the tools are ${JSON.stringify(toolsAscending)}`);
  check(JSON.stringify(await columnTexts(page, 0)) !== JSON.stringify(locationsBefore),
        'JS: clicking the Tool header did not change the row order');
  check(await toolHeader.getAttribute('aria-sort') === 'ascending',
        'JS: the Tool header is not marked aria-sort=ascending');

  await toolButton.click();
  const toolsDescending = await columnTexts(page, toolColumn);
  check(JSON.stringify(toolsDescending) === JSON.stringify([...ascendingTools].reverse()),
        `JS: after two clicks the tools are ${JSON.stringify(toolsDescending)}`);
  await toolButton.click(); // Back to ascending, as the screenshot shows it.

  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
  const png = fs.readFileSync(screenshot);
  check(png.length > 1000 && png.subarray(1, 4).toString() === 'PNG',
        `JS: ${screenshot} is not a PNG`);
  await opened.context.close();
  checkQuiet('JS', opened, pageUrl);
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length !== 3) usage();
  const [htmlPath, jsonPath, screenshot] = args.map((a) => path.resolve(a));
  let expected;
  try {
    fs.accessSync(htmlPath, fs.constants.R_OK);
    expected = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  } catch (e) {
    usage(e.message);
  }
  if (expected.regions.length === 0)
    usage(`${jsonPath} lists no regions: nothing to check`);

  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    skip('playwright-core is not installed in tests/tools');
  }
  if (!fs.existsSync(chromiumPath)) skip(`${chromiumPath} is not installed`);

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const pageUrl = pathToFileURL(htmlPath).href;
    await withoutJavaScript(browser, pageUrl, expected);
    await withJavaScript(browser, pageUrl, screenshot);
  } finally {
    await browser.close();
  }
  if (failures !== 0) {
    console.error(`render-html: ${failures} check(s) failed on ${htmlPath}`);
    process.exit(1);
  }
  console.log(`render-html: ${htmlPath}: ${expected.regions.length} rows, ` +
              `${expected.summary.byDirectory.length} bars, sorting and ` +
              `no network: ok`);
  console.log(`render-html: screenshot: ${screenshot}`);
}

main().catch((e) => {
  console.error(`render-html: ${e.stack || e}`);
  process.exit(1);
});
