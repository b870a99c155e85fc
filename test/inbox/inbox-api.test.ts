// Working the inbox through the API, on both engines. Items come through the
// real ingest (as a poll would hand them over), then: views and filters, full
// text without accents or case, pages without gaps or doubles; status,
// assignment (the assignee e-mailed), tags, notes with a mention (e-mailed),
// bulk changes, history and undo; snooze woken by the scheduler's own job;
// the live feed, resumed after Last-Event-ID, never showing another
// workspace; rules (their actions logged under the rule's name, undoable, the
// criticism guard); opening hours, due times and the response-time report;
// saved replies; bad input refused with a translated message, nothing changed.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { engines } from '../support/engines.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, type TestRelais, type ApiClient } from '../support/relais.ts';
import { activity, openLiveFeed } from '../support/inbox.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { waitFor } from '../support/wait.ts';
import type { InboxCounts, InboxItemDetail, InboxItemView, InboxPage, ResponseReport, RuleView, SavedReplyView } from '../../src/shared/inbox.ts';

for (const engine of engines) {
  describe(`working the inbox through the API (${engine})`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;
    let channelId: string;
    let editor: ApiClient;
    let editorId: string;
    let inbox: string;

    /** A channel row of this workspace (disabled: nobody polls it; items are handed to the real ingest). */
    async function channel(workspace: string, handle: string): Promise<string> {
      const id = randomUUID();
      const now = Date.now();
      await relais.relais.services.database.db
        .insertInto('channel')
        .values({ id, workspace_id: workspace, network: 'bluesky', remote_id: `did:plc:${handle}`, server_url: 'https://pds.example', handle, display_name: handle, avatar_url: null, profile_url: null, credentials: null, status: 'disabled', status_reason: null, rate_limited_until: null, created_by: null, created_at: now, updated_at: now })
        .execute();
      return id;
    }

    async function ingest(workspace: string, channelRef: string, activities: ReturnType<typeof activity>[]) {
      return relais.relais.services.inbox.ingest.ingest({ id: channelRef, workspaceId: workspace, network: 'bluesky', remoteId: `did:plc:brand-${workspace}` }, activities);
    }

    const list = async (query: string) => {
      const answer = await admin.get<InboxPage>(`${inbox}/items?${query}`);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body.items;
    };

    before(async () => {
      relais = await startTestRelais(engine);
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      inbox = `/api/workspaces/${workspaceId}/inbox`;
      channelId = await channel(workspaceId, 'maison');
      ({ member: editor } = await inviteAndJoin(relais, admin, workspaceId, `editor-${engine}@example.com`, 'editor', 'Léa Editor'));
      editorId = (await editor.get<{ user: { id: string } }>('/api/me')).body.user.id;
    });

    test('views, filters, full text and pages', async () => {
      const result = await ingest(workspaceId, channelId, [
        activity('Colis toujours pas REÇU, très déçu 😡', { author: 'camille', kind: 'reply', followers: 25_000 }),
        activity('Merci pour la livraison rapide, top !', { author: 'hugo' }),
        activity('Where is my parcel? Still not delivered', { author: 'emma', kind: 'reply' }),
        activity('Vous ouvrez dimanche ?', { author: 'hugo' }),
      ]);
      assert.equal(result.inserted, 4);
      const again = await ingest(workspaceId, channelId, [activity('Deuxième message de la même cliente', { id: (await list('view=all')).at(-1)!.id.toString() })]);
      assert.equal(again.inserted, 1, 'a different activity key is a different item');
      const all = await list('view=all');
      assert.equal(all.length, 5);
      assert.deepEqual(all.map((i) => i.id), [...all.map((i) => i.id)].sort((a, b) => b - a), 'newest first');

      assert.deepEqual((await list('q=recu')).map((i) => i.text), ['Colis toujours pas REÇU, très déçu 😡'], 'accents and case ignored');
      assert.deepEqual((await list('q=' + encodeURIComponent('"pas recu"'))).length, 1, 'a phrase');
      assert.deepEqual((await list('q=' + encodeURIComponent('livraison -rapide'))).length, 0, 'a word left out');
      assert.deepEqual((await list('q=' + encodeURIComponent('"\'* OR NEAR( ) ^'))).length, 0, 'search syntax in the words is only words');
      assert.deepEqual((await list('sentiment=negative')).map((i) => i.author.handle).sort(), ['camille.example', 'emma.example']);
      assert.deepEqual((await list('language=en')).map((i) => i.author.handle), ['emma.example']);
      assert.deepEqual((await list(`kind=reply&channel=${channelId}&sentiment=negative,neutral`)).length, 2);
      const byPriority = await list('sort=priority');
      assert.equal(byPriority[0].author.handle, 'camille.example', 'negative and influential first');

      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: InboxPage = (await admin.get<InboxPage>(`${inbox}/items?view=all&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, all.map((i) => i.id), 'pages of 2: every item once, in order');

      const bad = await admin.get<{ code: string; message: string }>(`${inbox}/items?from=yesterday`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'inbox_filter_bad_date');
      const badSentiment = await admin.get<{ code: string }>(`${inbox}/items?sentiment=angry`);
      assert.equal(badSentiment.status, 400);
    });

    test('status, assignment, tags and notes, with history, e-mails and undo', async () => {
      const [item] = await list('q=parcel');
      const assigned = await admin.patch<InboxItemView>(`${inbox}/items/${item.id}`, { assigneeId: editorId, addTags: ['livraison', 'urgent'], priority: 2 });
      assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
      assert.equal(assigned.body.assigneeId, editorId);
      assert.deepEqual(assigned.body.tags, ['livraison', 'urgent']);
      const mail = await relais.mailbox.next(`editor-${engine}@example.com`, /assigned to you/);
      assert.match(mail.text ?? '', new RegExp(`/w/${workspaceId}/inbox\\?item=${item.id}`));
      assert.deepEqual((await editor.get<InboxPage>(`${inbox}/items?view=mine`)).body.items.map((i) => i.id), [item.id]);
      assert.deepEqual((await list('tag=livraison')).map((i) => i.id), [item.id]);

      const outsider = randomUUID();
      const before = await snapshot(relais.relais.services.database.db, ['inbox_item', 'inbox_event']);
      const refused = await admin.patch<{ code: string; message: string }>(`${inbox}/items/${item.id}`, { assigneeId: outsider, status: 'done' });
      assert.equal(refused.status, 422);
      assert.equal(refused.body.code, 'inbox_assignee_not_member');
      assert.deepEqual(await snapshot(relais.relais.services.database.db, ['inbox_item', 'inbox_event']), before, 'nothing changed');
      admin.locale = 'fr';
      const frRefused = await admin.patch<{ message: string }>(`${inbox}/items/${item.id}`, { snoozedUntil: '2001-01-01T00:00:00Z' });
      assert.equal(frRefused.status, 422);
      assert.match(frRefused.body.message, /heure à venir/);
      admin.locale = 'en';

      const note = await admin.post<{ id: string; mentions: string[] }>(`${inbox}/items/${item.id}/notes`, { body: '@Léa peux-tu vérifier le suivi ?', mentions: [editorId] });
      assert.equal(note.status, 201, JSON.stringify(note.body));
      const mentionMail = await relais.mailbox.next(`editor-${engine}@example.com`, /mentioned you/);
      assert.match(mentionMail.text ?? '', /peux-tu vérifier le suivi/);
      const notices = await editor.get<{ items: Array<{ kind: string; payload: { itemId: number } }> }>(`/api/workspaces/${workspaceId}/notifications`);
      assert.deepEqual(notices.body.items.map((n) => [n.kind, n.payload.itemId]).sort(), [['inbox_assigned', item.id], ['inbox_mentioned', item.id]].sort());

      const done = await editor.patch<InboxItemView>(`${inbox}/items/${item.id}`, { status: 'done' });
      assert.equal(done.body.status, 'done');
      assert.ok(done.body.resolvedAt);
      const detail = (await admin.get<InboxItemDetail>(`${inbox}/items/${item.id}`)).body;
      assert.deepEqual(detail.notes.map((n) => n.body), ['@Léa peux-tu vérifier le suivi ?']);
      const actions = detail.history.map((e) => `${e.action}:${e.actor.kind === 'user' ? e.actor.name : e.actor.kind}`);
      assert.deepEqual(actions, ['created:system', 'assign:Ada Admin', 'priority:Ada Admin', 'tag:Ada Admin', 'tag:Ada Admin', 'note:Ada Admin', 'status:Léa Editor']);

      const statusEvent = detail.history.find((e) => e.action === 'status')!;
      const assignEvent = detail.history.find((e) => e.action === 'assign')!;
      assert.equal((await admin.post(`${inbox}/events/${statusEvent.id}/undo`)).status, 204);
      const reopened = (await admin.get<InboxItemDetail>(`${inbox}/items/${item.id}`)).body;
      assert.equal(reopened.item.status, 'open');
      assert.equal(reopened.item.resolvedAt, null);
      assert.equal((await admin.post<{ code: string }>(`${inbox}/events/${statusEvent.id}/undo`)).body.code, 'inbox_event_not_reversible', 'undone once');
      await admin.patch(`${inbox}/items/${item.id}`, { assigneeId: null });
      await admin.patch(`${inbox}/items/${item.id}`, { assigneeId: editorId });
      const stale = await admin.post<{ code: string }>(`${inbox}/events/${assignEvent.id}/undo`);
      assert.equal(stale.status, 204, 'the assignee is what that change set: undoing is safe');
      await admin.patch(`${inbox}/items/${item.id}`, { priority: 0 });
      const priorityEvent = reopened.history.find((e) => e.action === 'priority')!;
      assert.equal((await admin.post<{ code: string }>(`${inbox}/events/${priorityEvent.id}/undo`)).body.code, 'inbox_event_changed_since', 'a later change is never overwritten');

      const open = await list('view=open');
      const bulk = await admin.post<{ updated: number }>(`${inbox}/items/bulk`, { itemIds: open.map((i) => i.id), update: { status: 'pending', addTags: ['revu'] } });
      assert.equal(bulk.body.updated, open.length);
      assert.equal((await list('view=open')).length, 0);
      const counts = (await admin.get<InboxCounts>(`${inbox}/counts`)).body;
      assert.equal(counts.pending, open.length);
      assert.equal(counts.open, 0);
    });

    test('a snoozed item leaves the views and comes back by itself', async () => {
      const [item] = await list('view=pending&q=dimanche');
      const until = new Date(Date.now() + 3_000).toISOString();
      const snoozed = await admin.patch<InboxItemView>(`${inbox}/items/${item.id}`, { snoozedUntil: until, status: 'open' });
      assert.equal(snoozed.body.snoozedUntil, until);
      assert.deepEqual((await list('view=open')).map((i) => i.id).includes(item.id), false);
      assert.deepEqual((await list('view=snoozed')).map((i) => i.id), [item.id]);
      const woken = await waitFor(async () => (await list('view=open')).find((i) => i.id === item.id), { timeoutMs: 20_000, what: 'the item to wake' });
      assert.equal(woken.snoozedUntil, null);
      const history = (await admin.get<InboxItemDetail>(`${inbox}/items/${item.id}`)).body.history;
      assert.equal(history.at(-1)!.action, 'woke');
    });

    test('the live feed: changes arrive, a reconnection resumes, another workspace is never heard', async () => {
      const other = await admin.post<{ workspace: { id: string } }>('/api/workspaces', { name: `Autre ${engine}`, language: 'fr', timeZone: 'Europe/Paris' });
      const otherChannel = await channel(other.body.workspace.id, 'autre');
      const live = await openLiveFeed(admin, workspaceId);
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await ingest(other.body.workspace.id, otherChannel, [activity('Ailleurs')]);
        const result = await ingest(workspaceId, channelId, [activity('Nouveau message en direct')]);
        const [itemId] = result.itemIds;
        await admin.patch(`${inbox}/items/${itemId}`, { addTags: ['direct'] });
        await waitFor(() => (live.events.some((e) => e.itemId === itemId && e.action === 'tag') ? true : null), { timeoutMs: 5_000, what: 'the tag on the live feed' });
        assert.deepEqual(live.events.filter((e) => e.itemId === itemId).map((e) => e.action), ['created', 'tag']);
        const foreign = await relais.relais.services.database.db.selectFrom('inbox_item').select('id').where('workspace_id', '=', other.body.workspace.id).execute();
        assert.ok(!live.events.some((e) => foreign.some((f) => Number(f.id) === e.itemId)), 'nothing from another workspace');

        const lastSeen = live.events.find((e) => e.action === 'created' && e.itemId === itemId)!.id;
        const resumed = await openLiveFeed(admin, workspaceId, { 'last-event-id': String(lastSeen) });
        try {
          await waitFor(() => (resumed.events.length > 0 ? true : null), { timeoutMs: 5_000, what: 'the resumed feed' });
          assert.deepEqual(resumed.events.map((e) => e.action), ['tag'], 'only what came after the last event seen');
        } finally {
          resumed.close();
        }
        const stranger = relais.client();
        assert.equal((await openLiveFeed(stranger, workspaceId)).status, 401);
      } finally {
        live.close();
      }
    });

    test('rules tag, assign and prioritise new items under their own name; criticism is never put aside', async () => {
      const guard = await admin.post<{ code: string; message: string }>(`${inbox}/rules`, { name: 'Cacher les râleurs', conditions: { sentiments: ['negative'] }, actions: [{ type: 'markSpam' }] });
      assert.equal(guard.status, 422);
      assert.equal(guard.body.code, 'inbox_rule_hides_criticism');
      assert.equal((await admin.get<{ rules: RuleView[] }>(`${inbox}/rules`)).body.rules.length, 0, 'nothing saved');
      const badQuery = await admin.post<{ code: string }>(`${inbox}/rules`, { name: 'x', conditions: { query: 'livraison AND (retard' }, actions: [{ type: 'tag', tag: 'x' }] });
      assert.equal(badQuery.body.code, 'inbox_rule_bad_query');

      const delivery = await admin.post<RuleView>(`${inbox}/rules`, {
        name: 'Livraisons',
        conditions: { query: 'livraison OR colis OR "pas reçu"', languages: ['fr'] },
        actions: [{ type: 'tag', tag: 'livraison' }, { type: 'assign', userId: editorId }, { type: 'priority', priority: 1 }],
      });
      assert.equal(delivery.status, 201, JSON.stringify(delivery.body));
      const contests = await admin.post<RuleView>(`${inbox}/rules`, { name: 'Jeux concours', conditions: { keywords: ['gagnez', 'concours'] }, actions: [{ type: 'markSpam' }] });
      assert.equal(contests.status, 201);
      const thanks = await admin.post<RuleView>(`${inbox}/rules`, { name: 'Remerciements', conditions: { keywords: ['merci'], sentiments: ['positive'] }, actions: [{ type: 'markDone' }] });
      assert.equal(thanks.status, 201, JSON.stringify(thanks.body));

      const dry = await admin.post<{ items: InboxItemView[] }>(`${inbox}/rules/test`, { name: 'essai', conditions: { keywords: ['colis'] }, actions: [{ type: 'tag', tag: 'x' }] });
      assert.deepEqual(dry.body.items.map((i) => i.text), ['Colis toujours pas REÇU, très déçu 😡'], 'the dry run lists, changes nothing');

      const result = await ingest(workspaceId, channelId, [
        activity('Mon colis est pas reçu, nul', { author: 'ines' }),
        activity('Gagnez un iPhone, concours ici', { author: 'bot' }),
        activity('Concours truqué, vous êtes des escrocs, honteux', { author: 'max' }),
        activity('Merci beaucoup, super conseil !', { author: 'zoe' }),
      ]);
      const [late, spam, angry, thanked] = await Promise.all(result.itemIds.map(async (id) => (await admin.get<InboxItemDetail>(`${inbox}/items/${id}`)).body));
      assert.deepEqual(late.item.tags, ['livraison']);
      assert.equal(late.item.assigneeId, editorId);
      assert.equal(late.item.priority, 1);
      assert.deepEqual(late.history.filter((e) => e.actor.kind === 'rule').map((e) => `${e.action}:${e.actor.kind === 'rule' ? e.actor.name : ''}`), ['tag:Livraisons', 'assign:Livraisons', 'priority:Livraisons']);
      await relais.mailbox.next(`editor-${engine}@example.com`, /assigned to you/);
      assert.equal(spam.item.spam, true);
      assert.equal(angry.item.sentiment, 'negative');
      assert.equal(angry.item.spam, false, 'a negative message stays visible even when a rule would mark it spam');
      assert.ok(angry.history.some((e) => e.action === 'rule_kept_visible'));
      assert.deepEqual((await list('view=spam')).map((i) => i.id), [spam.item.id]);
      assert.equal(thanked.item.status, 'done', 'a thank-you a rule marks done is done as it arrives');
      assert.deepEqual(thanked.history.filter((e) => e.actor.kind === 'rule').map((e) => e.action), ['status']);
      assert.ok(!(await list('view=open')).some((i) => i.id === thanked.item.id));

      const log = await admin.get<{ events: Array<{ id: number; action: string; reversible: boolean }> }>(`${inbox}/rules/${contests.body.id}/log`);
      const spamEvent = log.body.events.find((e) => e.action === 'spam')!;
      assert.equal(spamEvent.reversible, true);
      assert.equal((await admin.post(`${inbox}/events/${spamEvent.id}/undo`)).status, 204);
      assert.equal((await admin.get<InboxItemDetail>(`${inbox}/items/${spam.item.id}`)).body.item.spam, false, 'what a rule hid comes back');
      const rules = (await admin.get<{ rules: RuleView[] }>(`${inbox}/rules`)).body.rules;
      assert.deepEqual(rules.map((r) => [r.name, r.matchCount]), [['Livraisons', 1], ['Jeux concours', 2], ['Remerciements', 1]]);
      const reordered = await admin.put<{ rules: RuleView[] }>(`${inbox}/rules/order`, { ruleIds: [contests.body.id, delivery.body.id, thanks.body.id] });
      assert.deepEqual(reordered.body.rules.map((r) => r.name), ['Jeux concours', 'Livraisons', 'Remerciements']);
      assert.equal((await admin.delete(`${inbox}/rules/${thanks.body.id}`)).status, 204);
    });

    test('a rule that flags several messages of one poll sends one digest, in the app and by e-mail', async () => {
      const rule = await admin.post<RuleView>(`${inbox}/rules`, { name: 'Avis robes', conditions: { keywords: ['robe'] }, actions: [{ type: 'notify', userIds: [editorId] }] });
      assert.equal(rule.status, 201, JSON.stringify(rule.body));
      const before = relais.mailbox.mails.length;
      const { itemIds } = await ingest(workspaceId, channelId, [
        activity('La robe rouge existe en 38 ?', { author: 'jade' }),
        activity('Robe reçue, parfaite pour le mariage', { author: 'lou' }),
        activity('Ma robe a un défaut de couture', { author: 'nina' }),
      ]);
      const mail = await relais.mailbox.next(`editor-${engine}@example.com`, /3 new messages to look at/);
      assert.match(mail.text ?? '', /The rule "Avis robes" flags 3 messages for you, among them: « La robe rouge existe en 38 \? »/);
      assert.match(mail.text ?? '', new RegExp(`/w/${workspaceId}/inbox\\s`), 'the link opens the inbox, not one message');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(relais.mailbox.mails.slice(before).filter((m) => /look at/.test(m.subject ?? '')).length, 1, 'one e-mail, not three');
      const notices = await editor.get<{ items: Array<{ kind: string; payload: { itemId: number; count?: number } }> }>(`/api/workspaces/${workspaceId}/notifications`);
      const digests = notices.body.items.filter((n) => n.kind === 'inbox_rule_notify');
      assert.deepEqual(digests.map((n) => [n.payload.itemId, n.payload.count]), [[itemIds[0], 3]]);
      assert.equal((await admin.delete(`${inbox}/rules/${rule.body.id}`)).status, 204);
    });

    test('opening hours make due times and the report; saved replies keep their variables', async () => {
      const settings = await admin.put<{ firstResponseTargetMinutes: number }>(`${inbox}/settings`, {
        businessHours: { alwaysOpen: false, days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })) },
        firstResponseTargetMinutes: 60,
        resolutionTargetMinutes: 480,
        replyApproval: false,
      });
      assert.equal(settings.status, 200, JSON.stringify(settings.body));
      const overlapping = await admin.put<{ code: string }>(`${inbox}/settings`, {
        businessHours: { alwaysOpen: false, days: [{ weekday: 1, start: '09:00', end: '13:00' }, { weekday: 1, start: '12:00', end: '18:00' }] },
        firstResponseTargetMinutes: 60,
        resolutionTargetMinutes: 480,
        replyApproval: false,
      });
      assert.equal(overlapping.status, 422);
      assert.equal(overlapping.body.code, 'inbox_hours_overlap');

      const [itemId] = (await ingest(workspaceId, channelId, [activity('Une question sur les tailles ?', { author: 'zoe' })])).itemIds;
      const item = (await admin.get<InboxItemDetail>(`${inbox}/items/${itemId}`)).body.item;
      const received = Date.parse(item.receivedAt);
      const due = Date.parse(item.firstResponseDueAt!);
      assert.ok(due - received >= 60 * 60_000, 'due at least an hour later (more when the shop is closed)');

      // A first answer an hour and a half into Monday morning: 90 business minutes (Paris time).
      const db = relais.relais.services.database.db;
      const monday = Date.parse('2026-11-16T08:00:00Z');
      await db.updateTable('inbox_item').set({ received_at: monday, first_response_at: null, first_response_due_at: null }).where('id', '=', itemId).execute();
      await relais.relais.services.inbox.clock.recordFirstResponse(db, workspaceId, itemId, monday + 90 * 60_000, editorId);
      const report = await admin.get<ResponseReport>(`${inbox}/report?from=2026-11-15T00:00:00Z&to=2026-11-17T00:00:00Z`);
      assert.equal(report.status, 200, JSON.stringify(report.body));
      assert.equal(report.body.overall.items, 1);
      assert.equal(report.body.overall.medianFirstResponseMs, 90 * 60_000);
      assert.equal(report.body.overall.withinTarget, 0);
      assert.deepEqual(report.body.byTeammate.map((t) => [t.name, t.responded]), [['Léa Editor', 1]]);
      assert.equal(report.body.byChannel[0].channelId, channelId);
      assert.equal((await admin.get<{ code: string }>(`${inbox}/report?from=2026-12-01&to=2026-11-01`)).body.code, 'inbox_report_bad_period');

      const saved = await editor.post<SavedReplyView>(`${inbox}/saved-replies`, { title: 'Retard de livraison', language: 'fr', body: 'Bonjour {{first_name}}, pouvez-vous nous donner votre n° de commande {{order_number}} ? — {{agent}}' });
      assert.equal(saved.status, 201, JSON.stringify(saved.body));
      const typo = await editor.post<{ code: string; message: string }>(`${inbox}/saved-replies`, { title: 'x', language: 'fr', body: 'Bonjour {{nom}}' });
      assert.equal(typo.status, 422);
      assert.match(typo.body.message, /\{\{nom\}\}/);
      await editor.post(`${inbox}/saved-replies`, { title: 'Delivery delay', language: 'en', body: 'Hi {{name}}, sorry!' });
      const french = await admin.get<{ savedReplies: SavedReplyView[] }>(`${inbox}/saved-replies?language=fr`);
      assert.deepEqual(french.body.savedReplies.map((s) => s.title), ['Retard de livraison']);
      const { member: analyst } = await inviteAndJoin(relais, admin, workspaceId, `analyst-${engine}@example.com`, 'analyst', 'Ana Lyst');
      assert.equal((await analyst.post(`${inbox}/saved-replies`, { title: 'x', language: 'fr', body: 'y' })).status, 403);
      assert.equal((await analyst.patch(`${inbox}/items/${itemId}`, { status: 'done' })).status, 403);
      assert.equal((await analyst.get(`${inbox}/items`)).status, 200, 'an analyst reads the inbox');
    });
  });
}
