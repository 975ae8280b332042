// Shared set-up of the browser tests: the server's address, the browser, and the login hook.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const BASE = (process.env.SAMVERK_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
export const LANGUAGES = ['nb', 'sv', 'en'];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Debian's chromium; no browser is ever downloaded (see STACK.md).
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// A context in one language: the cookie the language switcher sets.
export async function context(browser, lang) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (lang) {
    await ctx.addCookies([{ name: 'samverk_lang', value: lang, url: BASE }]);
  }
  await login(ctx);
  return ctx;
}

// Signs in as the demo administrator so the staff pages are reached too. The runner reads the
// password `samverk serve --demo` printed (it exists only in that output); without it the
// tests see what the anonymous public sees.
export async function login(ctx) {
  const password = process.env.SAMVERK_DEMO_PASSWORD;
  if (!password) return;
  const page = await ctx.newPage();
  await page.goto(BASE + '/login');
  await page.fill('#field-username', 'demo-administrator');
  await page.fill('#field-password', password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.click('main button[type=submit]')]);
  await page.close();
}

// Opens a call for input that is open now (from two days ago for 30 days), as the demo
// administrator: the demo's own call closed in 2023, and the form shows only while open.
export async function openCall(browser, title) {
  const ctx = await context(browser, 'en');
  const page = await ctx.newPage();
  await page.goto(BASE + '/calls/new');
  const owner = await page.$$eval('#field-owner_id option', (os) => os.map((o) => o.value).find((v) => v !== ''));
  await page.selectOption('#field-owner_id', owner);
  await page.fill('#field-call_title', title);
  await page.fill('#field-call_text', 'We would like your views on our networks.');
  await page.fill('#field-questions', 'Which networks matter to you?');
  const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
  await page.fill('#field-opens_on', day(-2));
  await page.fill('#field-closes_on', day(30));
  await page.fill('#field-consent_text', 'Your answer may be published without your name.');
  await Promise.all([page.waitForNavigation(), page.locator('main form button[type=submit]').click()]);
  const path = new URL(page.url()).pathname;
  await ctx.close();
  if (!/^\/calls\/\d+$/.test(path)) throw new Error(`the call was not opened: ${path}`);
  return path;
}

// The axe-core violations of the page as it is now, as readable lines (empty when it passes).
export async function violations(page) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

// The shape of an address: ids become ":id" and the query keeps only its parameter names, so
// the crawl checks a few pages of each kind instead of every record and filter combination.
function shape(url) {
  const params = [...new Set([...url.searchParams.keys()])].sort().join('&');
  return url.pathname.replace(/\/\d+(?=\/|$)/g, '/:id') + (params ? `?${params}` : '');
}

// Every kind of same-origin page reachable by links from `start`, breadth first, at most
// `perShape` pages of each shape. Skips the language switch (it changes the cookie), the JSON
// API and downloads; at most `limit` pages.
export async function crawl(page, start, limit = 250, perShape = 3) {
  const seen = new Set([start]);
  const shapes = new Map();
  const queue = [start];
  const pages = [];
  while (queue.length > 0 && pages.length < limit) {
    const path = queue.shift();
    let response;
    try {
      response = await page.goto(BASE + path);
    } catch (error) {
      // A link to a file (an attachment, a report's PDF) starts a download, not a page.
      if (String(error).includes('Download is starting')) continue;
      throw error;
    }
    const type = response ? response.headers()['content-type'] || '' : '';
    if (!type.startsWith('text/html')) continue;
    pages.push(path);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== new URL(BASE).origin) continue;
      if (url.pathname.startsWith('/lang/') || url.pathname.startsWith('/api/') || url.pathname.startsWith('/static/')) continue;
      if (/\.(xml|csv|xlsx|json|atom|pdf)$/.test(url.pathname)) continue;
      const next = url.pathname + url.search;
      const kind = shape(url);
      if (!seen.has(next) && (shapes.get(kind) || 0) < perShape) {
        shapes.set(kind, (shapes.get(kind) || 0) + 1);
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return pages;
}
