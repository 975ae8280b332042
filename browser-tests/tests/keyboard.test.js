// A person without a mouse finds a call for input from the public pages, fills it in and sends
// it: Tab, Enter, Space and typing only. Every element that takes focus shows it, the skip link
// comes first, every field has a label, and a missing answer comes back as an announced error
// summary whose link moves focus to the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openCall } from './lib.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TITLE = `Keyboard call ${Date.now()}`;

// What has focus now, and whether that focus can be seen (an outline or a box shadow).
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      href: el.getAttribute('href') || '',
      text: (el.textContent || '').trim(),
      visible: Boolean(outline || shadow),
      style: `outline: ${style.outlineStyle} ${style.outlineWidth}; box-shadow: ${style.boxShadow}`,
    };
  });
}

// Presses Tab until `wanted` holds for the focused element, checking on the way that every
// focused element shows its focus. At most `limit` presses.
async function tabTo(page, wanted, what, limit = 80) {
  for (let n = 0; n < limit; n += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag !== 'body') assert.ok(f.visible, `focus is visible on <${f.tag} id="${f.id}" href="${f.href}"> (${f.style})`);
    if (wanted(f)) return f;
  }
  assert.fail(`Tab never reached ${what}`);
}

test('a keyboard user finds a call for input, is told what is missing, and sends the answer', async () => {
  await openCall(browser, TITLE);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  await ctx.addCookies([{ name: 'samverk_lang', value: 'en', url: BASE }]);
  const page = await ctx.newPage();

  // The public index; the skip link is the first stop and moves focus to the content.
  await page.goto(BASE + '/p');
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  assert.equal(skip.href, '#main', 'the first Tab reaches the skip link');
  assert.ok(skip.visible, `the skip link shows focus (${skip.style})`);
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'main', 'the skip link moves focus to the content');

  // From the public pages to the calls for input, and to this call.
  await tabTo(page, (f) => f.href === '/calls', 'the link to the calls for input');
  await Promise.all([page.waitForURL(BASE + '/calls'), page.keyboard.press('Enter')]);
  await tabTo(page, (f) => f.text === TITLE, `the link to «${TITLE}»`);
  await Promise.all([page.waitForURL(/\/calls\/\d+$/), page.keyboard.press('Enter')]);

  // Every field of the answer form has a label that names it.
  const unlabelled = await page.$$eval('form[action$="/answers"] :is(input, textarea, select)', (els) =>
    els
      .filter((el) => el.type !== 'hidden' && el.name !== 'website')
      .filter((el) => !(el.labels && [...el.labels].some((l) => l.textContent.trim() !== '')))
      .map((el) => el.name));
  assert.deepEqual(unlabelled, [], 'fields without a label');

  // Name, e-mail and organisation typed; the answer left out; consent given with Space.
  await tabTo(page, (f) => f.id === 'field-sender_name', 'the name field');
  await page.keyboard.type('Kari Nordmann');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'field-email');
  await page.keyboard.type('kari@example.no');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'field-sender_organisation');
  await page.keyboard.type('Skien kommune');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'field-answer');
  await tabTo(page, (f) => f.id === 'field-consent', 'the consent box', 5);
  await page.keyboard.press('Space');
  await tabTo(page, (f) => f.tag === 'button', 'the send button', 5);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

  // The errors are announced and each is linked to its field.
  const summary = page.locator('main [role=alert]');
  assert.equal(await summary.count(), 1, 'an error summary with role=alert');
  const link = summary.locator('a[href="#field-answer"]');
  assert.equal(await link.count(), 1, 'the summary links to the answer field');
  assert.equal(await page.inputValue('#field-sender_name'), 'Kari Nordmann', 'what was typed is kept');
  assert.ok(await page.isChecked('#field-consent'), 'the consent is kept');
  await tabTo(page, (f) => f.href === '#field-answer', 'the error link');
  await page.keyboard.press('Enter');
  const field = await focused(page);
  assert.equal(field.id, 'field-answer', 'the error link moves focus to the field');
  assert.equal(await page.getAttribute('#field-answer', 'aria-invalid'), 'true');
  const described = (await page.getAttribute('#field-answer', 'aria-describedby')) || '';
  const messages = await page.evaluate((ids) => ids.split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent.trim() || ''), described);
  assert.ok(messages.some((m) => m.length > 0 && described.includes('error-answer')), `the field is described by its error: ${described} → ${messages}`);

  // The answer typed, and the form sent from the keyboard: the receipt.
  await page.keyboard.type('The Nordic networks matter most to us.');
  await tabTo(page, (f) => f.tag === 'button', 'the send button', 5);
  await Promise.all([page.waitForURL(/\/calls\/receipt\//), page.keyboard.press('Enter')]);
  assert.ok((await page.textContent('main')).includes(TITLE), 'the receipt names the call');
  await ctx.close();
});
