// Composing and scheduling in Chromium, against Bluesky's own local network: an
// admin connects the brand's Bluesky account, writes a post too long for
// Bluesky (the counter and the issue say so, nothing can be sent), fixes it and
// schedules it a few minutes ahead; it shows as scheduled in the posts list. A
// contributor's post waits for approval until an editor approves it. The crisis
// pause shows a red banner on every page. Publishing itself is another journey.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { startBlueskyNetwork } from '../support/bluesky.ts';
import { inviteAndJoin, otherStrongPassword, setUpAdminAndWorkspace, startTestRelais, strongPassword } from '../support/relais.ts';
import { launchBrowser, screenshot, watchPageErrors } from '../support/browser.ts';

const journey = 'composer';

/** Waits for dialogs and drawers to finish moving, so that screenshots show them settled. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}
const timeZone = 'Europe/Paris';

async function logIn(browser: Browser, baseURL: string, email: string, password: string, errors: string[], options: { width?: number; colorScheme?: 'light' | 'dark'; locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-US', viewport: { width: options.width ?? 1280, height: 860 }, colorScheme: options.colorScheme ?? 'light', baseURL });
  const page = await context.newPage();
  watchPageErrors(page, errors);
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/w\/[^/]+\//);
  return page;
}

/** Opens the composer from the header and makes sure exactly `handle` is picked. */
async function openComposer(page: Page, handle: string) {
  await page.getByTestId('create-post').click();
  const composer = page.getByTestId('composer').and(page.locator(':not([data-loading])'));
  await composer.waitFor();
  const toggle = composer.getByTestId(`composer-channel-${handle}`);
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  return composer;
}

test('a post is composed within Bluesky’s limits, scheduled, and a contributor’s post is approved', async () => {
  const network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }] });
  const relais = await startTestRelais('sqlite', { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
  const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
  await inviteAndJoin(relais, admin, workspaceId, 'camille@example.com', 'contributor', 'Camille Martin');
  await inviteAndJoin(relais, admin, workspaceId, 'eddie@example.com', 'editor', 'Eddie Éditeur');
  const browser = await launchBrowser();
  const errors: string[] = [];

  // The admin connects the brand's Bluesky account.
  const page = await logIn(browser, relais.baseUrl, 'ada@example.com', strongPassword, errors);
  await page.getByTestId('nav-channels').click();
  await page.getByRole('button', { name: 'Connect your first channel' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Bluesky' }).click();
  await dialog.getByTestId('advanced-toggle').click();
  await dialog.getByLabel('Server').fill(network.pdsUrl);
  await dialog.getByLabel('Handle').fill('brand.test');
  await dialog.getByLabel('App password').fill(network.account('brand.test').appPassword!);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.locator('[data-testid="channel-row"][data-handle="brand.test"][data-status="connected"]').waitFor();

  // An empty composer: the only channel is picked, nothing can be sent yet.
  await page.getByTestId('nav-posts').click();
  await page.getByTestId('empty-state').waitFor();
  const composer = await openComposer(page, 'brand.test');
  const submit = composer.getByTestId('composer-submit');
  assert.equal(await submit.isDisabled(), true);
  await screenshot(page, journey, '01-composer-empty');

  // 320 graphemes (ten waving hands with a skin tone count one each): 20 too many for Bluesky.
  await composer.getByTestId('composer-text').fill(`${'👋🏽'.repeat(10)} ${'a'.repeat(309)}`);
  const counter = composer.getByTestId('composer-counter');
  await counter.and(page.locator('[data-over]')).waitFor();
  assert.equal(await counter.getAttribute('data-length'), '320');
  assert.match(await counter.innerText(), /20 characters too many/);
  const issue = composer.locator('[data-testid="composer-issue"][data-code="text_too_long"]');
  assert.match(await issue.innerText(), /Too long by 20 characters \(320 of 300\)/);
  assert.equal(await submit.isDisabled(), true);
  await screenshot(page, journey, '02-composer-too-long');

  // A typo is underlined in the text itself, where it stands (the workspace writes French).
  await composer.getByTestId('composer-text').fill('Nouvele collection printemps 🌸');
  const typo = composer.locator('[data-testid="text-mark"][data-kind="spelling"]');
  await typo.waitFor({ timeout: 90_000 });
  assert.equal(await typo.innerText(), 'Nouvele');
  await composer.locator('[data-testid="spelling-issue"][data-word="Nouvele"]').waitFor();
  await screenshot(page, journey, '02b-composer-typo');

  // Fixed: a text with a hashtag, a mention and a link, shown highlighted in the preview.
  await composer.getByTestId('composer-text').fill('Nouvelle collection printemps 🌸 #printemps avec @brand.test : https://example.com/collection');
  await composer.getByTestId('composer-ready').waitFor();
  assert.equal(await issue.count(), 0);
  const preview = composer.getByTestId('composer-preview');
  assert.equal(await preview.locator('[data-kind="hashtag"]').innerText(), '#printemps');
  assert.equal(await preview.locator('[data-kind="link"]').innerText(), 'example.com/collection');

  // Scheduled ten minutes ahead, in the workspace's time zone (Paris), whatever the browser's.
  await composer.locator('label', { hasText: /^Schedule$/ }).click();
  await composer.getByText(/Time zone of the workspace: Europe\/Paris/).waitFor();
  const at = DateTime.now().setZone(timeZone).plus({ minutes: 10 });
  await composer.getByTestId('composer-schedule-at').click();
  const picker = page.locator('.mantine-Popover-dropdown').filter({ has: page.getByLabel('Hours') });
  await picker.locator(`[data-date="${at.toISODate()}"]`).click();
  await picker.getByLabel('Hours').fill(at.toFormat('HH'));
  await picker.getByLabel('Minutes').fill(at.toFormat('mm'));
  await picker.getByLabel('Confirm the time').click();
  await screenshot(page, journey, '03-composer-preview-scheduled');
  assert.equal(await submit.innerText(), 'Schedule');
  await submit.click();
  await page.getByTestId('composer').waitFor({ state: 'detached' });
  await page.getByTestId('composer-modal').waitFor({ state: 'hidden' });

  // In the posts list: scheduled, at that Paris time.
  await page.getByTestId('posts-list').waitFor();
  const row = page.getByTestId('post-row').first();
  assert.equal(await row.getAttribute('data-states'), 'scheduled');
  assert.match(await row.getByTestId('post-time').innerText(), new RegExp(at.toFormat('HH:mm')));
  assert.match(await row.getByTestId('post-excerpt').innerText(), /Nouvelle collection printemps/);
  await screenshot(page, journey, '04-posts-scheduled');
  await row.click();
  const detail = page.getByTestId('post-detail-body');
  await detail.locator('[data-testid="history-event"][data-action="created"]').waitFor();
  await settled(page);
  assert.equal(await detail.locator('[data-testid="detail-target"]').getAttribute('data-state'), 'scheduled');
  await screenshot(page, journey, '05-post-detail');
  await page.keyboard.press('Escape');

  // A contributor (on a phone, in the dark) submits a post for approval.
  const camille = await logIn(browser, relais.baseUrl, 'camille@example.com', otherStrongPassword, errors, { width: 390, colorScheme: 'dark' });
  const contributorComposer = await openComposer(camille, 'brand.test');
  await contributorComposer.getByTestId('composer-text').fill('Atelier ouvert samedi : venez découvrir nos nouveautés ! #artisanat');
  await contributorComposer.getByTestId('composer-ready').waitFor();
  assert.equal(await contributorComposer.getByTestId('composer-submit').innerText(), 'Submit for approval');
  await screenshot(camille, journey, '06-contributor-composer-phone-dark');
  await contributorComposer.getByTestId('composer-submit').click();
  await camille.getByTestId('composer').waitFor({ state: 'detached' });
  await camille.goto(`/w/${workspaceId}/posts?tab=pending`);
  const pendingRow = camille.getByTestId('post-row').first();
  await pendingRow.waitFor();
  assert.equal(await pendingRow.getAttribute('data-states'), 'pending_approval');
  await screenshot(camille, journey, '07-contributor-pending-phone-dark');

  // An editor approves it: it is then scheduled (at once, since it had no time).
  const eddie = await logIn(browser, relais.baseUrl, 'eddie@example.com', otherStrongPassword, errors);
  await eddie.getByTestId('nav-posts').click();
  await eddie.getByTestId('posts-tab-pending').click();
  await eddie.getByTestId('post-row').first().click();
  const approval = eddie.getByTestId('approval-panel');
  await approval.waitFor();
  await settled(eddie);
  await screenshot(eddie, journey, '08-editor-approval');
  await approval.getByTestId('approve-post').click();
  await eddie.locator('[data-testid="post-detail-body"][data-approval="approved"]').waitFor();
  await eddie.locator('[data-testid="history-event"][data-action="approved"]').waitFor();
  assert.notEqual(await eddie.getByTestId('detail-target').getAttribute('data-state'), 'pending_approval');

  // The crisis pause: a red banner on every page until someone resumes.
  await page.getByTestId('pause-publishing').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Pause publishing' }).click();
  await page.getByTestId('paused-banner').waitFor();
  await page.getByTestId('nav-channels').click();
  await page.getByTestId('paused-banner').waitFor();
  await screenshot(page, journey, '09-paused-banner');

  // In French, the composer speaks French.
  await page.getByTestId('language-menu').click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  const french = await openComposer(page, 'brand.test');
  await french.getByTestId('composer-text').fill(`Trop long : ${'é'.repeat(300)}`);
  await french.locator('[data-testid="composer-issue"][data-code="text_too_long"]').getByText(/Trop long de 12 caractères \(312 sur 300\)/).waitFor();
  await screenshot(page, journey, '10-french');
  await page.keyboard.press('Escape');
  await page.getByTestId('composer').waitFor({ state: 'detached' });
  await page.getByTestId('banner-resume').click();
  await page.getByTestId('paused-banner').waitFor({ state: 'detached' });

  assert.deepEqual(errors, []);
});
