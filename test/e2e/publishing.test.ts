// The publishing journey in Chromium: one post composed for a Bluesky channel
// (Bluesky's own local network) and a Mastodon channel (a server replaying
// Mastodon's documented API), with an image and its alt text, scheduled one
// minute ahead. The scheduler and the workers publish it at that time; it is
// then read back from each network: the exact text, the facets, the alt text,
// and one post only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { startBlueskyNetwork } from '../support/bluesky.ts';
import { startMastodonReplay } from '../peers/mastodon/replay-server.ts';
import { onCleanup } from '../support/cleanup.ts';
import { setUpAdminAndWorkspace, startTestRelais, strongPassword } from '../support/relais.ts';
import { launchBrowser, screenshot, watchPageErrors } from '../support/browser.ts';
import { connectBluesky, postsOnNetwork, settled } from '../support/publishing.ts';
import { solidPng } from '../support/media-files.ts';

const journey = 'publishing';
const timeZone = 'Europe/Paris';

test('a post with an image for Bluesky and Mastodon is scheduled a minute ahead and published once on each, as written', async () => {
  const network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }] });
  const mastodon = await startMastodonReplay();
  onCleanup(() => mastodon.close());
  mastodon.createAccount('maison', { displayName: 'Maison Dupont' });
  const relais = await startTestRelais('sqlite', { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
  const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
  assert.equal((await admin.patch(`/api/workspaces/${workspaceId}`, { timeZone })).status, 200);
  await connectBluesky(admin, workspaceId, network, 'brand.test');
  const me = await admin.get<{ user: { id: string } }>('/api/me');
  const maison = await relais.relais.services.channels.service.connectAuthorized({
    workspaceId,
    userId: me.body.user.id,
    network: 'mastodon',
    serverUrl: mastodon.origin,
    credentials: { serverUrl: mastodon.origin, accessToken: mastodon.issueToken('maison', ['read', 'write']), tokenType: 'Bearer', scope: 'read write', createdAt: Math.floor(Date.now() / 1000) },
  });

  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, baseURL: relais.baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  watchPageErrors(page, errors);
  await page.goto('/login');
  await page.getByLabel('Email address').fill('ada@example.com');
  await page.getByLabel('Password', { exact: true }).fill(strongPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/w\/[^/]+\//);

  // Both channels, one text with a hashtag and a link.
  await page.getByTestId('create-post').click();
  const composer = page.getByTestId('composer').and(page.locator(':not([data-loading])'));
  await composer.waitFor();
  for (const handle of ['brand.test', maison.handle]) {
    const toggle = composer.getByTestId(`composer-channel-${handle}`);
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  }
  const text = 'Notre vitrine de printemps est prête 🌷 #printemps https://example.com/vitrine';
  await composer.getByTestId('composer-text').fill(text);

  // An image uploaded from the composer, with its description.
  await composer.getByTestId('composer-add-media').first().click();
  const picker = page.getByTestId('media-picker');
  await picker.locator('input[type="file"]').setInputFiles({ name: 'vitrine.png', mimeType: 'image/png', buffer: await solidPng(1200, 800, '#e8590c') });
  await picker.getByTestId('media-tile').first().waitFor();
  const confirm = picker.getByTestId('media-picker-confirm');
  await page.waitForFunction(() => !(document.querySelector('[data-testid="media-picker-confirm"]') as HTMLButtonElement | null)?.disabled);
  await confirm.click();
  await composer.getByTestId('composer-media-item').first().waitFor();
  const alt = 'Vitrine de la boutique avec des tulipes orange et des vases en grès';
  await composer.getByTestId('composer-alt-button').first().click();
  await page.getByTestId('composer-alt-text').fill(alt);
  await page.locator('button', { hasText: 'Save description' }).click();
  await composer.getByTestId('composer-ready').waitFor();

  // One minute ahead, in Paris time.
  const at = DateTime.now().setZone(timeZone).plus({ minutes: 1, seconds: 59 }).startOf('minute');
  await composer.locator('label', { hasText: /^Schedule$/ }).click();
  await composer.getByTestId('composer-schedule-at').click();
  const dates = page.locator('.mantine-Popover-dropdown').filter({ has: page.getByLabel('Hours') });
  await dates.locator(`[data-date="${at.toISODate()}"]`).click();
  await dates.getByLabel('Hours').fill(at.toFormat('HH'));
  await dates.getByLabel('Minutes').fill(at.toFormat('mm'));
  await dates.getByLabel('Confirm the time').click();
  await screenshot(page, journey, '01-composer-two-channels-image');
  await composer.getByTestId('composer-submit').click();
  await page.getByTestId('composer').waitFor({ state: 'detached' });

  // Published at its time by the workers (nothing is hurried along).
  const { body } = await admin.get<{ posts: Array<{ id: string }> }>(`/api/workspaces/${workspaceId}/posts?limit=1`);
  const post = await settled(admin, workspaceId, body.posts[0].id, 200_000);
  for (const target of post.targets) {
    assert.equal(target.state, 'published', JSON.stringify(target));
    assert.ok(Date.parse(target.publishedAt!) >= at.toMillis() - 1000, `${target.handle}: not before its time`);
    assert.equal(target.content.media[0].altText, alt);
  }
  await page.goto(`/w/${workspaceId}/posts?tab=published`);
  const row = page.getByTestId('post-row').first();
  await row.waitFor().catch(async (error: unknown) => {
    await screenshot(page, journey, 'failure-posts');
    throw error;
  });
  assert.equal(await row.getAttribute('data-states'), 'published published');
  await screenshot(page, journey, '02-published');

  // Read back from Bluesky: exact text, tag and link facets, the alt text, one post.
  const onBluesky = (await postsOnNetwork(network, 'brand.test')).filter((p) => p.value.text === text);
  assert.equal(onBluesky.length, 1);
  const features = onBluesky[0].value.facets?.flatMap((f) => f.features.map((x) => x.$type)).sort();
  assert.deepEqual(features, ['app.bsky.richtext.facet#link', 'app.bsky.richtext.facet#tag']);
  assert.deepEqual(onBluesky[0].value.embed?.images?.map((image) => image.alt), [alt]);

  // Read back from Mastodon: exact text, the image with its description, one status.
  const onMastodon = mastodon.statusesOf('maison').filter((s) => s.text === text);
  assert.equal(onMastodon.length, 1);
  assert.deepEqual(onMastodon[0].mediaIds.map((id) => mastodon.state.media.get(id)?.description), [alt]);
  assert.deepEqual(errors, []);
});
