// The first hour of a new Relais instance, in Chromium against a real server:
// setup → workspace → invitation by email → the member joins and logs in →
// a contributor cannot reach member management or API keys → French and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRelais } from '../support/relais.ts';
import { linkIn } from '../support/mailbox.ts';
import { launchBrowser, screenshot, watchPageErrors } from '../support/browser.ts';

const journey = 'foundation';

test('an administrator sets up Relais and a contributor joins by email', async () => {
  const relais = await startTestRelais('sqlite');
  const browser = await launchBrowser();
  const errors: string[] = [];

  // 1. Fresh instance → setup page.
  const adminContext = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 }, baseURL: relais.baseUrl });
  const admin = await adminContext.newPage();
  watchPageErrors(admin, errors);
  await admin.goto('/');
  await admin.waitForURL('**/setup');
  await admin.getByLabel('Full name').fill('Ada Admin');
  await admin.getByLabel('Email address').fill('ada@example.com');
  await admin.getByLabel('Password', { exact: true }).fill('password123');
  await admin.getByLabel('Confirm password').fill('password123');
  await admin.getByRole('button', { name: 'Create administrator account' }).click();
  await admin.getByText('This password is too easy to guess').first().waitFor();
  await screenshot(admin, journey, '01-setup-weak-password');
  await admin.getByLabel('Password', { exact: true }).fill('Velvet-harbour-93-lantern');
  await admin.getByLabel('Confirm password').fill('Velvet-harbour-93-lantern');
  await admin.getByRole('button', { name: 'Create administrator account' }).click();

  // 2. Create the first workspace.
  await admin.getByRole('button', { name: 'Create your first workspace' }).click();
  await admin.getByLabel('Workspace name').fill('Maison Dupont');
  await screenshot(admin, journey, '02-create-workspace');
  await admin.getByRole('button', { name: 'Create workspace' }).click();
  await admin.waitForURL(/\/w\/[^/]+\/settings\//);
  const workspaceId = new URL(admin.url()).pathname.split('/')[2];

  // 3. Invite a contributor; the email goes out through the SMTP server.
  await admin.getByTestId('nav-invitations').click();
  await admin.getByLabel('Email address').fill('camille@example.com');
  await admin.getByRole('combobox', { name: 'Role' }).click();
  await admin.getByRole('option', { name: /Contributor/ }).click();
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await admin.getByTestId('invitation-row').first().waitFor();
  await screenshot(admin, journey, '03-invitation-sent');
  const mail = await relais.mailbox.next('camille@example.com');
  const link = linkIn(mail, `${relais.baseUrl}/invite/`);

  // 4. The member follows the link from the email and creates an account.
  const memberContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 }, baseURL: relais.baseUrl });
  const member = await memberContext.newPage();
  watchPageErrors(member, errors);
  await member.goto(link);
  await member.getByText('Maison Dupont').first().waitFor();
  await member.getByLabel('Full name').fill('Camille Martin');
  await member.getByLabel('Password', { exact: true }).fill('Quiet-meadow-41-compass');
  await member.getByLabel('Confirm password').fill('Quiet-meadow-41-compass');
  await screenshot(member, journey, '04-accept-invitation');
  await member.getByRole('button', { name: 'Create account and join' }).click();
  await member.waitForURL(new RegExp(`/w/${workspaceId}/`));

  // …logs out, and logs in again.
  await member.getByTestId('user-menu').click();
  await member.getByTestId('user-menu-logout').click();
  await member.waitForURL('**/login**');
  await member.getByLabel('Email address').fill('camille@example.com');
  await member.getByLabel('Password', { exact: true }).fill('Quiet-meadow-41-compass');
  await member.getByRole('button', { name: 'Log in' }).click();
  await member.waitForURL(new RegExp(`/w/${workspaceId}/`));

  // 5. A contributor sees no member management or API keys, and the API refuses them too.
  await member.getByTestId('nav-workspace').waitFor();
  for (const hidden of ['nav-members', 'nav-invitations', 'nav-api-keys', 'nav-audit', 'nav-jobs']) {
    assert.equal(await member.getByTestId(hidden).count(), 0, `${hidden} must be hidden from a contributor`);
  }
  await screenshot(member, journey, '05-contributor-navigation');
  for (const resource of ['members', 'invitations', 'api-keys']) {
    const response = await member.request.get(`/api/workspaces/${workspaceId}/${resource}`);
    assert.equal(response.status(), 403, `GET ${resource} as contributor`);
  }
  await member.goto(`/w/${workspaceId}/settings/members`);
  await member.getByTestId('no-access').waitFor();
  await screenshot(member, journey, '06-contributor-no-access');

  // 6. Switch the interface to French, and back.
  await member.getByTestId('nav-workspace').click();
  await member.getByTestId('language-menu').click();
  await member.getByRole('menuitem', { name: 'Français' }).click();
  await member.getByRole('heading', { name: 'Espace de travail' }).waitFor();
  assert.equal(await member.evaluate(() => document.documentElement.lang), 'fr');
  await screenshot(member, journey, '07-french');
  await member.reload();
  await member.getByRole('heading', { name: 'Espace de travail' }).waitFor();
  await member.getByTestId('language-menu').click();
  await member.getByRole('menuitem', { name: 'English' }).click();
  await member.getByRole('heading', { name: 'Workspace', exact: true }).waitFor();
  assert.equal(await member.evaluate(() => document.documentElement.lang), 'en');

  // The administrator sees the new member.
  await admin.getByTestId('nav-members').click();
  await admin.getByRole('cell', { name: 'Camille Martin', exact: true }).waitFor();
  await screenshot(admin, journey, '08-members');
  assert.deepEqual(errors, [], 'no uncaught error in the pages');
});
