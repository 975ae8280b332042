// Screenshots of the main public pages in every language, into target/screenshots/, for a
// person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, LANGUAGES, launch, context, openCall } from './lib.js';

const OUT = process.env.SCREENSHOT_DIR || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'target', 'screenshots');
let browser;
before(async () => { browser = await launch(); mkdirSync(OUT, { recursive: true }); });
after(async () => { await browser?.close(); });

// The first link on `path` whose address matches `pattern`, so the shots follow the demo data.
async function firstLink(page, path, pattern) {
  await page.goto(BASE + path);
  const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href')));
  return hrefs.find((h) => pattern.test(h));
}

test('screenshots of the main public pages in nb, sv and en', async () => {
  const ctx = await context(browser, 'en');
  const page = await ctx.newPage();
  const pages = { front: '/', engagements: '/engagements', plans: '/plans', organisations: '/organisations' };
  const plan = await firstLink(page, '/plans', /^\/plans\/\d+$/);
  if (plan) pages.plan = plan;
  const engagement = await firstLink(page, '/engagements', /^\/engagements\/\d+$/);
  if (engagement) pages.engagement = engagement;
  const portfolio = (await firstLink(page, '/p', /^\/p\/telemark-fylkeskommune$/)) || (await firstLink(page, '/p', /^\/p\/[^/]+$/));
  if (portfolio) pages.portfolio = portfolio;
  const statement = await page.goto(BASE + '/accessibility');
  if (statement && statement.ok()) pages.accessibility = '/accessibility';
  pages.news = '/news';
  const article = await firstLink(page, '/news', /^\/news\/\d+$/);
  if (article) pages.article = article;
  pages.search = '/p/search?q=samarbeid';
  await ctx.close();
  pages.call = await openCall(browser, 'Vi ønsker innspill om nettverk / Inspel om nätverk');
  let taken = 0;
  for (const lang of LANGUAGES) {
    const c = await context(browser, lang);
    const p = await c.newPage();
    for (const [name, path] of Object.entries(pages)) {
      await p.goto(BASE + path);
      // The call's form and the search results are below the first screen: the whole page.
      await p.screenshot({ path: join(OUT, `${name}-${lang}.png`), fullPage: name === 'call' || name === 'search' });
      taken += 1;
    }
    await c.close();
  }
  assert.ok(taken >= 30, `screenshots taken: ${taken}`);
});
