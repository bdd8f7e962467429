// Opens report.html in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) and uses it as a reader would.
//   node report_test.js REPORT.html SCREENSHOT.png    the korea-1950 report: matrix, filters,
//                                                     sort, pages and links; saves a screenshot
//   node report_test.js --hostile REPORT.html         the hostile-text corpus: nothing runs
//   node report_test.js --pages REPORT.html           tests/fixtures/pages: the second page
// $CHROMIUM overrides the browser path. Exit 0 when every check passes.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

let failures = 0;
function check(ok, message) {
  console.log((ok ? 'ok - ' : 'not ok - ') + message);
  if (!ok) failures++;
}

async function open(browser, report) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push('script error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push('request: ' + r.url()); });
  await page.goto('file://' + path.resolve(report));
  return { page, problems };
}

// Whether a link's target comes into view: the report reveals it on 'hashchange', which
// fires after the click returns, so wait for it (up to 5 s) rather than look at once.
async function visible(locator) {
  return locator.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
}

// What the findings list shows: the cards of the current page, and the count line.
async function shown(page) {
  return page.evaluate(() => {
    const cards = Array.from(document.querySelectorAll('#finding-list li.finding'));
    return {
      ids: cards.map((li) => li.id),
      kinds: cards.map((li) => li.classList[1]),
      texts: cards.map((li) => li.textContent),
      confidence: cards.map((li) => Number(li.querySelector('.finding-head span:last-child')
        .textContent.replace('confidence ', ''))),
      text: document.getElementById('f-shown').textContent,
    };
  });
}

async function korea(browser, report, screenshot) {
  const { page, problems } = await open(browser, report);
  check(await page.isVisible('#filters'), 'the script ran under the page\'s CSP: filters shown');
  const data = await page.evaluate(() => JSON.parse(document.getElementById('report-data').textContent));
  const total = data.findings.length;
  const conflicts = data.findings.filter((f) => f.k === 'conflict').length;
  check(total > 50 && conflicts > 0, `${total} findings, ${conflicts} conflicts in the page's data`);

  // The claim matrix: rows, a column per source, cells with a stance linking to the article.
  const rows = await page.locator('tr.claim').count();
  const columns = await page.locator('table.matrix thead th').count();
  check(rows > 0 && columns === 5 + 2, `claim matrix: ${rows} rows, ${columns - 2} source columns`);
  const stances = await page.evaluate(() => Array.from(new Set(
    Array.from(document.querySelectorAll('tr.claim td.cell')).map((td) => td.classList[1]))).sort());
  check(['asserts', 'silent'].every((s) => stances.includes(s)) && stances.length >= 3,
    `matrix cells say ${stances.join(', ')}`);
  const cell = page.locator('tr.claim td.cell a').first();
  const target = await cell.getAttribute('href');
  await cell.click();
  check(await page.evaluate(() => location.hash) === target, `a matrix cell links to ${target}`);
  check(await visible(page.locator(target)), 'and the statement is shown in its article');

  // Filters: kind, then a text search, then sort by confidence; pages of 100.
  let s = await shown(page);
  check(s.text === `${total} of ${total} shown` && s.ids.length === Math.min(100, total),
    `unfiltered: "${s.text}", ${s.ids.length} on the first page`);
  await page.selectOption('#f-kind', 'conflict');
  s = await shown(page);
  check(s.text === `${conflicts} of ${total} shown` && s.kinds.every((k) => k === 'conflict') &&
    s.ids.length === conflicts, `kind filter: "${s.text}", only conflicts shown`);
  await page.fill('#f-query', '1993');
  s = await shown(page);
  const matching = data.findings.filter((f) => f.k === 'conflict' &&
    (data.sentences[f.a.n] + data.sentences[f.b.n]).includes('1993')).length;
  check(matching > 0 && s.ids.length === matching && s.texts.every((t) => t.includes('1993')) &&
    s.text === `${matching} of ${total} shown`, `search "1993": ${s.text}`);
  await page.fill('#f-query', '');
  await page.selectOption('#f-kind', '');
  await page.selectOption('#f-sort', 'confidence');
  s = await shown(page);
  check(s.confidence.every((c, i) => i === 0 || s.confidence[i - 1] >= c),
    'sort by confidence: highest first');
  await page.selectOption('#f-sort', '');

  // Links both ways: a finding's statement to the article, the article back to a finding on
  // another page (the report opens that page).
  const back = page.locator('#articles a.fl').last();
  const finding = await back.getAttribute('href');
  await back.click();
  check(await visible(page.locator(finding)), `article link ${finding} opens its finding`);
  const forward = page.locator(`${finding} .where a`).first();
  const statement = await forward.getAttribute('href');
  await forward.click();
  check(await visible(page.locator(statement)), `finding ${finding} links to ${statement}`);
  check(problems.length === 0, 'no script error, CSP violation or request: ' + problems.join('; '));

  // The screenshot the README shows: the summary and the top of the claim matrix.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await page.evaluate(() => { location.hash = ''; window.scrollTo(0, 0); });
  await page.screenshot({ path: screenshot });
  check(fs.statSync(screenshot).size > 10000, `screenshot saved: ${screenshot}`);
}

// A report of more than one page of findings: the pager, and a link to a finding on the
// second page from its article.
async function pages(browser, report) {
  const { page, problems } = await open(browser, report);
  const data = await page.evaluate(() => JSON.parse(document.getElementById('report-data').textContent));
  check(data.findings.length > 100, `${data.findings.length} findings: more than a page`);
  let s = await shown(page);
  check(s.ids.length === 100, `the first page shows 100 (got ${s.ids.length})`);
  await page.click('#findings-pager button[data-step="1"]');
  s = await shown(page);
  const next = data.findings[100].id;
  check(s.ids[0] === next, `next page starts at ${next} (got ${s.ids[0]})`);
  await page.click('#findings-pager button[data-step="-1"]');
  const last = data.findings[data.findings.length - 1].id;
  await page.locator(`#articles a.fl[href="#${last}"]`).first().click();
  check(await visible(page.locator(`#${last}`)), `article link #${last} opens the second page`);
  check(problems.length === 0, 'no script error, CSP violation or request: ' + problems.join('; '));
}

async function hostile(browser, report) {
  const { page, problems } = await open(browser, report);
  await page.locator('#finding-list li.finding').first().hover();
  await page.locator('tr.claim th').first().hover().catch(() => {});
  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    scripts: document.querySelectorAll('script:not([type="application/json"])').length,
    injected: document.querySelectorAll('img, svg, b, iframe, object, embed').length,
    text: document.body.textContent,
  }));
  check(state.pwned === undefined, 'no hostile script or handler ran');
  check(state.scripts === 1 && state.injected === 0, 'no element came from the corpus');
  check(state.text.includes('<script>window.__pwned = 1</script>') &&
    state.text.includes('"><img src=x onerror="window.__pwned=2">'), 'the markup shows as text');
  check(!state.text.includes('\u202E'), 'the bidi override is shown as [U+202E], not applied');
  check(problems.length === 0, 'no script error, CSP violation or request: ' + problems.join('; '));
}

(async () => {
  const args = process.argv.slice(2);
  const executablePath = process.env.CHROMIUM ||
    ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  if (!executablePath) {
    console.error('report_test: no Chromium found (install Debian\'s chromium, or set CHROMIUM)');
    process.exit(1);
  }
  const browser = await chromium.launch({
    executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    if (args[0] === '--hostile') await hostile(browser, args[1]);
    else if (args[0] === '--pages') await pages(browser, args[1]);
    else await korea(browser, args[0], args[1]);
  } catch (e) {
    check(false, 'the test ran to its end: ' + e.message);
  } finally {
    await browser.close();
  }
  process.exit(failures ? 1 : 0);
})();
