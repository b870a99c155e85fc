// Client approval in Chromium: an editor shares next month's posts for client
// approval; the client opens the address on a phone (a fresh browser, no
// cookie, 390 px wide, in French), sees each network's preview at Paris times
// with the images, approves one post and comments on another (their name is
// remembered); the editor's bell counts both within its 30-second poll, and
// the post's history names "Client: <name>".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { startMastodonReplay } from '../peers/mastodon/replay-server.ts';
import { onCleanup } from '../support/cleanup.ts';
import { launchBrowser, screenshot, watchPageErrors } from '../support/browser.ts';
import { photoLikeJpeg } from '../support/media-files.ts';
import { connectMastodon, textPost } from '../support/publishing.ts';
import { inviteAndJoin, otherStrongPassword, setUpAdminAndWorkspace, startTestRelais } from '../support/relais.ts';
import type { PostEventView, PostView } from '../../src/shared/publishing.ts';

const journey = 'approval-links';

async function noSideways(page: Page): Promise<void> {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= width, `the page scrolls sideways (${scroll} > ${width})`);
}

test('an editor shares a month for client approval; the client approves and comments from a phone; the bell and the history show it', async () => {
  const mastodon = await startMastodonReplay();
  onCleanup(() => mastodon.close());
  mastodon.createAccount('maisondupont', { displayName: 'Maison Dupont' });
  mastodon.createAccount('atelier', { displayName: 'Atelier Dupont' });
  const relais = await startTestRelais('sqlite', { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
  const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
  mastodon.options.authorizeAs = 'maisondupont';
  const shop = await connectMastodon(relais, admin, workspaceId, mastodon.origin);
  mastodon.options.authorizeAs = 'atelier';
  const atelier = await connectMastodon(relais, admin, workspaceId, mastodon.origin);
  await inviteAndJoin(relais, admin, workspaceId, 'eddie@example.com', 'editor', 'Eddie Editor');

  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(await photoLikeJpeg(1200, 800))], { type: 'image/jpeg' }), 'linen.jpg');
  const image = (await admin.post<{ media: { id: string } }>(`/api/workspaces/${workspaceId}/media`, form)).body.media.id;

  // Next month in Paris, where the workspace lives.
  const month = DateTime.now().setZone('Europe/Paris').plus({ months: 1 }).startOf('month');
  const at = (day: number, time: string) => `${month.set({ day }).toISODate()}T${time}`;
  const create = async (text: string, channels: string[], schedule: Record<string, unknown>, media: string[] = []) => {
    const body = textPost(text, channels, schedule) as { content: Record<string, unknown> };
    body.content.media = media.map((mediaId) => ({ mediaId, altText: 'Linen shirts on a rail' }));
    const created = await admin.post<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts`, body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.post;
  };
  const linen = await create('Les chemises en lin sont arrivées 🌿 Venez les essayer à la boutique ! #printemps', [shop, atelier], { kind: 'at', at: at(5, '09:00') }, [image]);
  const workshop = await create('Atelier réparation samedi : apportez vos jeans préférés, on les sauve ensemble.', [shop], { kind: 'at', at: at(12, '14:30') });
  await create('Idée : les coulisses de l’atelier en vidéo.', [atelier], { kind: 'draft', at: at(20, '18:00') });
  await create('Pas dans ce mois-ci.', [shop], { kind: 'at', at: month.plus({ months: 1, days: 2 }).toISODate() + 'T10:00' });

  const browser = await launchBrowser();
  const errors: string[] = [];

  // ---- The editor creates the link ----
  const team = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 }, baseURL: relais.baseUrl });
  const editor = await team.newPage();
  watchPageErrors(editor, errors);
  await editor.goto('/login');
  await editor.getByLabel('Email address').fill('eddie@example.com');
  await editor.getByLabel('Password', { exact: true }).fill(otherStrongPassword);
  await editor.getByRole('button', { name: 'Log in' }).click();
  await editor.waitForURL(new RegExp(`/w/${workspaceId}/`));
  await editor.getByTestId('nav-approval-links').click();
  await editor.waitForURL(new RegExp(`/w/${workspaceId}/approval-links$`));
  await editor.getByText('No link sent yet').waitFor();
  assert.equal(await editor.getByTestId('notification-count').getAttribute('data-count'), '0');

  await editor.getByTestId('share-for-approval').click();
  const period = editor.getByTestId('share-approval-period');
  await period.waitFor();
  const monthName = month.setLocale('en-GB').toLocaleString({ month: 'long', year: 'numeric' });
  assert.equal(await editor.getByTestId('share-approval-label').inputValue(), `Posts for ${monthName}`, 'next month is offered, and named');
  await editor.getByTestId('share-approval-label').fill(`Maison Dupont — ${monthName}`);
  await screenshot(editor, journey, '01-share-dialog');
  await editor.getByRole('button', { name: 'Create the link' }).click();
  const urlField = editor.getByTestId('approval-link-url');
  await urlField.waitFor();
  const url = await urlField.inputValue();
  assert.match(url, new RegExp(`^${relais.baseUrl}/review/[A-Za-z0-9_-]{43}$`));
  await screenshot(editor, journey, '02-link-created');
  await editor.getByRole('button', { name: 'Done' }).click();
  const row = editor.getByTestId('approval-link-row');
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'active');
  assert.match(await row.innerText(), /Not opened yet/);

  // ---- The client, on a phone, with no account and no cookie ----
  const phone = await browser.newContext({ locale: 'fr-FR', timezoneId: 'America/Montreal', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const client = await phone.newPage();
  watchPageErrors(client, errors);
  await client.goto(url);
  await client.getByTestId('review-page').waitFor();
  assert.deepEqual(await phone.cookies(), [], 'no cookie is needed, none is set');
  assert.equal(await client.getByTestId('review-workspace').innerText(), 'MAISON DUPONT');
  await client.getByRole('heading', { name: `Maison Dupont — ${monthName}` }).waitFor();
  const cards = client.getByTestId('review-post');
  assert.equal(await cards.count(), 3, 'the three posts of the month, not the next month’s');
  const linenCard = client.locator(`[data-testid="review-post"][data-post-id="${linen.id}"]`);
  const workshopCard = client.locator(`[data-testid="review-post"][data-post-id="${workshop.id}"]`);
  // Paris times, although this phone is in Montréal.
  assert.equal(await linenCard.getByTestId('review-post-time').innerText(), '09:00');
  assert.equal(await workshopCard.getByTestId('review-post-time').innerText(), '14:30');
  assert.match(await client.getByText(/Europe\/Paris/).first().innerText(), /Les heures sont celles du fuseau de la marque/);
  // The image shows, read through the link.
  const img = linenCard.locator('.relais-preview-images img').first();
  await img.waitFor();
  await client.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle());
  assert.match((await img.getAttribute('src')) ?? '', /^\/api\/review\/[A-Za-z0-9_-]{43}\/media\//);
  // Both channels' copies: Mastodon previews, switched by a control.
  assert.equal(await linenCard.getByTestId('review-post-channels').locator('label').count(), 2);
  await noSideways(client);
  await screenshot(client, journey, '03-client-phone-fr');

  // Approving without a name asks for it first.
  await linenCard.getByTestId('review-approve').click();
  await client.getByText("Écrivez d'abord votre nom").waitFor();
  assert.equal(await linenCard.getAttribute('data-approved'), null);
  await client.getByTestId('review-name').fill('Marie Dupont');
  await linenCard.getByTestId('review-approve').click();
  await linenCard.getByTestId('review-post-approved').waitFor();
  assert.match(await linenCard.getByTestId('review-post-actions').innerText(), /Marie Dupont a validé/);
  await client.getByTestId('review-approved-count').waitFor();

  await workshopCard.getByTestId('review-comment-toggle').click();
  await workshopCard.getByTestId('review-comment').fill('Pouvez-vous ajouter l’horaire : de 14 h à 17 h ?');
  await workshopCard.getByTestId('review-comment-send').click();
  await workshopCard.getByTestId('review-post-actions').getByText('Pouvez-vous ajouter l’horaire').waitFor();
  await noSideways(client);
  await screenshot(client, journey, '04-client-approved-and-commented');

  // The name is remembered on the phone; the page reads in English on request.
  await client.reload();
  await client.getByTestId('review-page').waitFor();
  assert.equal(await client.getByTestId('review-name').inputValue(), 'Marie Dupont');
  await client.getByTestId('language-menu').click();
  await client.getByTestId('language-option-en').click();
  await client.getByText('Your name', { exact: true }).waitFor();
  await linenCard.getByText('You approved').waitFor();
  await screenshot(client, journey, '05-client-phone-en');

  // ---- The editor hears it: the bell (within its 30-second poll), the list, the history ----
  const count = editor.getByTestId('notification-count');
  await editor.waitForFunction(() => document.querySelector('[data-testid="notification-count"]')?.getAttribute('data-count') === '2', null, { timeout: 45_000 });
  assert.equal(await count.getAttribute('data-count'), '2');
  await editor.reload();
  await editor.getByTestId('approval-link-row').waitFor();
  assert.equal(await editor.getByTestId('approval-link-approvals').innerText(), '1');
  assert.equal(await editor.getByTestId('approval-link-comments').innerText(), '1');
  assert.doesNotMatch(await editor.getByTestId('approval-link-row').innerText(), /Not opened yet/);
  await editor.getByTestId('notification-bell').click();
  const items = editor.getByTestId('notification-item');
  await items.first().waitFor();
  await editor.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="notification-list"]')!).opacity === '1');
  assert.deepEqual(await items.evaluateAll((all) => all.map((el) => el.getAttribute('data-kind'))), ['client_commented', 'client_approved']);
  assert.match(await items.nth(0).innerText(), /Marie Dupont \(client\) commented on a post/);
  assert.match(await items.nth(0).innerText(), /Pouvez-vous ajouter/);
  assert.match(await items.nth(1).innerText(), /Marie Dupont \(client\) approved a post/);
  await screenshot(editor, journey, '06-bell');

  await items.nth(1).click();
  await editor.waitForURL(new RegExp(`/w/${workspaceId}/posts/${linen.id}`));
  const history = editor.getByTestId('post-history');
  await history.getByText('Client: Marie Dupont', { exact: false }).waitFor();
  await editor.waitForFunction(() => document.querySelector('[data-testid="notification-count"]')?.getAttribute('data-count') === '1');
  await screenshot(editor, journey, '07-history');
  await editor.keyboard.press('Escape');
  await editor.waitForURL(new RegExp(`/w/${workspaceId}/posts$`));
  await editor.getByTestId('notification-bell').click();
  await editor.getByTestId('notifications-mark-all').click();
  await editor.waitForFunction(() => document.querySelector('[data-testid="notification-count"]')?.getAttribute('data-count') === '0');

  // The header still fits a phone with the bell in it.
  const editorPhone = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, baseURL: relais.baseUrl, storageState: await team.storageState() });
  const small = await editorPhone.newPage();
  watchPageErrors(small, errors);
  await small.goto(`/w/${workspaceId}/approval-links`);
  await small.getByTestId('approval-link-row').waitFor();
  assert.ok(await small.getByTestId('notification-bell').isVisible());
  await noSideways(small);
  await small.getByTestId('notification-bell').click();
  await small.getByTestId('notification-item').first().waitFor();
  await small.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="notification-list"]')!).opacity === '1');
  await screenshot(small, journey, '08-editor-phone-bell');

  const events = (await admin.get<{ events: PostEventView[] }>(`/api/workspaces/${workspaceId}/posts/${workshop.id}/history`)).body.events;
  assert.deepEqual(events.at(-1) && [events.at(-1)!.action, events.at(-1)!.actor], ['commented', 'Client: Marie Dupont']);
  assert.deepEqual(errors, []);
});
