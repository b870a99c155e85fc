// Browser journey through the inbox, on Bluesky's own local network: the
// inbox is open when a customer replies to a post Relais published and
// mentions the brand elsewhere; both arrive without reloading (the list offers
// them rather than jumping). The community manager opens the reply, sees the
// conversation, assigns it, tags it, writes a note mentioning a teammate,
// snoozes the mention, and answers with a saved reply: the answer exists once
// on the network, in the right thread, and the first-response time is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBlueskyNetwork, loginAs, facet } from '../support/bluesky.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, strongPassword } from '../support/relais.ts';
import { connectBluesky, postsOnNetwork, settled, textPost } from '../support/publishing.ts';
import { launchBrowser, logInAs, screenshot, watchPageErrors } from '../support/browser.ts';
import { waitFor } from '../support/wait.ts';
import type { PostView } from '../../src/shared/publishing.ts';
import type { InboxItemDetail, InboxPage } from '../../src/shared/inbox.ts';

const journey = 'inbox';

test('the inbox in the browser: live arrivals, conversation, assign, tag, note, snooze, and a reply sent once in the thread', async () => {
  const network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }, { handle: 'fan.test', password: 'fan-account-pass' }] });
  const relais = await startTestRelais('sqlite', { RELAIS_ALLOW_PRIVATE_URLS: 'true', RELAIS_INBOX_POLL_MIN_SECONDS: '1', RELAIS_INBOX_POLL_MAX_SECONDS: '2' });
  const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
  await admin.patch('/api/me', { locale: 'fr' });
  const channelId = await connectBluesky(admin, workspaceId, network, 'brand.test');
  await inviteAndJoin(relais, admin, workspaceId, 'lea@example.com', 'editor', 'Léa Martin');
  const inbox = `/api/workspaces/${workspaceId}/inbox`;
  await admin.post(`${inbox}/saved-replies`, { title: 'Retard de livraison', language: 'fr', body: 'Bonjour {{first_name}}, toutes nos excuses ! Pouvez-vous nous écrire votre n° de commande en message privé ?' });

  const created = await admin.post<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts`, textPost('Les soldes d’hiver commencent demain ❄️', [channelId]));
  await settled(admin, workspaceId, created.body.post.id);
  const ours = (await postsOnNetwork(network, 'brand.test')).find((p) => p.value.text === 'Les soldes d’hiver commencent demain ❄️')!;
  const brand = await loginAs(network, 'brand.test');
  const ourRef = { uri: ours.uri, cid: (await brand.getRecord(ours.uri))!.cid };
  // The first poll reads the recent history; let it happen before the page opens.
  await waitFor(async () => ((await admin.get<{ channels: Array<{ lastPolledAt: string | null }> }>(`${inbox}/channels`)).body.channels[0]?.lastPolledAt ? true : null), { timeoutMs: 20_000, what: 'a first poll' });

  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 }, baseURL: relais.baseUrl, timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  const errors: string[] = [];
  watchPageErrors(page, errors);
  await logInAs(page, 'ada@example.com', strongPassword, 'fr');
  await page.getByTestId('nav-inbox').click();
  await page.waitForURL(/\/inbox$/);
  await page.getByText('Boîte de réception vide').waitFor();

  const fan = await loginAs(network, 'fan.test');
  const complaint = 'Commande toujours pas reçue depuis 10 jours, très déçue…';
  const reply = await fan.post(complaint, { reply: { root: ourRef, parent: ourRef } });
  const praise = 'Merci @brand.test, la robe est parfaite !';
  await fan.post(praise, { facets: [facet.mention(praise, 'brand.test', network.account('brand.test').did)] });

  // Live: the page learns of them without a reload and offers to show them.
  await page.getByTestId('inbox-fresh').waitFor({ timeout: 40_000 });
  await waitFor(async () => ((await page.getByTestId('inbox-fresh').innerText()).includes('2') ? true : null), { timeoutMs: 20_000, what: 'both arrivals announced' });
  await page.getByTestId('inbox-fresh').click();
  await page.getByTestId('inbox-item').filter({ hasText: complaint }).waitFor();
  await page.getByTestId('inbox-item').filter({ hasText: 'la robe est parfaite' }).waitFor();
  await screenshot(page, journey, '1-arrived');

  await page.getByTestId('inbox-item').filter({ hasText: complaint }).click();
  const detail = page.getByTestId('inbox-detail');
  await detail.getByText('Les soldes d’hiver commencent demain ❄️').waitFor({ timeout: 20_000 });
  assert.equal(await detail.getByTestId('sentiment').getAttribute('data-sentiment'), 'negative');

  await detail.getByTestId('item-assign').click();
  await page.getByRole('option', { name: 'Ada Admin' }).click();
  await detail.getByTestId('item-tags').fill('livraison');
  await detail.getByTestId('item-tags').press('Enter');
  await detail.getByTestId('note-text').fill('Vérifier le suivi Colissimo');
  await detail.getByTestId('note-mentions').click();
  await page.getByRole('option', { name: 'Léa Martin' }).click();
  await page.keyboard.press('Escape');
  await detail.getByTestId('note-add').click();
  await detail.getByTestId('item-note').filter({ hasText: '@Léa Martin' }).waitFor();
  await relais.mailbox.next('lea@example.com', /vous mentionne|mentioned you/);

  await detail.getByTestId('reply-saved').click();
  await page.getByRole('option', { name: /Retard de livraison/ }).click();
  const text = await detail.getByTestId('reply-text').inputValue();
  assert.equal(text, 'Bonjour fan.test, toutes nos excuses ! Pouvez-vous nous écrire votre n° de commande en message privé ?');
  await screenshot(page, journey, '2-answering');
  await detail.getByTestId('reply-send-done').click();
  await detail.locator('[data-testid="item-reply"][data-state="sent"]').waitFor({ timeout: 30_000 });
  await screenshot(page, journey, '3-answered');

  const onNetwork = (await postsOnNetwork(network, 'brand.test')).filter((p) => p.value.text === text);
  assert.equal(onNetwork.length, 1, 'the answer exists once');
  assert.equal(onNetwork[0].value.reply?.parent.uri, reply.uri);
  assert.equal(onNetwork[0].value.reply?.root.uri, ours.uri);
  const items = (await admin.get<InboxPage>(`${inbox}/items?view=all`)).body.items;
  const answered = (await admin.get<InboxItemDetail>(`${inbox}/items/${items.find((i) => i.text === complaint)!.id}`)).body;
  assert.ok(answered.item.firstResponseAt, 'first response recorded');
  assert.equal(answered.item.status, 'done');
  assert.deepEqual(answered.item.tags, ['livraison']);
  assert.ok(answered.item.assigneeId);

  // Snooze the thank-you until tomorrow: it leaves the open view.
  await page.getByTestId('inbox-item').filter({ hasText: 'la robe est parfaite' }).click();
  await page.getByTestId('item-snooze').click();
  await page.getByTestId('snooze-tomorrow').click();
  await page.getByTestId('inbox-item').filter({ hasText: 'la robe est parfaite' }).waitFor({ state: 'detached' });
  await page.getByTestId('inbox-view-snoozed').click();
  await page.getByTestId('inbox-item').filter({ hasText: 'la robe est parfaite' }).waitFor();

  // On a phone: the list, then one message with a way back.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(page.url().replace(/\?.*$/, '') + '?view=all');
  await page.getByTestId('inbox-item').first().waitFor();
  await screenshot(page, journey, '4-phone-list');
  await page.getByTestId('inbox-item').filter({ hasText: complaint }).click();
  await page.getByTestId('inbox-back').waitFor();
  await screenshot(page, journey, '5-phone-item');
  assert.deepEqual(errors, []);
  await browser.close();
});
