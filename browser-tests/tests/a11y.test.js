// Every page passes axe-core at WCAG 2.1 A and AA with zero violations: the pages reached by
// links from the front page, the forms, and the forms as they come back with errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, context, violations, crawl } from './lib.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Forms that are not linked from every page, and whose rejected state must pass as well.
const FORMS = ['/organisations/new', '/decisions/new', '/plans/new', '/engagements/new'];

test('every page reachable from the front page passes axe (English)', async () => {
  const ctx = await context(browser, 'en');
  const page = await ctx.newPage();
  const pages = await crawl(page, '/');
  for (const f of FORMS) if (!pages.includes(f)) pages.push(f);
  assert.ok(pages.length > 20, `the crawl found pages: ${pages.length}`);
  const failures = [];
  for (const path of pages) {
    await page.goto(BASE + path);
    const found = await violations(page);
    if (found.length > 0) failures.push(`${path}\n  ${found.join('\n  ')}`);
  }
  console.log(`axe: ${pages.length} pages checked`);
  assert.deepEqual(failures, [], `axe violations:\n${failures.join('\n')}`);
  await ctx.close();
});

test('forms sent empty come back with errors that pass axe', async () => {
  const ctx = await context(browser, 'en');
  const page = await ctx.newPage();
  const failures = [];
  for (const path of ['/organisations/new', '/decisions/new', '/plans/new']) {
    await page.goto(BASE + path);
    // The server's answer is what is tested, so the browser's own checks of `required` are off.
    await page.evaluate(() => document.querySelectorAll('form').forEach((f) => { f.noValidate = true; }));
    await Promise.all([page.waitForNavigation(), page.locator('main form button[type=submit]').first().click()]);
    const summary = await page.locator('.error-summary, [role=alert]').count();
    assert.ok(summary > 0, `${path}: the rejected form shows its errors`);
    const found = await violations(page);
    if (found.length > 0) failures.push(`${path} (rejected)\n  ${found.join('\n  ')}`);
  }
  assert.deepEqual(failures, [], `axe violations:\n${failures.join('\n')}`);
  await ctx.close();
});

test('the main pages pass axe in Norwegian and Swedish too', async () => {
  const failures = [];
  for (const lang of ['nb', 'sv']) {
    const ctx = await context(browser, lang);
    const page = await ctx.newPage();
    for (const path of ['/', '/engagements', '/plans', '/organisations', '/decisions', '/check']) {
      await page.goto(BASE + path);
      assert.equal(await page.getAttribute('html', 'lang'), lang, `${path} is served in ${lang}`);
      const found = await violations(page);
      if (found.length > 0) failures.push(`${lang} ${path}\n  ${found.join('\n  ')}`);
    }
    await ctx.close();
  }
  assert.deepEqual(failures, [], `axe violations:\n${failures.join('\n')}`);
});

test('the language switcher works without JavaScript and remembers the choice', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
  const page = await ctx.newPage();
  // Public pages: this visitor is not signed in.
  await page.goto(BASE + '/p');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('.lang-switch a[hreflang=sv]');
  assert.equal(new URL(page.url()).pathname, '/p', 'back on the same page');
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  await page.goto(BASE + '/accessibility');
  assert.equal(await page.getAttribute('html', 'lang'), 'sv', 'the choice is remembered');
  await ctx.close();
});

test('a keyboard user reaches the content through the skip link, with visible focus', async () => {
  const ctx = await context(browser, 'en');
  const page = await ctx.newPage();
  await page.goto(BASE + '/engagements');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({ cls: document.activeElement.className, outline: getComputedStyle(document.activeElement).outlineStyle, left: document.activeElement.getBoundingClientRect().left }));
  assert.equal(focused.cls, 'skip-link');
  assert.notEqual(focused.outline, 'none', 'focus is visible');
  assert.ok(focused.left >= 0, 'the skip link is on screen when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await ctx.close();
});
