// Settings → Brand voice in Chromium: an admin adds a word to avoid and a
// brand name to the dictionary, then tries a post and sees, in plain words,
// what the composer will point out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRelais, setUpAdminAndWorkspace, strongPassword } from '../support/relais.ts';
import { launchBrowser, screenshot, watchPageErrors } from '../support/browser.ts';

const journey = 'brand-voice';

test('an admin sets a word to avoid and a brand name, then tries a post', async () => {
  const relais = await startTestRelais('sqlite');
  const { workspaceId } = await setUpAdminAndWorkspace(relais);
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, baseURL: relais.baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  watchPageErrors(page, errors);
  await page.goto('/login');
  await page.getByLabel('Email address').fill('ada@example.com');
  await page.getByLabel('Password', { exact: true }).fill(strongPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(new RegExp(`/w/${workspaceId}/`));

  await page.getByTestId('nav-brand-voice').click();
  await page.getByRole('heading', { name: 'Brand voice' }).waitFor();
  await page.getByTestId('empty-state').waitFor();

  await page.getByTestId('add-brand-rule').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Word or phrase to avoid').fill('consommateur*');
  await dialog.getByLabel('Say instead').fill('client');
  await dialog.getByLabel('Why').fill('Nous parlons à des personnes.');
  await dialog.getByRole('button', { name: 'Add the rule' }).click();
  await page.locator('[data-testid="brand-rule-row"][data-term="consommateur*"]').waitFor();
  await dialog.waitFor({ state: 'detached' });

  await page.getByLabel('Word', { exact: true }).fill('Relaiz');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByTestId('dictionary-word').filter({ hasText: 'Relaiz' }).waitFor();

  // The workspace writes in French: the text is checked with the French dictionary.
  await page.getByTestId('try-it-text').fill('Relaiz remercie chaque consommateur pour sa fidélitée !');
  const finding = page.getByTestId('brand-voice-finding');
  await finding.waitFor();
  assert.match(await finding.innerText(), /“consommateur”: say “client” instead\.\s+Nous parlons à des personnes\./);
  // The first French check waits for the dictionary to load (seconds, once per process).
  const issue = page.getByTestId('spelling-issue');
  await issue.waitFor({ timeout: 90_000 });
  assert.equal(await issue.getAttribute('data-word'), 'fidélitée', 'only the typo: the brand name is in the dictionary');
  await issue.getByRole('button', { name: 'fidélité', exact: true }).waitFor({ timeout: 30_000 });
  // Both words are underlined where they stand in the text: the typo in red, the avoided term in orange.
  const marks = page.getByTestId('text-mark');
  await marks.nth(1).waitFor();
  assert.deepEqual(await marks.evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-kind'), node.textContent])), [['brand', 'consommateur'], ['spelling', 'fidélitée']]);
  // …right under the letters of the field: the underlined copy and the textarea line up.
  const field = await page.getByTestId('try-it-text').boundingBox();
  const typo = await marks.nth(1).boundingBox();
  assert.ok(field && typo && typo.y > field.y && typo.y + typo.height < field.y + field.height, 'the underline is inside the field');
  const caretAt = await page.getByTestId('try-it-text').evaluate((area: HTMLTextAreaElement) => {
    // Where the textarea draws "fidélitée": measured with a mirror span in the same font.
    const probe = document.createElement('span');
    const style = getComputedStyle(area);
    probe.style.font = style.font;
    probe.style.letterSpacing = style.letterSpacing;
    probe.style.whiteSpace = 'pre';
    probe.textContent = area.value.slice(0, area.value.indexOf('fidélitée'));
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return area.getBoundingClientRect().left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth) + width;
  });
  assert.ok(Math.abs(typo!.x - caretAt) < 2, `the underline starts under the word (${typo!.x} vs ${caretAt})`);
  await screenshot(page, journey, '01-try-a-post');

  await issue.getByRole('button', { name: 'fidélité', exact: true }).click();
  await page.getByTestId('spelling-issue').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('try-it-text').inputValue(), 'Relaiz remercie chaque consommateur pour sa fidélité !');

  await page.getByTestId('language-menu').click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  await page.getByRole('heading', { name: 'Charte éditoriale' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.match(await page.getByTestId('brand-voice-finding').innerText(), /« consommateur » : dites plutôt « client »\./);
  await screenshot(page, journey, '02-french');
  assert.deepEqual(errors, []);
});
