// Opens a link in Debian's chromium, headless, driven by playwright-core, and reports on stdout one JSON object per
// opening: the HTTP status, the page's headers, the visible text of the elements the gateway's tests read, every
// URL the page asked for, and the console's errors (a Content-Security-Policy violation is one).
// Usage: node open-link.mjs <url> [times]   (CHROMIUM: the browser's path, /usr/bin/chromium by default).
// Run by io.anygate.browser.CardDetailsBrowserTest.
import { chromium } from 'playwright-core';

const url = process.argv[2];
const times = Number(process.argv[3] || '1');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // a container's root user has no user namespace for chromium's sandbox
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
try {
  const context = await browser.newContext();
  for (let i = 0; i < times; i++) {
    const page = await context.newPage();
    const requests = [];
    const consoleErrors = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    const response = await page.goto(url, { waitUntil: 'load' });
    const text = async (selector) => {
      const el = await page.$(selector);
      return el ? (await el.innerText()).trim() : null;
    };
    const out = {
      status: response.status(),
      headers: await response.allHeaders(),
      title: await page.title(),
      lang: await page.getAttribute('html', 'lang'),
      h1: await text('h1'),
      pan: await text('#pan'),
      expiry: await text('#expiry'),
      cvv: await text('#cvv'),
      refusal: await text('#refusal'),
      scripts: await page.$$eval('script', (s) => s.length),
      requests,
      consoleErrors,
    };
    process.stdout.write(JSON.stringify(out) + '\n');
    await page.close();
  }
} finally {
  await browser.close();
}
