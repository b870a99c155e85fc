// The inbox page's logic without a browser: the address bar's query and what
// the API receives (days of a Paris workspace, whatever the browser's zone,
// across a DST change), snooze times, @mentions in notes, how a change moves a
// message between views, the history's words in both languages, and the ages
// the list shows.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import fr from '../../src/web/i18n/fr.json' with { type: 'json' };
import { inboxFilterSchema, type InboxEventView, type InboxItemView } from '../../src/shared/inbox.ts';
import { activeFilterCount, inboxApiQuery, readInboxQuery, writeInboxQuery } from '../../src/web/inbox/inbox-query.ts';
import { customSnoozeUntil, snoozeUntil } from '../../src/web/inbox/snooze-time.ts';
import { insertMention, matchTeammates, mentionQueryAt, mentionsIn, noteParts } from '../../src/web/inbox/mentions.ts';
import { applyChange, belongsToView } from '../../src/web/inbox/view-rules.ts';
import { describeEvent, eventActor } from '../../src/web/inbox/history-text.ts';
import { shortAge } from '../../src/web/inbox/short-age.ts';

const paris = 'Europe/Paris';
const originalTz = process.env.TZ;
after(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** What the server's route makes of the page's query string (arrays arrive comma-separated). */
function asServerReads(query: string) {
  const raw: Record<string, unknown> = Object.fromEntries(new URLSearchParams(query));
  for (const key of ['channel', 'kind', 'sentiment', 'language', 'assignee', 'tag', 'priority']) if (typeof raw[key] === 'string') raw[key] = (raw[key] as string).split(',');
  return inboxFilterSchema.parse(raw);
}

describe('the address bar', () => {
  test('reads views and filters, drops what is not one, and writes back only what differs from the defaults', () => {
    const query = readInboxQuery(new URLSearchParams('view=mine&channel=a,b,a&kind=reply,bogus&sentiment=negative&priority=2,7&tag=livraison&from=2027-03-01&to=not-a-day&q=%20colis%20&sort=priority&item=42'));
    assert.equal(query.view, 'mine');
    assert.deepEqual(query.channel, ['a', 'b']);
    assert.deepEqual(query.kind, ['reply']);
    assert.deepEqual(query.priority, [2]);
    assert.equal(query.from, '2027-03-01');
    assert.equal(query.to, null);
    assert.equal(query.q, 'colis');
    assert.equal(query.sort, 'priority');
    assert.equal(activeFilterCount(query), 7);
    assert.equal(readInboxQuery(new URLSearchParams('view=everything&sort=random')).view, 'open');

    const written = writeInboxQuery(new URLSearchParams('item=42&view=mine'), { view: 'open', sort: 'newest', tag: ['a', 'b'], q: '' });
    assert.equal(written.toString(), 'item=42&tag=a%2Cb');
  });

  test('the API gets the instants a Paris day begins and ends, from a browser in New York, on the day clocks go forward', () => {
    process.env.TZ = 'America/New_York';
    const query = readInboxQuery(new URLSearchParams('from=2027-03-28&to=2027-03-28&sentiment=negative,neutral&assignee=none&view=overdue'));
    const api = new URLSearchParams(inboxApiQuery(query, paris));
    assert.equal(api.get('from'), '2027-03-27T23:00:00.000Z');
    // A 23-hour day: the next Paris midnight is in summer time.
    assert.equal(api.get('to'), '2027-03-28T22:00:00.000Z');
    const parsed = asServerReads(api.toString());
    assert.equal(parsed.view, 'overdue');
    assert.deepEqual(parsed.sentiment, ['negative', 'neutral']);
    assert.deepEqual(parsed.assignee, ['none']);
    assert.equal(inboxApiQuery(readInboxQuery(new URLSearchParams('')), paris), '');
  });
});

describe('snooze', () => {
  test('tomorrow 9:00 and next Monday 9:00 are the workspace’s, across the spring change', () => {
    process.env.TZ = 'Asia/Tokyo';
    // Saturday 27 March 2027, 23:30 in Paris (winter time).
    const saturdayNight = new Date('2027-03-27T22:30:00Z');
    assert.equal(snoozeUntil('tomorrow', paris, saturdayNight), '2027-03-28T07:00:00.000Z');
    assert.equal(snoozeUntil('monday', paris, saturdayNight), '2027-03-29T07:00:00.000Z');
    assert.equal(snoozeUntil('hour', paris, saturdayNight), '2027-03-27T23:30:00.000Z');
    // On a Monday, "next Monday" is a week later.
    assert.equal(snoozeUntil('monday', paris, new Date('2027-03-29T08:00:00Z')), '2027-04-05T07:00:00.000Z');
  });

  test('a time picked by hand is read in the workspace’s zone and must be to come', () => {
    const now = new Date('2027-03-27T12:00:00Z');
    assert.equal(customSnoozeUntil('2027-03-30T14:30', paris, now), '2027-03-30T12:30:00.000Z');
    assert.equal(customSnoozeUntil('2027-03-27T12:00', paris, now), null);
    assert.equal(customSnoozeUntil(null, paris, now), null);
    assert.equal(customSnoozeUntil('2027-13-40T99:00', paris, now), null);
  });
});

describe('mentions in notes', () => {
  const team = [
    { userId: 'u1', name: 'Léa Martin' },
    { userId: 'u2', name: 'Hugo Bernard' },
    { userId: 'u3', name: 'Léa Martinez' },
  ];

  test('the "@" being typed is found before the caret, not in an address or after a line break', () => {
    assert.deepEqual(mentionQueryAt('Voir avec @lé', 13), { start: 10, query: 'lé' });
    assert.deepEqual(mentionQueryAt('@', 1), { start: 0, query: '' });
    assert.deepEqual(mentionQueryAt('(@Hugo B', 8), { start: 1, query: 'Hugo B' });
    assert.equal(mentionQueryAt('ecrire a contact@shop.fr', 24), null);
    assert.equal(mentionQueryAt('@Hugo\nsuite', 11), null);
    assert.equal(mentionQueryAt('@Hugo Bernard est là', 20), null);
  });

  test('teammates match by any word of their name, accents and case ignored', () => {
    assert.deepEqual(matchTeammates('lea', team).map((t) => t.userId), ['u1', 'u3']);
    assert.deepEqual(matchTeammates('bern', team).map((t) => t.userId), ['u2']);
    assert.deepEqual(matchTeammates('léa martine', team).map((t) => t.userId), ['u3']);
    assert.equal(matchTeammates('', team).length, 3);
  });

  test('picking writes "@Name " in place of what was typed; only the names still written are sent', () => {
    const typed = 'Vérifier avec @lé le suivi';
    const picked = insertMention(typed, 14, 17, 'Léa Martin');
    assert.equal(picked.text, 'Vérifier avec @Léa Martin le suivi');
    assert.equal(picked.text.slice(0, picked.caret), 'Vérifier avec @Léa Martin ');
    assert.deepEqual(mentionsIn(picked.text, team), ['u1']);
    assert.deepEqual(mentionsIn('Vérifier avec @Léa Martinez', [team[0]]), [], 'a longer name is someone else');
    assert.deepEqual(mentionsIn('Vérifier avec Léa', team), []);
    assert.deepEqual(mentionsIn('@Hugo Bernard, @Léa Martin.', team), ['u1', 'u2']);
  });

  test('a note shows its mentions of known teammates marked', () => {
    assert.deepEqual(noteParts('Voir @Léa Martin et @Inconnu', ['Léa Martin']), [
      { text: 'Voir ', mention: false },
      { text: '@Léa Martin', mention: true },
      { text: ' et @Inconnu', mention: false },
    ]);
  });
});

const item = (over: Partial<InboxItemView> = {}): InboxItemView => ({
  id: 1,
  channelId: 'c',
  kind: 'reply',
  conversationId: null,
  author: { id: 'a', network: 'bluesky', handle: 'fan.test', displayName: null, avatarUrl: null, url: null, followers: null, tags: [] },
  text: 'Bonjour',
  url: null,
  language: 'fr',
  sentiment: 'neutral',
  sentimentScore: 0,
  priority: 0,
  priorityScore: 0,
  status: 'open',
  spam: false,
  assigneeId: null,
  snoozedUntil: null,
  tags: ['a'],
  postId: null,
  createdAt: '2027-03-01T10:00:00Z',
  receivedAt: '2027-03-01T10:00:00Z',
  firstResponseDueAt: null,
  firstResponseAt: null,
  resolvedAt: null,
  overdue: false,
  liked: false,
  noteCount: 0,
  replyCount: 0,
  ...over,
});

test('a change moves a message between views as the server’s views say', () => {
  const open = item();
  assert.ok(belongsToView(open, 'open', 'me'));
  assert.ok(belongsToView(open, 'unassigned', 'me'));
  const done = applyChange(open, { status: 'done' });
  assert.equal(belongsToView(done, 'open', 'me'), false);
  assert.ok(belongsToView(done, 'done', 'me'));
  const snoozed = applyChange(open, { snoozedUntil: '2027-03-02T08:00:00Z' });
  assert.equal(belongsToView(snoozed, 'open', 'me'), false);
  assert.ok(belongsToView(snoozed, 'snoozed', 'me'));
  const mine = applyChange(open, { assigneeId: 'me', addTags: ['b', 'a'], removeTags: ['a'] });
  assert.ok(belongsToView(mine, 'mine', 'me'));
  assert.equal(belongsToView(mine, 'unassigned', 'me'), false);
  assert.deepEqual(mine.tags, ['b']);
  const spam = applyChange(open, { spam: true });
  assert.deepEqual(['open', 'all', 'spam'].map((view) => belongsToView(spam, view as 'open', 'me')), [false, false, true]);
});

describe('the history in plain words', () => {
  const i18n = i18next.createInstance();
  const ready = i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
  const event = (action: string, detail: Record<string, unknown>, actor: InboxEventView['actor'] = { kind: 'user', id: 'u1', name: 'Léa Martin' }): InboxEventView => ({ id: 1, itemId: 1, action, detail, actor, reversible: false, reversedAt: null, createdAt: '2027-03-01T10:00:00Z' });
  const words = { nameOf: (id: string) => (id === 'u1' ? 'Léa Martin' : null), moment: () => 'Tue 2 Mar, 09:00' };
  const events = [
    event('created', { kind: 'reply' }, { kind: 'system' }),
    event('status', { before: 'open', after: 'done' }),
    event('assign', { before: null, after: 'u1' }),
    event('assign', { before: 'u1', after: null }),
    event('tag', { tag: 'livraison' }, { kind: 'rule', id: 'r', name: 'Livraisons' }),
    event('untag', { tag: 'livraison' }),
    event('priority', { before: 0, after: 2 }),
    event('spam', { before: false, after: true }),
    event('spam', { before: true, after: false }),
    event('snooze', { before: null, after: Date.parse('2027-03-02T08:00:00Z') }),
    event('snooze', { before: 1, after: null }),
    event('woke', {}, { kind: 'system' }),
    event('note', { noteId: 'n' }),
    event('note_deleted', { noteId: 'n' }),
    event('reply', { replyId: 'r' }),
    event('reply_sent', { replyId: 'r' }),
    event('reply_failed', { replyId: 'r', message: 'Too long' }, { kind: 'system' }),
    event('reply_approved', {}),
    event('reply_rejected', { comment: 'Trop sec' }),
    event('reply_retried', {}),
    event('like', {}),
    event('notify', { userIds: ['u1', 'gone'] }, { kind: 'rule', id: 'r', name: 'VIP' }),
    event('rule_kept_visible', { action: 'markDone' }, { kind: 'rule', id: 'r', name: 'Merci' }),
    event('undo', { eventId: 3, undone: 'assign' }),
  ];

  test('every action reads as a sentence in English and French, never as a key', async () => {
    await ready;
    for (const lng of ['en', 'fr']) {
      const t = i18n.getFixedT(lng);
      for (const e of events) {
        const text = describeEvent(e, t, words);
        assert.doesNotMatch(text, /inbox\.|\{\{|undefined/, `${lng} ${e.action}: ${text}`);
        assert.doesNotMatch(eventActor(e, t), /inbox\.|\{\{/);
      }
    }
    const t = i18n.getFixedT('en');
    assert.equal(describeEvent(events[2], t, words), 'Assigned to Léa Martin');
    assert.equal(describeEvent(events[9], t, words), 'Snoozed until Tue 2 Mar, 09:00');
    assert.equal(describeEvent(events[21], t, words), 'Told Léa Martin, someone');
    assert.equal(eventActor(events[4], i18n.getFixedT('fr')), 'Règle « Livraisons »');
    assert.equal(describeEvent(event('something_new', {}), t, words), 'something_new');
  });
});

test('the list says how old a message is in a few characters', () => {
  const now = new Date('2027-03-10T12:00:00Z');
  assert.equal(shortAge('2027-03-10T11:59:40Z', paris, 'en', now), 'now');
  assert.equal(shortAge('2027-03-10T11:52:00Z', paris, 'fr', now), '8 min');
  assert.equal(shortAge('2027-03-10T09:00:00Z', paris, 'en', now), '3 h');
  assert.equal(shortAge('2027-03-08T09:00:00Z', paris, 'fr', now), '2 j');
  assert.equal(shortAge('2027-02-20T23:30:00Z', paris, 'en', now), '21 Feb', 'the day in Paris, not in UTC');
  assert.equal(shortAge('2026-12-24T10:00:00Z', paris, 'fr', now), '24 déc. 2026');
});
