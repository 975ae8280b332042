// The organisation picker (templates/_picker.html, static/picker.js) with the keyboard only:
// type part of a name without its accents, move to a suggestion with the arrow keys, choose it
// with Enter, close the list with Escape; the form then adds the organisation chosen. The open
// list, and a name the register does not know (422 with the candidates), pass axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, context, violations } from './lib.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The participant form of the first engagement in the list.
async function participantForm(page) {
  await page.goto(BASE + '/engagements');
  const href = await page.$$eval('main table a[href^="/engagements/"]', (as) => as.map((a) => a.getAttribute('href'))[0]);
  assert.ok(href, 'the list links to an engagement');
  await page.goto(BASE + href + '/participants/new');
  return href;
}

test('a keyboard user picks an organisation from the suggestions and adds it', async () => {
  const ctx = await context(browser, 'en');
  const page = await ctx.newPage();
  const engagement = await participantForm(page);
  const field = page.locator('#field-organisation_id');
  assert.equal(await field.getAttribute('role'), 'combobox', 'the script made the field a combobox');

  // Tab to the field and type part of the name, without its accents.
  for (let n = 0; n < 60 && !(await field.evaluate((el) => el === document.activeElement)); n += 1) {
    await page.keyboard.press('Tab');
  }
  assert.ok(await field.evaluate((el) => el === document.activeElement), 'Tab reaches the organisation field');
  await page.keyboard.type('Lidkop');
  const option = page.locator('[role=listbox] [role=option]', { hasText: 'Lidköpings kommun' });
  await option.first().waitFor({ state: 'visible' });
  assert.equal(await field.getAttribute('aria-expanded'), 'true');
  const open = await violations(page);
  assert.deepEqual(open, [], `axe violations with the suggestions open:\n${open.join('\n')}`);

  // Escape closes the list; typing opens it again.
  await page.keyboard.press('Escape');
  assert.equal(await field.getAttribute('aria-expanded'), 'false', 'Escape closes the suggestions');
  await page.keyboard.type('i');
  await option.first().waitFor({ state: 'visible' });

  // Arrow down to the suggestion and choose it with Enter: the name and the hidden id are filled in.
  const options = await page.$$eval('[role=listbox] [role=option]', (os) => os.map((o) => o.textContent));
  const at = options.findIndex((t) => t.startsWith('Lidköpings kommun'));
  assert.ok(at >= 0, `the suggestions name Lidköpings kommun: ${options.join(', ')}`);
  for (let n = 0; n <= at; n += 1) await page.keyboard.press('ArrowDown');
  const active = await field.getAttribute('aria-activedescendant');
  assert.equal(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true', 'the active suggestion is marked');
  await page.keyboard.press('Enter');
  assert.equal(await field.inputValue(), 'Lidköpings kommun');
  assert.match(await page.locator('input[type=hidden][name=organisation_id]').inputValue(), /^\d+$/);
  assert.equal(await field.getAttribute('aria-expanded'), 'false', 'choosing closes the suggestions');
  assert.match(page.url(), /\/participants\/new$/, 'Enter on a suggestion does not send the form');

  // The role, then send the form from its button.
  await page.selectOption('#field-role', 'partner');
  await page.locator('main form button[type=submit]').focus();
  await Promise.all([page.waitForURL(BASE + engagement), page.keyboard.press('Enter')]);
  assert.ok((await page.locator('main').textContent()).includes('Lidköpings kommun'), 'the engagement lists the organisation');
  await ctx.close();
});

test('a name the register does not know comes back with similar names that pass axe', async () => {
  const ctx = await context(browser, 'en');
  const page = await ctx.newPage();
  await participantForm(page);
  await page.fill('#field-organisation_id', 'Lidköpings kommunförbund');
  await page.keyboard.press('Escape');
  await page.selectOption('#field-role', 'partner');
  await Promise.all([page.waitForNavigation(), page.locator('main form button[type=submit]').click()]);
  const text = await page.locator('main').textContent();
  assert.ok(text.includes('No organisation in the register fits what you typed'), text);
  assert.equal(await page.locator('#field-organisation_id').inputValue(), 'Lidköpings kommunförbund', 'what was typed is kept');
  assert.ok((await page.locator('input[type=radio][name=organisation_id_pick]').count()) > 0, 'similar names are offered');
  const found = await violations(page);
  assert.deepEqual(found, [], `axe violations:\n${found.join('\n')}`);
  await ctx.close();
});
