// How long report.html takes to open in headless Chromium: navigation start to the load
// event, and to the end of the page's own script (filters shown, first page laid out).
//   node bench/report_load.js REPORT.html [RUNS]     (needs scripts/setup.sh --tests)
// Prints each run and the median, in milliseconds, with the file size and finding count.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require(path.join(__dirname, '../tests/browser/node_modules/playwright-core'));

(async () => {
  const report = path.resolve(process.argv[2]);
  const runs = Number(process.argv[3] || 5);
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const loads = [];
  const ready = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto('file://' + report, { waitUntil: 'load' });
    await page.waitForSelector('#filters:not([hidden]), #findings p.muted', { state: 'attached' });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { load: nav.loadEventEnd, ready: performance.now(),
               findings: document.querySelectorAll('li.finding').length };
    });
    loads.push(t.load);
    ready.push(t.ready);
    findings = t.findings;
    console.log(`run ${i + 1}: load event ${t.load.toFixed(0)} ms, script done by ${t.ready.toFixed(0)} ms`);
    await page.close();
  }
  await browser.close();
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const mb = fs.statSync(report).size / 1e6;
  console.log(`${report}: ${mb.toFixed(1)} MB, ${findings} findings; median load ${median(loads).toFixed(0)} ms, ` +
    `median ready ${median(ready).toFixed(0)} ms (${runs} runs)`);
})();
