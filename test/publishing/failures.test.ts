// What happens when a network says no, against a server replaying Mastodon's
// documented API (no Mastodon installs here): content refused → failed with
// the network's words and the author told; token revoked → channel "reconnect
// needed" and the post waits; a 503 → retried later; a lost response →
// reconciled with the network before any retry, so the post exists once.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startMastodonReplay, type MastodonReplayServer } from '../peers/mastodon/replay-server.ts';
import { engines } from '../support/engines.ts';
import { startTestRelais, setUpAdminAndWorkspace, type TestRelais, type ApiClient } from '../support/relais.ts';
import { textPost } from '../support/publishing.ts';
import { waitFor } from '../support/wait.ts';
import { onCleanup } from '../support/cleanup.ts';
import { sweepPublishing } from '../../src/server/publishing-jobs.ts';
import type { PostView, TargetView } from '../../src/shared/publishing.ts';

for (const engine of engines) {
  describe(`publishing failures on ${engine}`, () => {
    let server: MastodonReplayServer;
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;
    let channelId: string;
    let token: string;
    const posts = () => `/api/workspaces/${workspaceId}/posts`;

    before(async () => {
      server = await startMastodonReplay();
      onCleanup(() => server.close());
      server.createAccount('maison', { displayName: 'Maison Dupont' });
      token = server.issueToken('maison', ['read', 'write']);
      relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      const me = await admin.get<{ user: { id: string } }>('/api/me');
      const channel = await relais.relais.services.channels.service.connectAuthorized({
        workspaceId,
        userId: me.body.user.id,
        network: 'mastodon',
        serverUrl: server.origin,
        credentials: { serverUrl: server.origin, accessToken: token, tokenType: 'Bearer', scope: 'read write', createdAt: Math.floor(Date.now() / 1000) },
      });
      channelId = channel.id;
    });

    const targetOf = async (postId: string): Promise<TargetView> => (await admin.get<{ post: PostView }>(`${posts()}/${postId}`)).body.post.targets[0];
    const waitTarget = (postId: string, match: (t: TargetView) => boolean, what: string) => waitFor(async () => {
      const target = await targetOf(postId);
      return match(target) ? target : null;
    }, { what, timeoutMs: 20_000 });
    /** Time passes: the pending retry is due now. */
    const fastForward = async (targetId: string) => {
      const db = relais.relais.services.database.db;
      await db.updateTable('post_target').set({ next_attempt_at: Date.now() }).where('id', '=', targetId).execute();
      await db.updateTable('job').set({ run_at: Date.now() }).where('status', '=', 'pending').where('payload', 'like', `%${targetId}%`).execute();
    };
    const statusesWith = (text: string) => server.statusesOf('maison').filter((s) => s.text === text);

    test('content the network refuses fails with its words, and the author is told', async () => {
      server.inject({ method: 'POST', path: '/api/v1/statuses', respond: { status: 422, body: { error: 'Validation failed: Text contains a forbidden link' } } });
      const created = await admin.post<{ post: PostView }>(posts(), textPost('Refusé par le serveur', [channelId]));
      const target = await waitTarget(created.body.post.id, (t) => t.state === 'failed', 'the target to fail');
      assert.equal(target.failureCode, 'rejected');
      assert.equal(target.failureMessage, 'Validation failed: Text contains a forbidden link');
      const notes = await admin.get<{ items: Array<{ kind: string; payload: { reason: string } }> }>(`/api/workspaces/${workspaceId}/notifications`);
      assert.equal(notes.body.items[0].kind, 'publish_failed');
      assert.match(notes.body.items[0].payload.reason, /forbidden link/);
      const mail = await relais.mailbox.next('ada@example.com', /Could not publish|Échec/);
      assert.match(mail.text ?? '', /forbidden link/);
    });

    test('a 503 is retried later (the target says when), then published once', async () => {
      server.inject({ method: 'POST', path: '/api/v1/statuses', respond: { status: 503, body: { error: 'Service Unavailable' } } });
      const created = await admin.post<{ post: PostView }>(posts(), textPost('Après une panne passagère', [channelId]));
      const waiting = await waitTarget(created.body.post.id, (t) => t.holdReason === 'retrying', 'a retry to be planned');
      assert.equal(waiting.state, 'scheduled');
      assert.ok(waiting.nextAttemptAt && Date.parse(waiting.nextAttemptAt) > Date.now() + 10_000, 'retried after a back-off');
      await fastForward(waiting.id);
      const done = await waitTarget(created.body.post.id, (t) => t.state === 'published', 'the retry to publish');
      assert.equal(done.attempts, 2);
      assert.equal(statusesWith('Après une panne passagère').length, 1);
    });

    test('a lost response is reconciled with the network before any retry: the post exists once', async () => {
      server.inject({ method: 'POST', path: '/api/v1/statuses', drop: true });
      const created = await admin.post<{ post: PostView }>(posts(), textPost('Réponse perdue en route', [channelId]));
      const waiting = await waitTarget(created.body.post.id, (t) => t.holdReason === 'retrying' || t.state === 'published', 'the outcome to be unknown');
      assert.equal(statusesWith('Réponse perdue en route').length, 1, 'the server did create it');
      if (waiting.state !== 'published') await fastForward(waiting.id);
      const done = await waitTarget(created.body.post.id, (t) => t.state === 'published', 'reconciliation');
      assert.equal(statusesWith('Réponse perdue en route').length, 1, 'not sent twice');
      assert.equal(done.remoteId, statusesWith('Réponse perdue en route')[0].id, 'the existing post was found');
    });

    test('a revoked token: the channel needs reconnecting, admins are emailed, the post waits instead of failing', async () => {
      server.revokeToken(token);
      const created = await admin.post<{ post: PostView }>(posts(), textPost('En attente de reconnexion', [channelId]));
      const waiting = await waitTarget(created.body.post.id, (t) => t.holdReason === 'channel_reconnect_needed', 'the post to wait');
      assert.equal(waiting.state, 'scheduled');
      const channels = await admin.get<{ channels: Array<{ id: string; status: string }> }>(`/api/workspaces/${workspaceId}/channels`);
      assert.equal(channels.body.channels.find((c) => c.id === channelId)?.status, 'reconnect_needed');
      await relais.mailbox.next('ada@example.com', /reconnect/i);
      assert.equal(statusesWith('En attente de reconnexion').length, 0);

      // Reconnected (same channel): the next sweep hands the waiting post back to the workers.
      const me = await admin.get<{ user: { id: string } }>('/api/me');
      token = server.issueToken('maison', ['read', 'write']);
      await relais.relais.services.channels.service.connectAuthorized({
        workspaceId,
        userId: me.body.user.id,
        network: 'mastodon',
        serverUrl: server.origin,
        credentials: { serverUrl: server.origin, accessToken: token, tokenType: 'Bearer', scope: 'read write', createdAt: Math.floor(Date.now() / 1000) },
      });
      await sweepPublishing(relais.relais.services);
      const done = await waitTarget(created.body.post.id, (t) => t.state === 'published', 'the waiting post to go out');
      assert.equal(done.holdReason, null);
      assert.equal(statusesWith('En attente de reconnexion').length, 1);
    });
  });
}
