// Stored script never runs in a real browser: an administrator saves cross-site scripting
// payloads through the forms (an engagement and a news article with Markdown links), then the
// pages that show them are opened in Chromium. Each payload would set window.__xss or open a
// dialog if it ran. (The whole corpus of 60 payloads is checked on the HTML of every page by
// crates/samverk-web/tests/it/trust/xss.rs; this is the sample in a browser.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, context } from './lib.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  "' onmouseover='window.__xss=4",
  '<a href="javascript:window.__xss=5">click</a>',
];
const MARKDOWN = '[read more](javascript:window.__xss=6) and ![image](javascript:window.__xss=7) <b onclick="window.__xss=8">bold</b>';

// Opens `path`, hovers and clicks every link in the main content that is not a navigation to
// another page, and returns what ran: dialogs and the value of window.__xss.
async function ran(page, path) {
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(BASE + path);
  for (const link of await page.$$('main a[href^="javascript:"], main [onclick], main [onmouseover]')) {
    await link.hover().catch(() => {});
    await link.click({ noWaitAfter: true, timeout: 1000 }).catch(() => {});
  }
  const flag = await page.evaluate(() => window.__xss);
  return { dialogs, flag };
}

async function firstOption(page, select) {
  return page.$eval(select, (s) => [...s.options].map((o) => o.value).find((v) => v !== ''));
}

test('stored payloads in an engagement and a news article do not run in the browser', async () => {
  assert.ok(process.env.SAMVERK_DEMO_PASSWORD, 'the runner passes the demo administrator password');
  const ctx = await context(browser, 'en');
  const page = await ctx.newPage();

  await page.goto(BASE + '/engagements/new');
  const owner = await firstOption(page, '#field-owner_id');
  await page.goto(`${BASE}/engagements/new?owner_id=${owner}`);
  await page.fill('#field-title', `XSS probe ${PAYLOADS[0]}`);
  await page.selectOption('#field-kind', 'bilateral_agreement');
  await page.fill('#field-description', PAYLOADS.join(' '));
  await Promise.all([page.waitForURL(/\/engagements\/\d+$/), page.click('main form[method=post] button[type=submit]')]);
  const engagement = new URL(page.url()).pathname;

  await page.goto(BASE + '/news/new');
  await page.selectOption('#field-owner_id', await firstOption(page, '#field-owner_id'));
  await page.fill('#field-news_title', `XSS probe ${PAYLOADS[1]}`);
  await page.fill('#field-lead', PAYLOADS[2]);
  await page.fill('#field-news_body', MARKDOWN);
  await page.fill('#field-tags', PAYLOADS[3]);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/new')), page.click('main form[method=post] button[type=submit]')]);
  const article = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href')).find((h) => /^\/news\/\d+$/.test(h)))
    || new URL(page.url()).pathname;

  for (const path of [engagement, `${engagement}/edit`, '/engagements?q=probe', article, '/news', '/search?q=probe', `/history${engagement}`]) {
    const p = await ctx.newPage();
    const { dialogs, flag } = await ran(p, path);
    assert.deepEqual(dialogs, [], `${path} opened a dialog`);
    assert.equal(flag, undefined, `${path} ran stored script (window.__xss = ${flag})`);
    await p.close();
  }
  // The payload text is shown as text, not dropped.
  const shown = await ctx.newPage();
  await shown.goto(BASE + engagement);
  assert.ok((await shown.textContent('main')).includes('onerror="window.__xss=1"'), 'the payload is shown as text');
  await ctx.close();
});
