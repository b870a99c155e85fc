// Client approval links through the API, on both engines: a link shows only
// its period's posts (in the workspace's time zone, on its channels), with
// images read through the token; the client's approvals and comments land in
// the post's history as "Client: <name>" and reach the team in the app and by
// e-mail; an expired, revoked or unknown token, a post outside the period or
// of another workspace are refused and nothing changes.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startMastodonReplay, type MastodonReplayServer } from '../peers/mastodon/replay-server.ts';
import { onCleanup } from '../support/cleanup.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { engines } from '../support/engines.ts';
import { solidPng } from '../support/media-files.ts';
import { connectMastodon, settled, textPost } from '../support/publishing.ts';
import { inviteAndJoin, setUpAdminAndWorkspace, startTestRelais, type ApiClient, type TestRelais } from '../support/relais.ts';
import type { ApprovalLinkView, CreatedApprovalLink, ReviewPage, ReviewPost } from '../../src/shared/approval-links.ts';
import type { PostEventView, PostView } from '../../src/shared/publishing.ts';
import type { Database } from '../../src/server/db/schema.ts';

const touched: Array<keyof Database> = ['post', 'post_target', 'post_event', 'approval_link', 'approval_link_action', 'notification'];

let mastodon: MastodonReplayServer;
before(async () => {
  mastodon = await startMastodonReplay();
  onCleanup(() => mastodon.close());
  for (const name of ['maisondupont', 'atelier', 'rival']) mastodon.createAccount(name, { displayName: name });
});

for (const engine of engines) {
  describe(`client approval links (${engine})`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let writer: ApiClient;
    let workspaceId: string;
    let otherWorkspaceId: string;
    let shop: string;
    let atelier: string;
    const posts: Record<string, PostView> = {};
    let imageId: string;
    let otherImageId: string;
    let link: CreatedApprovalLink;
    let token: string;
    /** A client: no cookie, only the address. */
    const client = () => relais.client('fr');
    const base = () => `/api/workspaces/${workspaceId}`;
    const db = () => relais.relais.services.database.db;

    async function create(as: ApiClient, name: string, text: string, channelIds: string[], schedule: Record<string, unknown>, media: string[] = [], wsId = workspaceId) {
      const body = textPost(text, channelIds, schedule) as { content: Record<string, unknown> };
      body.content.media = media.map((mediaId) => ({ mediaId, altText: 'Linen shirts on a rail' }));
      const created = await as.post<{ post: PostView }>(`/api/workspaces/${wsId}/posts`, body);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      posts[name] = created.body.post;
      return created.body.post;
    }

    async function upload(as: ApiClient, wsId: string, color: string): Promise<string> {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(await solidPng(640, 480, color))], { type: 'image/png' }), 'shirts.png');
      const uploaded = await as.post<{ media: { id: string } }>(`/api/workspaces/${wsId}/media`, form);
      assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
      return uploaded.body.media.id;
    }

    async function history(postId: string): Promise<PostEventView[]> {
      return (await admin.get<{ events: PostEventView[] }>(`${base()}/posts/${postId}/history`)).body.events;
    }

    before(async () => {
      relais = await startTestRelais(engine, { RELAIS_ALLOW_PRIVATE_URLS: 'true' }, { captureLogs: true });
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      ({ member: writer } = await inviteAndJoin(relais, admin, workspaceId, `writer-${engine}@example.com`, 'contributor', 'Willa Writer'));
      mastodon.options.authorizeAs = 'maisondupont';
      shop = await connectMastodon(relais, admin, workspaceId, mastodon.origin);
      mastodon.options.authorizeAs = 'atelier';
      atelier = await connectMastodon(relais, admin, workspaceId, mastodon.origin);
      imageId = await upload(admin, workspaceId, '#e8590c');

      // Paris time: April 2027 runs from 31 March 22:00 UTC to 30 April 22:00 UTC.
      await create(admin, 'spring', 'Spring collection: the linen shirts are in.', [shop, atelier], { kind: 'at', at: '2027-04-05T09:00' }, [imageId]);
      await create(writer, 'proposal', 'Proposal: a workshop visit on Saturday.', [shop], { kind: 'at', at: '2027-04-10T10:00' });
      await create(admin, 'draft', 'Idea: behind the scenes at the workshop.', [atelier], { kind: 'draft', at: '2027-04-20T14:00' });
      await create(admin, 'lateApril', 'Last night of April: the sale ends.', [shop], { kind: 'at', at: '2027-04-30T23:30' });
      await create(admin, 'lateMarch', 'End of March (not in the link).', [shop], { kind: 'at', at: '2027-03-31T23:30' });
      await create(admin, 'may', 'May Day opening hours (not in the link).', [shop], { kind: 'at', at: '2027-05-03T09:00' });
      await create(admin, 'unplanned', 'An unplanned draft (not in the link).', [shop], { kind: 'draft', at: null });
      assert.equal(posts.proposal.approval, 'pending');
      assert.equal(posts.proposal.targets[0].state, 'pending_approval');

      // Another client of the agency, in the same month.
      const other = await admin.post<{ workspace: { id: string } }>('/api/workspaces', { name: 'Rival Brand', language: 'en', timeZone: 'Europe/Paris' });
      otherWorkspaceId = other.body.workspace.id;
      mastodon.options.authorizeAs = 'rival';
      const rivalChannel = await connectMastodon(relais, admin, otherWorkspaceId, mastodon.origin);
      otherImageId = await upload(admin, otherWorkspaceId, '#1971c2');
      await create(admin, 'rival', 'Rival brand secret launch.', [rivalChannel], { kind: 'at', at: '2027-04-06T09:00' }, [otherImageId], otherWorkspaceId);
    });

    test('an approver creates a link: the address is given once and only a hash of its token is kept', async () => {
      const created = await admin.post<CreatedApprovalLink>(`${base()}/approval-links`, { label: 'April posts', from: '2027-04-01', to: '2027-04-30' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      link = created.body;
      const match = /^(.+)\/review\/([A-Za-z0-9_-]{43})$/.exec(link.url);
      assert.ok(match, link.url);
      assert.equal(match[1], relais.baseUrl);
      token = match[2];
      assert.equal(link.link.status, 'active');
      assert.deepEqual([link.link.from, link.link.to], ['2027-04-01', '2027-04-30']);
      const days = (Date.parse(link.link.expiresAt) - Date.now()) / 86_400_000;
      assert.ok(days > 13.9 && days <= 14, `expires in 14 days by default (${days})`);

      const row = await db().selectFrom('approval_link').selectAll().where('id', '=', link.link.id).executeTakeFirstOrThrow();
      assert.equal(row.token_hash, createHash('sha256').update(token).digest('hex'));
      assert.ok(!JSON.stringify(row).includes(token), 'the token itself is not stored');
      assert.equal(Number(row.period_start), Date.parse('2027-03-31T22:00:00Z'));
      assert.equal(Number(row.period_end), Date.parse('2027-04-30T22:00:00Z'));

      const list = await admin.get<{ links: ApprovalLinkView[] }>(`${base()}/approval-links`);
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.links.map((l) => l.label), ['April posts']);
      assert.ok(!JSON.stringify(list.body).includes(token), 'the list never shows the token');

      // A contributor cannot hand posts to a client; bad periods and expiries are refused.
      assert.equal((await writer.post(`${base()}/approval-links`, { label: 'x', from: '2027-04-01', to: '2027-04-30' })).status, 403);
      const backwards = await admin.post<{ code: string }>(`${base()}/approval-links`, { label: 'x', from: '2027-04-30', to: '2027-04-01' });
      assert.deepEqual([backwards.status, backwards.body.code], [400, 'approval_link_period_invalid']);
      assert.equal((await admin.post(`${base()}/approval-links`, { label: 'x', from: '2027-04-01', to: '2027-04-30', expiresInDays: 91 })).status, 400);
      const foreign = await admin.post<{ code: string }>(`${base()}/approval-links`, { label: 'x', from: '2027-04-01', to: '2027-04-30', channelIds: [posts.rival.targets[0].channelId] });
      assert.deepEqual([foreign.status, foreign.body.code], [400, 'approval_link_channel_unknown']);
    });

    test('the client sees only the period’s posts, each channel’s copy, in the workspace’s zone, with images through the token', async () => {
      const page = await client().get<ReviewPage>(`/api/review/${token}`);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      assert.equal(page.headers.get('cache-control'), 'no-store');
      assert.equal(page.body.workspace.name, 'Maison Dupont');
      assert.equal(page.body.workspace.timeZone, 'Europe/Paris');
      assert.deepEqual(
        page.body.posts.map((p) => p.id),
        [posts.spring.id, posts.proposal.id, posts.draft.id, posts.lateApril.id],
        'in time order; March 31 and May 3 (Paris time) and the unplanned draft are not in it',
      );
      assert.ok(!JSON.stringify(page.body).includes('Rival'), 'nothing of the other workspace');
      const spring = page.body.posts[0];
      assert.deepEqual(spring.targets.map((t) => t.handle).sort(), ['atelier@replay.test', 'maisondupont@replay.test']);
      assert.equal(spring.targets[0].scheduledAt, '2027-04-05T07:00:00.000Z');
      assert.deepEqual(page.body.posts.map((p) => p.canApprove), [true, true, true, true]);
      assert.equal(page.body.posts[1].approval, 'pending');

      // The image: listed with token-scoped addresses, readable without an account.
      assert.deepEqual(page.body.media.map((m) => m.id), [imageId]);
      const thumbnail = await client().bytes(page.body.media[0].thumbnailUrl!);
      assert.equal(thumbnail.status, 200);
      assert.equal(thumbnail.headers.get('content-type'), 'image/webp');
      assert.equal((await client().bytes(page.body.media[0].fileUrl)).status, 200);
      // The workspace's own media route still needs an account; another workspace's file is not reachable through the token.
      assert.equal((await client().bytes(`${base()}/media/${imageId}/thumbnail`)).status, 401);
      assert.equal((await client().bytes(`/api/review/${token}/media/${otherImageId}/thumbnail`)).status, 404);

      // A link limited to one channel shows only that channel's copies.
      const limited = await admin.post<CreatedApprovalLink>(`${base()}/approval-links`, { label: 'Atelier, April', from: '2027-04-01', to: '2027-04-30', channelIds: [atelier], expiresInDays: 3 });
      assert.equal(limited.status, 201, JSON.stringify(limited.body));
      assert.deepEqual(limited.body.link.channels.map((c) => c.handle), ['atelier@replay.test']);
      const limitedPage = await client().get<ReviewPage>(new URL(limited.body.url).pathname.replace('/review/', '/api/review/'));
      assert.deepEqual(limitedPage.body.posts.map((p) => p.id), [posts.spring.id, posts.draft.id]);
      assert.deepEqual(limitedPage.body.posts[0].targets.map((t) => t.handle), ['atelier@replay.test']);
      const outside = await client().post<{ code: string }>(`${new URL(limited.body.url).pathname.replace('/review/', '/api/review/')}/posts/${posts.proposal.id}/approve`, { name: 'Marie' });
      assert.equal(outside.status, 404, 'a post on another channel is out of that link');

      // A post waiting for approval whose other copy the client cannot see stays waiting for the team.
      const mixed = await create(writer, 'mixed', 'Proposal for both accounts.', [shop, atelier], { kind: 'at', at: '2027-04-15T10:00' });
      assert.equal(mixed.approval, 'pending');
      const partial = await client().post<{ post: ReviewPost }>(`${new URL(limited.body.url).pathname.replace('/review/', '/api/review/')}/posts/${mixed.id}/approve`, { name: 'Marie Dupont' });
      assert.equal(partial.status, 200, JSON.stringify(partial.body));
      const stillPending = (await admin.get<{ post: PostView }>(`${base()}/posts/${mixed.id}`)).body.post;
      assert.equal(stillPending.approval, 'pending');
      assert.deepEqual(stillPending.targets.map((t) => t.state), ['pending_approval', 'pending_approval']);
      assert.deepEqual((await history(mixed.id)).map((e) => [e.action, e.actor]).at(-1), ['approved', 'Client: Marie Dupont']);
      const told = await writer.get<{ items: Array<{ kind: string; payload: Record<string, unknown> }> }>(`${base()}/notifications`);
      assert.deepEqual(told.body.items.map((n) => [n.kind, n.payload.becameApproved]), [['client_approved', false]]);
      assert.doesNotMatch((await relais.mailbox.next(`writer-${engine}@example.com`, /approved/)).text ?? '', /now scheduled/);
      await relais.mailbox.next('ada@example.com', /approved/);
      await writer.post(`${base()}/notifications/read`, {});
      await admin.delete(`${base()}/posts/${mixed.id}`);
    });

    test('the client approves: a post waiting for approval is scheduled; another keeps its state; both show "Client: <name>" and tell the team', async () => {
      const approved = await client().post<{ post: ReviewPost }>(`/api/review/${token}/posts/${posts.proposal.id}/approve`, { name: 'Marie Dupont', comment: 'Parfait pour nous' });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal(approved.body.post.approvedByClient, true);
      const proposal = (await admin.get<{ post: PostView }>(`${base()}/posts/${posts.proposal.id}`)).body.post;
      assert.equal(proposal.approval, 'approved');
      assert.equal(proposal.targets[0].state, 'scheduled');
      assert.equal(proposal.targets[0].scheduledAt, '2027-04-10T08:00:00.000Z', 'at the time the writer planned');
      const proposalEvents = await history(posts.proposal.id);
      const decision = proposalEvents.at(-1)!;
      assert.deepEqual([decision.action, decision.actor, decision.detail?.comment], ['approved', 'Client: Marie Dupont', 'Parfait pour nous']);

      // The spring post needed no approval: recorded, and nothing else moves.
      const before = (await admin.get<{ post: PostView }>(`${base()}/posts/${posts.spring.id}`)).body.post;
      const second = await client().post<{ post: ReviewPost }>(`/api/review/${token}/posts/${posts.spring.id}/approve`, { name: 'Marie Dupont' });
      assert.equal(second.status, 200, JSON.stringify(second.body));
      const after = (await admin.get<{ post: PostView }>(`${base()}/posts/${posts.spring.id}`)).body.post;
      assert.deepEqual(after.targets.map((t) => [t.state, t.version, t.scheduledAt]), before.targets.map((t) => [t.state, t.version, t.scheduledAt]));
      assert.equal(after.approval, before.approval);
      assert.deepEqual((await history(posts.spring.id)).map((e) => [e.action, e.actor]), [['created', 'Ada Admin'], ['approved', 'Client: Marie Dupont']]);
      // A second tap changes nothing.
      await client().post(`/api/review/${token}/posts/${posts.spring.id}/approve`, { name: 'Marie Dupont' });
      assert.equal((await history(posts.spring.id)).length, 2);

      // The team hears it: the link's creator and the post's author, in the app and by e-mail.
      const adminNotes = await admin.get<{ unread: number; items: Array<{ kind: string; payload: Record<string, unknown> }> }>(`${base()}/notifications`);
      const clientNotes = adminNotes.body.items.filter((n) => n.kind === 'client_approved' && n.payload.linkLabel === 'April posts');
      assert.equal(clientNotes.length, 2);
      assert.deepEqual(clientNotes.map((n) => n.payload.postId).sort(), [posts.proposal.id, posts.spring.id].sort());
      assert.equal(clientNotes[0].payload.clientName, 'Marie Dupont');
      const writerNotes = await writer.get<{ unread: number; items: Array<{ kind: string; read: boolean; payload: Record<string, unknown> }> }>(`${base()}/notifications`);
      assert.equal(writerNotes.body.unread, 1);
      assert.deepEqual(writerNotes.body.items.filter((n) => !n.read).map((n) => [n.kind, n.payload.becameApproved]), [['client_approved', true]], 'the author, once, in a client’s words');
      const mail = await relais.mailbox.next(`writer-${engine}@example.com`, /approved/);
      assert.match(mail.subject ?? '', /Marie Dupont \(client\) approved a post/);
      assert.match(mail.text ?? '', /now scheduled/);
      assert.match(mail.text ?? '', new RegExp(`/w/${workspaceId}/posts/${posts.proposal.id}`));
      await relais.mailbox.next('ada@example.com', /approved/);
    });

    test('the client comments: in the history, on the page, and to the team; the list counts what came through the link', async () => {
      const commented = await client().post<{ post: ReviewPost }>(`/api/review/${token}/posts/${posts.draft.id}/comment`, { name: 'Marie Dupont', comment: 'Pouvez-vous montrer les mains de la couturière ?' });
      assert.equal(commented.status, 200, JSON.stringify(commented.body));
      assert.deepEqual(commented.body.post.actions.map((a) => [a.kind, a.name, a.comment]), [['commented', 'Marie Dupont', 'Pouvez-vous montrer les mains de la couturière ?']]);
      const last = (await history(posts.draft.id)).at(-1)!;
      assert.deepEqual([last.action, last.actor, last.detail?.comment], ['commented', 'Client: Marie Dupont', 'Pouvez-vous montrer les mains de la couturière ?']);
      const draft = (await admin.get<{ post: PostView }>(`${base()}/posts/${posts.draft.id}`)).body.post;
      assert.equal(draft.targets[0].state, 'draft', 'a comment changes no state');
      const mail = await relais.mailbox.next('ada@example.com', /commented/);
      assert.match(mail.text ?? '', /montrer les mains/);
      const empty = await client().post(`/api/review/${token}/posts/${posts.draft.id}/comment`, { name: 'Marie Dupont', comment: '   ' });
      assert.equal(empty.status, 400);
      const noName = await client().post(`/api/review/${token}/posts/${posts.draft.id}/approve`, { name: ' ' });
      assert.equal(noName.status, 400);

      const list = await admin.get<{ links: ApprovalLinkView[] }>(`${base()}/approval-links`);
      const april = list.body.links.find((l) => l.id === link.link.id)!;
      assert.deepEqual([april.approvals, april.comments], [2, 1]);
      assert.ok(april.lastOpenedAt, 'the list shows that the client opened it');
    });

    test('an edit after the client approved makes that approval outdated on the page', async () => {
      const current = (await admin.get<{ post: PostView }>(`${base()}/posts/${posts.spring.id}`)).body.post;
      const edited = await admin.put(`${base()}/posts/${posts.spring.id}`, { ...textPost('Spring collection: the linen shirts AND dresses are in.', [shop, atelier], { kind: 'at', at: '2027-04-05T09:00' }), version: current.version });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const page = await client().get<ReviewPage>(`/api/review/${token}`);
      const spring = page.body.posts.find((p) => p.id === posts.spring.id)!;
      assert.equal(spring.approvedByClient, false);
      assert.deepEqual(spring.actions.map((a) => [a.kind, a.current]), [['approved', false]]);
      assert.match(spring.targets[0].content.text, /AND dresses/);
    });

    test('refused, and nothing changes: a post outside the period, another workspace’s post, an unknown or malformed token, a foreign origin', async () => {
      const before = await snapshot(db(), touched);
      for (const [path, expected] of [
        [`/api/review/${token}/posts/${posts.may.id}/approve`, 404],
        [`/api/review/${token}/posts/${posts.lateMarch.id}/comment`, 404],
        [`/api/review/${token}/posts/${posts.unplanned.id}/approve`, 404],
        [`/api/review/${token}/posts/${posts.rival.id}/approve`, 404],
        [`/api/review/${'A'.repeat(43)}/posts/${posts.spring.id}/approve`, 404],
        [`/api/review/not-a-token/posts/${posts.spring.id}/comment`, 404],
      ] as const) {
        const answer = await client().post<{ code: string }>(path, { name: 'Mallory', comment: 'Hello' });
        assert.equal(answer.status, expected, `${path}: ${JSON.stringify(answer.body)}`);
      }
      const unknown = await client().get<{ code: string; message: string }>(`/api/review/${'A'.repeat(43)}`);
      assert.deepEqual([unknown.status, unknown.body.code], [404, 'review_link_not_found']);
      assert.match(unknown.body.message, /n'existe pas/, 'in the client’s language');
      const forged = await client().request('POST', `/api/review/${token}/posts/${posts.spring.id}/comment`, { name: 'Mallory', comment: 'from elsewhere' }, { origin: 'https://evil.example' });
      assert.equal(forged.status, 403);
      assert.deepEqual(await snapshot(db(), touched), before);
    });

    test('an expired link and a revoked link are refused (410) and change nothing', async () => {
      const expiring = await admin.post<CreatedApprovalLink>(`${base()}/approval-links`, { label: 'Soon expired', from: '2027-04-01', to: '2027-04-30' });
      const expiringToken = expiring.body.url.split('/review/')[1];
      assert.equal((await client().get(`/api/review/${expiringToken}`)).status, 200);
      await db().updateTable('approval_link').set({ expires_at: Date.now() - 1000 }).where('id', '=', expiring.body.link.id).execute();

      const revoking = await admin.post<CreatedApprovalLink>(`${base()}/approval-links`, { label: 'Withdrawn', from: '2027-04-01', to: '2027-04-30' });
      const revokedToken = revoking.body.url.split('/review/')[1];
      const revoked = await admin.post<{ link: ApprovalLinkView }>(`${base()}/approval-links/${revoking.body.link.id}/revoke`, {});
      assert.equal(revoked.status, 200);
      assert.equal(revoked.body.link.status, 'revoked');

      const before = await snapshot(db(), touched);
      for (const [dead, code] of [
        [expiringToken, 'review_link_expired'],
        [revokedToken, 'review_link_revoked'],
      ] as const) {
        const page = await client().get<{ code: string }>(`/api/review/${dead}`);
        assert.deepEqual([page.status, page.body.code], [410, code]);
        for (const action of ['approve', 'comment']) {
          const answer = await client().post<{ code: string }>(`/api/review/${dead}/posts/${posts.lateApril.id}/${action}`, { name: 'Marie', comment: 'Trop tard ?' });
          assert.deepEqual([answer.status, answer.body.code], [410, code]);
        }
        assert.equal((await client().bytes(`/api/review/${dead}/media/${imageId}/thumbnail`)).status, 410);
      }
      assert.deepEqual(await snapshot(db(), touched), before);
      const list = (await admin.get<{ links: ApprovalLinkView[] }>(`${base()}/approval-links`)).body.links;
      assert.equal(list.find((l) => l.id === expiring.body.link.id)?.status, 'expired');
      // The other workspace's admin path cannot revoke A's link.
      assert.equal((await admin.post(`/api/workspaces/${otherWorkspaceId}/approval-links/${link.link.id}/revoke`, {})).status, 404);
      assert.equal((await client().get(`/api/review/${token}`)).status, 200, 'the first link still works');
    });

    test('a post already out can be commented on, not approved', async () => {
      const now = new Date();
      const day = now.toISOString().slice(0, 10);
      const published = await create(admin, 'published', 'Out already.', [shop], { kind: 'now' });
      const out = await settled(admin, workspaceId, published.id);
      assert.equal(out.targets[0].state, 'published', JSON.stringify(out.targets[0]));
      const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
      const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
      const today = await admin.post<CreatedApprovalLink>(`${base()}/approval-links`, { label: `Around ${day}`, from: yesterday, to: tomorrow });
      const todayToken = today.body.url.split('/review/')[1];
      const page = await client().get<ReviewPage>(`/api/review/${todayToken}`);
      const shown = page.body.posts.find((p) => p.id === published.id);
      assert.ok(shown, 'published posts of the period are shown');
      assert.equal(shown.canApprove, false);
      assert.ok(shown.targets[0].remoteUrl);
      const late = await client().post<{ code: string }>(`/api/review/${todayToken}/posts/${published.id}/approve`, { name: 'Marie' });
      assert.deepEqual([late.status, late.body.code], [409, 'client_approval_too_late']);
      assert.equal((await client().post(`/api/review/${todayToken}/posts/${published.id}/comment`, { name: 'Marie', comment: 'Très réussi !' })).status, 200);
    });

    test('no link token is ever written to the logs (debug level)', () => {
      const logs = relais.logs();
      assert.ok(logs.includes('/api/review/[redacted]'), 'the requests were logged');
      assert.ok(!logs.includes(token), 'the token of the first link');
      assert.equal(/\/review\/[A-Za-z0-9_-]{43}/.exec(logs), null, 'nor any other');
    });

    test('the public routes are rate-limited per address', async () => {
      let status = 0;
      for (let i = 0; i < 31 && status !== 429; i += 1) {
        status = (await client().post(`/api/review/${'B'.repeat(43)}/posts/x/comment`, { name: 'Flood', comment: 'x' })).status;
      }
      assert.equal(status, 429);
      const limited = await client().post<{ code: string }>(`/api/review/${'B'.repeat(43)}/posts/x/comment`, { name: 'Flood', comment: 'x' });
      assert.equal(limited.body.code, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
    });
  });
}
