// Browser journey through the inbox, on Bluesky's own local network, with the
// whole stack (polling, live feed, reply job). The brand's channel is
// connected and Relais publishes a post; the inbox is open (in French, in a
// browser set to New York for a Paris brand) when a customer replies to that
// post and mentions the brand elsewhere: both arrive without a reload, each
// in its own conversation; one more arriving while the pointer is on the list
// waits behind "1 nouveau message — afficher". A teammate works with the
// keyboard and the mouse: assigns, tags, writes a note mentioning a colleague
// (who gets an e-mail), snoozes the mention until tomorrow 9:00 Paris time,
// and answers the reply with a saved reply (double-clicked): the answer
// exists once on the network, under the customer's reply in the thread of our
// post; the message shows it sent and its first-response time is kept. On a
// phone: the list, one message, and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { startBlueskyNetwork, loginAs, facet } from '../support/bluesky.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, otherStrongPassword } from '../support/relais.ts';
import { connectBluesky, postsOnNetwork, settled, textPost } from '../support/publishing.ts';
import { launchBrowser, screenshot, watchPageErrors } from '../support/browser.ts';
import { waitFor } from '../support/wait.ts';
import type { PostView } from '../../src/shared/publishing.ts';
import type { InboxItemDetail, InboxPage } from '../../src/shared/inbox.ts';

const journey = 'inbox';
const ourText = 'Les soldes d’hiver commencent demain ❄️';

test('the inbox in the browser: live arrivals in their conversations, assign, tag, note with a mention, snooze, and a reply sent once in the thread', async () => {
  const started = Date.now();
  const network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }, { handle: 'fan.test', password: 'fan-account-pass' }] });
  const relais = await startTestRelais('sqlite', { RELAIS_ALLOW_PRIVATE_URLS: 'true', RELAIS_INBOX_POLL_MIN_SECONDS: '1', RELAIS_INBOX_POLL_MAX_SECONDS: '2' });
  const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
  const channelId = await connectBluesky(admin, workspaceId, network, 'brand.test');
  const { member: lea } = await inviteAndJoin(relais, admin, workspaceId, 'lea@example.com', 'editor', 'Léa Martin');
  await lea.patch('/api/me', { locale: 'fr' });
  const inbox = `/api/workspaces/${workspaceId}/inbox`;
  await admin.post(`${inbox}/saved-replies`, { title: 'Retard de livraison', language: 'fr', body: 'Bonjour {{first_name}}, toutes nos excuses ! Pouvez-vous nous écrire votre n° de commande en message privé ?' });

  // Relais publishes the post the customer will answer.
  const created = await admin.post<{ post: PostView }>(`/api/workspaces/${workspaceId}/posts`, textPost(ourText, [channelId]));
  await settled(admin, workspaceId, created.body.post.id);
  const ours = (await postsOnNetwork(network, 'brand.test')).find((p) => p.value.text === ourText)!;
  const brand = await loginAs(network, 'brand.test');
  const ourRef = { uri: ours.uri, cid: (await brand.getRecord(ours.uri))!.cid };
  // The first poll reads the recent history; let it happen before the page opens.
  await waitFor(async () => ((await admin.get<{ channels: Array<{ lastPolledAt: string | null }> }>(`${inbox}/channels`)).body.channels[0]?.lastPolledAt ? true : null), { timeoutMs: 20_000, what: 'a first poll' });

  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 }, baseURL: relais.baseUrl, timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const errors: string[] = [];
  watchPageErrors(page, errors);
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill('lea@example.com');
  await page.getByLabel('Mot de passe', { exact: true }).fill(otherStrongPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/w\/[^/]+\//);
  await page.getByTestId('nav-inbox').click();
  await page.waitForURL(/\/inbox$/);
  await page.getByTestId('inbox-zero').waitFor();
  await page.getByTestId('inbox-live').and(page.locator('[data-state="live"]')).waitFor();

  // The customer answers our post and, elsewhere, mentions the brand.
  const fan = await loginAs(network, 'fan.test');
  await fan.waitUntilIndexed(ourRef.uri);
  const complaint = 'Commande toujours pas reçue depuis 10 jours, très déçue…';
  const reply = await fan.post(complaint, { reply: { root: ourRef, parent: ourRef } });
  const praise = 'Merci @brand.test, la robe est parfaite !';
  await fan.post(praise, { facets: [facet.mention(praise, 'brand.test', network.account('brand.test').did)] });

  // Live, without a reload: the list was at its top, so they come straight in.
  const rows = page.getByTestId('inbox-item');
  await rows.filter({ hasText: complaint }).waitFor({ timeout: 40_000 });
  await rows.filter({ hasText: 'la robe est parfaite' }).waitFor({ timeout: 20_000 });
  await page.getByTestId('nav-inbox-count').filter({ hasText: /^2$/ }).waitFor();
  assert.equal(await rows.filter({ hasText: complaint }).getAttribute('data-unread'), 'true');

  // One more while the pointer is on the list: it waits behind a banner, the list does not move.
  await rows.first().hover();
  const question = 'Et le retour, il est gratuit @brand.test ?';
  await fan.post(question, { facets: [facet.mention(question, 'brand.test', network.account('brand.test').did)] });
  await page.getByTestId('inbox-fresh').filter({ hasText: '1 nouveau message' }).waitFor({ timeout: 40_000 });
  assert.equal(await rows.filter({ hasText: 'retour, il est gratuit' }).count(), 0, 'held back until asked for');
  await screenshot(page, journey, '1-arrived');
  await page.getByTestId('inbox-fresh').click();
  await rows.filter({ hasText: 'retour, il est gratuit' }).waitFor();
  await page.mouse.move(700, 20);

  // The reply, in the conversation of our post.
  await rows.filter({ hasText: complaint }).click();
  const detail = page.getByTestId('inbox-detail');
  const conversation = detail.getByTestId('conversation');
  await conversation.locator('[data-testid="thread-post"][data-brand]').filter({ hasText: ourText }).first().waitFor({ timeout: 20_000 });
  await conversation.locator('[data-testid="thread-post"][data-current]').filter({ hasText: complaint }).waitFor();
  assert.equal(await detail.getByTestId('sentiment').first().getAttribute('data-sentiment'), 'negative');
  assert.equal(await detail.getByTestId('conversation-post-link').getAttribute('href'), `/w/${workspaceId}/posts/${created.body.post.id}`);
  assert.equal(await rows.filter({ hasText: complaint }).getAttribute('data-unread'), null, 'opened, so read');

  // Assign from the keyboard (a), tag (t), with the pointer nowhere near.
  const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('a');
  await page.getByRole('option', { name: 'Léa Martin' }).click();
  await waitFor(async () => (await detail.getByTestId('item-assign').inputValue()) === 'Léa Martin', { what: 'the assignee shown' });
  await blur();
  await page.keyboard.press('t');
  await page.keyboard.type('livraison');
  await page.keyboard.press('Enter');
  await detail.getByTestId('item-actions').getByText('livraison', { exact: true }).waitFor();
  await blur();

  // A note mentioning Ada, picked from the teammates offered after "@".
  const note = detail.getByTestId('note-text');
  await note.click();
  await note.pressSequentially('Vérifier le suivi Colissimo avec @Ad');
  await page.getByTestId('note-mention-options').getByText('Ada Admin').waitFor();
  await page.keyboard.press('Enter');
  assert.equal(await note.inputValue(), 'Vérifier le suivi Colissimo avec @Ada Admin ');
  await detail.getByTestId('note-add').click();
  await detail.getByTestId('item-note').filter({ hasText: '@Ada Admin' }).waitFor();
  await relais.mailbox.next('ada@example.com', /vous mentionne|mentioned you/);
  await blur();

  // Snooze the mention until tomorrow 9:00 in Paris (the browser is in New York): it leaves Open.
  await rows.filter({ hasText: 'la robe est parfaite' }).click();
  await detail.getByTestId('conversation').getByText('la robe est parfaite').first().waitFor();
  await page.keyboard.press('s');
  await page.getByTestId('snooze-tomorrow').click();
  await rows.filter({ hasText: 'la robe est parfaite' }).waitFor({ state: 'detached' });
  const tomorrowNine = DateTime.now().setZone('Europe/Paris').plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toUTC().toISO();
  const all = (await admin.get<InboxPage>(`${inbox}/items?view=all`)).body.items;
  assert.equal(all.find((i) => i.text === praise)!.snoozedUntil, tomorrowNine);

  // Answer the reply with the saved reply; a double click still makes one reply.
  await rows.filter({ hasText: complaint }).click();
  await detail.getByTestId('reply-box').waitFor();
  await page.keyboard.press('r');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'reply-text');
  await detail.getByTestId('reply-saved').click();
  await page.getByRole('option', { name: /Retard de livraison/ }).click();
  const text = await detail.getByTestId('reply-text').inputValue();
  assert.equal(text, 'Bonjour fan.test, toutes nos excuses ! Pouvez-vous nous écrire votre n° de commande en message privé ?');
  await screenshot(page, journey, '2-answering');
  await detail.getByTestId('reply-send-done').dblclick();
  const sent = detail.locator('[data-testid="item-reply"][data-state="sent"]');
  await sent.waitFor({ timeout: 30_000 });
  await sent.getByTestId('item-reply-link').waitFor();
  await detail.getByTestId('item-first-response').waitFor();
  await screenshot(page, journey, '3-answered');

  const onNetwork = (await postsOnNetwork(network, 'brand.test')).filter((p) => p.value.text === text);
  assert.equal(onNetwork.length, 1, 'the answer exists once');
  assert.equal(onNetwork[0].value.reply?.parent.uri, reply.uri);
  assert.equal(onNetwork[0].value.reply?.root.uri, ours.uri);
  const answeredId = all.find((i) => i.text === complaint)!.id;
  const answered = await waitFor(async () => {
    const { body } = await admin.get<InboxItemDetail>(`${inbox}/items/${answeredId}`);
    return body.item.status === 'done' ? body : null;
  }, { timeoutMs: 10_000, what: 'the answered message to be done' });
  assert.ok(answered.item.firstResponseAt, 'first response recorded');
  assert.ok(Date.parse(answered.item.firstResponseAt) >= Date.parse(answered.item.receivedAt));
  assert.deepEqual(answered.item.tags, ['livraison']);
  assert.equal(answered.replies.length, 1);
  const leaId = (await lea.get<{ user: { id: string } }>('/api/me')).body.user.id;
  assert.equal(answered.item.assigneeId, leaId);
  assert.deepEqual(answered.notes.map((n) => n.mentions.length), [1]);

  // The snoozed mention waits in Snoozed.
  await page.getByTestId('inbox-view-snoozed').click();
  await rows.filter({ hasText: 'la robe est parfaite' }).waitFor();

  // On a phone: the list, then one message with a way back.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/w/${workspaceId}/inbox?view=all`);
  await rows.filter({ hasText: complaint }).waitFor();
  await screenshot(page, journey, '4-phone-list');
  await rows.filter({ hasText: complaint }).click();
  await page.getByTestId('inbox-back').waitFor();
  await detail.locator('[data-testid="item-reply"][data-state="sent"]').waitFor();
  await screenshot(page, journey, '5-phone-item');
  await page.getByTestId('inbox-back').click();
  await rows.filter({ hasText: complaint }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('item'), null);
  assert.deepEqual(errors, []);
  await browser.close();
  console.log(`inbox journey: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
