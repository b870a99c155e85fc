// Settings → Channels in Chromium, against Bluesky's own local network: a wrong
// app password is explained, the right one connects a healthy channel, and a
// session revoked on Bluesky's side shows as "Reconnect needed".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBlueskyNetwork, loginAs } from '../support/bluesky.ts';
import { startTestRelais, setUpAdminAndWorkspace } from '../support/relais.ts';
import { launchBrowser, screenshot, watchPageErrors } from '../support/browser.ts';

const journey = 'channels';

test('an admin connects the brand’s Bluesky account and sees when it needs reconnecting', async () => {
  const network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }] });
  const relais = await startTestRelais('sqlite', { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
  const { workspaceId } = await setUpAdminAndWorkspace(relais);
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 }, baseURL: relais.baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  watchPageErrors(page, errors);
  await page.goto('/login');
  await page.getByLabel('Email address').fill('ada@example.com');
  await page.getByLabel('Password', { exact: true }).fill('Velvet-harbour-93-lantern');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(new RegExp(`/w/${workspaceId}/`));

  await page.getByTestId('nav-channels').click();
  await page.getByTestId('empty-state').waitFor();
  await page.getByRole('button', { name: 'Connect your first channel' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Bluesky' }).click();
  await dialog.getByTestId('advanced-toggle').click();
  await dialog.getByLabel('Server').fill(network.pdsUrl);
  await dialog.getByLabel('Handle').fill('brand.test');
  await dialog.getByLabel('App password').fill('aaaa-bbbb-cccc-dddd');
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await dialog.getByTestId('form-error').waitFor();
  assert.match(await dialog.getByTestId('form-error').innerText(), /Bluesky refused these credentials/);
  await screenshot(page, journey, '01-wrong-app-password');

  await dialog.getByLabel('App password').fill(network.account('brand.test').appPassword!);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  const row = page.getByTestId('channel-row').and(page.locator('[data-handle="brand.test"]'));
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'connected');
  await screenshot(page, journey, '02-connected');

  // Bluesky's side: the brand revokes every app password.
  const owner = await loginAs(network, 'brand.test', { password: 'account' });
  const { passwords } = await owner.call<{ passwords: Array<{ name: string }> }>('com.atproto.server.listAppPasswords');
  for (const { name } of passwords) await owner.call('com.atproto.server.revokeAppPassword', { body: { name } });

  await row.getByRole('button', { name: 'Check now' }).click();
  await page.locator('[data-testid="channel-row"][data-status="reconnect_needed"]').waitFor();
  await row.getByTestId('channel-status-reason').waitFor();
  await screenshot(page, journey, '03-reconnect-needed');

  // In French, the same page reads naturally.
  await page.getByTestId('language-menu').click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  await page.getByRole('heading', { name: 'Canaux' }).waitFor();
  await screenshot(page, journey, '04-french');
  assert.deepEqual(errors, []);
});
