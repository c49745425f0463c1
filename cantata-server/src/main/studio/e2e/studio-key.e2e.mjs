// The studio on a server that wants an API key: the page opens without it, asks for it when the server says 401,
// keeps it in the browser, and sends it on every call after (the voices, the credits, a spoken sentence); nothing
// leaves the server and nothing is logged as an error but the 401s the page was meant to meet.
//
//   CANTATA_URL=http://127.0.0.1:8802 CANTATA_KEY=secret CHROMIUM=/usr/bin/chromium node e2e/studio-key.e2e.mjs
import { chromium } from 'playwright-core';

const base = process.env.CANTATA_URL;
const key = process.env.CANTATA_KEY;
if (!base || !key) {
  console.error('CANTATA_URL and CANTATA_KEY must be set');
  process.exit(2);
}
const origin = new URL(base).origin;
const problems = [];
const outside = [];

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--autoplay-policy=no-user-gesture-required'],
});
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  // the browser itself logs each refused request; the page's own code must log nothing
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  context.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url()); });

  const response = await page.goto(`${base}/`);
  check(response.status() === 200, 'the page opens without the key');
  await page.waitForSelector('#key-form:not([hidden])');
  check(/wants an API key/.test(await page.textContent('#status')), 'the page says the server wants a key');
  await page.fill('#key-input', 'wrong');
  await page.click('#key-form button[type="submit"]');
  await page.waitForFunction(() => /refused this API key/.test(document.getElementById('status').textContent));
  await page.fill('#key-input', key);
  await page.click('#key-form button[type="submit"]');
  await page.waitForSelector('#credits:not([hidden])');
  check(await page.evaluate(() => localStorage.getItem('cantata.apiKey')) === key, 'the key is kept in this browser');
  await page.click('.tab[data-tab="speak"]');
  await page.waitForSelector('#voice option', { state: 'attached' });
  await page.fill('#speak-text', 'The key is sent with every call.');
  await page.click('#speak');
  await page.waitForFunction(() => window.cantataStudio.speak.stats, null, { timeout: 60_000 });
  check(problems.length === 0, `no console errors (${problems.join(' | ')})`);
  check(outside.length === 0, `no request leaves the server (${outside.join(', ')})`);
  console.log('all checks passed');
} catch (e) {
  console.error(e.stack || String(e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
