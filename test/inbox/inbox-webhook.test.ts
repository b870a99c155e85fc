// Webhook intake on both engines, with a Mastodon status as the replay server
// returns it: a delivery signed with the channel's secret becomes an inbox
// item; an unsigned or wrongly signed one is refused (401) and stores nothing;
// the same delivery twice, or the same post polled afterwards, is one item.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { startMastodonReplay } from '../peers/mastodon/replay-server.ts';
import { engines } from '../support/engines.ts';
import { onCleanup } from '../support/cleanup.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin } from '../support/relais.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { connectMastodonAccount } from '../support/inbox.ts';
import type { InboxPage } from '../../src/shared/inbox.ts';

for (const engine of engines) {
  describe(`inbox webhooks (${engine})`, () => {
    test('signed deliveries become items once; unsigned ones change nothing', async () => {
      const server = await startMastodonReplay();
      onCleanup(() => server.close());
      server.createAccount('maison', { displayName: 'Maison Dupont' });
      server.createAccount('cliente', { displayName: 'Une cliente' });
      const relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true', RELAIS_ROLES: 'web' });
      const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
      const services = relais.relais.services;
      const channel = await connectMastodonAccount(relais, admin, workspaceId, server, 'maison');
      // The first poll: nothing yet, the cursor is set.
      await services.inbox.poller.poll(workspaceId, channel.id);

      const { member: editor } = await inviteAndJoin(relais, admin, workspaceId, `editor-${engine}@example.com`, 'editor');
      assert.equal((await editor.post(`/api/workspaces/${workspaceId}/inbox/channels/${channel.id}/webhook`)).status, 403, 'only admins create webhook secrets');
      const created = await admin.post<{ url: string; secret: string }>(`/api/workspaces/${workspaceId}/inbox/channels/${channel.id}/webhook`);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.url, `${relais.baseUrl}/api/hooks/inbox/${channel.id}`);
      const stored = await services.database.db.selectFrom('inbox_webhook').select('secret').executeTakeFirstOrThrow();
      assert.ok(!stored.secret.includes(created.body.secret), 'the secret is stored sealed');

      const posted = await fetch(`${server.origin}/api/v1/statuses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.issueToken('cliente', ['read', 'write'])}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: `@maison Bonjour, ma commande n'est toujours pas arrivée (${engine})`, visibility: 'public' }),
      });
      const status = await posted.json();
      const body = JSON.stringify({ event: 'status.created', created_at: new Date().toISOString(), object: status });
      const sign = (secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      const deliver = (signature: string | null) =>
        fetch(created.body.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature': signature } : {}) }, body });

      const before = await snapshot(services.database.db, ['inbox_item', 'inbox_author', 'inbox_event']);
      assert.equal((await deliver(null)).status, 401);
      const wrong = await deliver(sign('not the secret'));
      assert.equal(wrong.status, 401);
      assert.equal(((await wrong.json()) as { code: string }).code, 'inbox_webhook_bad_signature');
      assert.equal((await fetch(`${relais.baseUrl}/api/hooks/inbox/no-such-channel`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': sign(created.body.secret) }, body })).status, 401);
      assert.deepEqual(await snapshot(services.database.db, ['inbox_item', 'inbox_author', 'inbox_event']), before, 'refused deliveries store nothing');

      const accepted = await deliver(sign(created.body.secret));
      assert.equal(accepted.status, 202);
      assert.deepEqual(await accepted.json(), { received: 1 });
      assert.deepEqual(await (await deliver(sign(created.body.secret))).json(), { received: 0 }, 'a delivery sent again is the same item');
      await services.inbox.poller.poll(workspaceId, channel.id);
      const items = (await admin.get<InboxPage>(`/api/workspaces/${workspaceId}/inbox/items?view=all`)).body.items;
      assert.equal(items.length, 1, 'the poll reports the same post: still one item');
      assert.equal(items[0].kind, 'mention');
      assert.match(items[0].text, /toujours pas arrivée/);
      assert.equal(items[0].sentiment, 'negative');
    });
  });
}
