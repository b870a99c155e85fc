// A person who forgot their password gets a link by email, follows it in the
// browser, chooses a new one, and logs in with it; the link works only once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin } from '../support/relais.ts';
import { linkIn } from '../support/mailbox.ts';
import { launchBrowser, screenshot, watchPageErrors } from '../support/browser.ts';

const journey = 'password-reset';

test('forgot password → email → new password → log in (in French)', async () => {
  const relais = await startTestRelais('sqlite');
  const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
  await inviteAndJoin(relais, admin, workspaceId, 'oubli@example.com', 'editor', 'Noémie Oubli');
  await relais.mailbox.next('oubli@example.com'); // the invitation

  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 }, baseURL: relais.baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  watchPageErrors(page, errors);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await page.getByLabel('Adresse e-mail').fill('oubli@example.com');
  await page.getByRole('button', { name: 'Envoyer le lien' }).click();
  await page.getByTestId('reset-link-sent').waitFor();
  await screenshot(page, journey, '01-link-sent');

  const mail = await relais.mailbox.next('oubli@example.com', /password|mot de passe/i);
  const link = linkIn(mail, `${relais.baseUrl}/api/auth/reset-password/`);
  await page.goto(link);
  await page.waitForURL('**/reset-password?token=**');
  await page.getByLabel('Nouveau mot de passe').fill('Copper-kettle-62-sunrise');
  await page.getByLabel('Confirmez le mot de passe').fill('Copper-kettle-62-sunrise');
  await screenshot(page, journey, '02-new-password');
  await page.getByRole('button', { name: 'Modifier le mot de passe' }).click();
  await page.getByTestId('reset-success').waitFor();
  await screenshot(page, journey, '03-changed');

  await page.getByLabel('Adresse e-mail').fill('oubli@example.com');
  await page.getByLabel('Mot de passe', { exact: true }).fill('Copper-kettle-62-sunrise');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(new RegExp(`/w/${workspaceId}/`));

  // The same link again: refused with a clear page.
  const second = await browser.newContext({ locale: 'fr-FR', baseURL: relais.baseUrl });
  const again = await second.newPage();
  await again.goto(link);
  await again.getByTestId('reset-invalid').waitFor();
  await screenshot(again, journey, '04-link-used');
  assert.deepEqual(errors, []);
});
