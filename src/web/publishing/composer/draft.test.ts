// The composer's rules for one text and its per-channel versions, and the body sent to the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PostView } from '../../../shared/publishing.ts';
import { addThreadPart, contentFor, draftFromPost, emptyDraft, hasSubstance, isCustomized, mediaIdsOf, resetChannel, toggleChannel, toPostInput, updateContent } from './draft.ts';

const withText = (text: string) => (content: ReturnType<typeof emptyDraft>['content']) => ({ ...content, text });

test('a channel’s first edit makes a customised copy; the common text no longer reaches it', () => {
  let draft = emptyDraft({ channelIds: ['a', 'b'] });
  draft = updateContent(draft, 'all', withText('Bonjour'));
  draft = updateContent(draft, { channelId: 'b' }, withText('Bonjour Bluesky'));
  assert.equal(isCustomized(draft, 'a'), false);
  assert.equal(isCustomized(draft, 'b'), true);
  draft = updateContent(draft, 'all', withText('Salut'));
  assert.equal(contentFor(draft, 'a').text, 'Salut');
  assert.equal(contentFor(draft, 'b').text, 'Bonjour Bluesky');
});

test('a version edited back to the common text, or reset, is no longer a customisation', () => {
  let draft = updateContent(emptyDraft({ channelIds: ['a'] }), 'all', withText('Un'));
  draft = updateContent(draft, { channelId: 'a' }, withText('Deux'));
  assert.equal(isCustomized(draft, 'a'), true);
  assert.equal(isCustomized(updateContent(draft, { channelId: 'a' }, withText('Un')), 'a'), false);
  assert.equal(isCustomized(resetChannel(draft, 'a'), 'a'), false);
});

test('unpicking a channel drops its customised version', () => {
  let draft = updateContent(emptyDraft({ channelIds: ['a'] }), { channelId: 'a' }, withText('Seul'));
  draft = toggleChannel(toggleChannel(draft, 'a'), 'a');
  assert.equal(isCustomized(draft, 'a'), false);
});

test('the API body carries each channel’s version (null when it uses the common one) and the schedule', () => {
  let draft = emptyDraft({ channelIds: ['a', 'b'], at: '2027-03-29T09:00' });
  draft = updateContent(draft, 'all', withText('Commun'));
  draft = updateContent(draft, { channelId: 'b' }, withText('Pour b'));
  const input = toPostInput(draft);
  assert.deepEqual(input.schedule, { kind: 'at', at: '2027-03-29T09:00' });
  assert.deepEqual(input.channels.map((c) => [c.channelId, c.content?.text ?? null]), [['a', null], ['b', 'Pour b']]);
  // Autosave keeps the planned time on the draft.
  assert.deepEqual(toPostInput(draft, 'draft').schedule, { kind: 'draft', at: '2027-03-29T09:00' });
  assert.deepEqual(toPostInput({ ...draft, scheduleKind: 'queue' }).schedule, { kind: 'queue' });
});

test('an empty composer has nothing worth autosaving; an empty thread post does not count', () => {
  const draft = emptyDraft({ channelIds: ['a'] });
  assert.equal(hasSubstance(draft), false);
  assert.equal(hasSubstance(updateContent(draft, 'all', addThreadPart)), false);
  assert.equal(hasSubstance(updateContent(draft, 'all', withText(' x '))), true);
});

test('media ids are listed once across the common content, thread and channel versions', () => {
  let draft = updateContent(emptyDraft({ channelIds: ['a'] }), 'all', (c) => ({ ...c, media: [{ mediaId: 'm1', altText: '' }], thread: [{ text: 't', media: [{ mediaId: 'm2', altText: '' }] }] }));
  draft = updateContent(draft, { channelId: 'a' }, (c) => ({ ...c, media: [...c.media, { mediaId: 'm3', altText: '' }] }));
  assert.deepEqual(mediaIdsOf(draft).sort(), ['m1', 'm2', 'm3']);
});

test('a saved post reopens with its scheduled time read in the workspace’s zone', () => {
  const content = { text: 'Hello', media: [], thread: [], firstReply: null };
  const target = { id: 't', channelId: 'a', network: 'bluesky', handle: 'brand.test', content, customized: false, state: 'scheduled' as const, scheduledAt: '2027-03-29T07:00:00.000Z', version: 1, remoteId: null, remoteUrl: null, publishedAt: null, attempts: 0, nextAttemptAt: null, holdReason: null, failureCode: null, failureMessage: null, metrics: null };
  const post: PostView = { id: 'p', workspaceId: 'w', author: null, campaignId: null, content, scheduleKind: 'at', approval: 'not_required', source: 'composer', version: 3, createdAt: '', updatedAt: '', targets: [target] };
  const draft = draftFromPost(post, 'Europe/Paris');
  // 07:00 UTC on the day Paris moved to summer time is 09:00 in Paris.
  assert.equal(draft.at, '2027-03-29T09:00');
  assert.equal(draft.scheduleKind, 'at');
  assert.deepEqual(draft.channelIds, ['a']);
});
