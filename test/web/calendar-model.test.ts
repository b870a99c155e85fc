// The publishing calendar's model: filters in the address bar, colours per
// channel, and which entries become which events (what may be dragged).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CalendarEntry, TargetState } from '../../src/shared/publishing.ts';
import { composePath, movableStates, postPath, toCalendarEvents } from '../../src/web/calendar/calendar-events.ts';
import { calendarApiQuery, readCalendarQuery, writeCalendarQuery } from '../../src/web/calendar/calendar-query.ts';
import { channelColors, channelPalette, colorOf } from '../../src/web/calendar/channel-colors.ts';

function entry(overrides: Partial<CalendarEntry>): CalendarEntry {
  return {
    targetId: 't1',
    postId: 'p1',
    channelId: 'c1',
    network: 'bluesky',
    handle: 'brand.test',
    state: 'scheduled',
    scheduledAt: '2027-03-29T07:00:00.000Z',
    publishedAt: null,
    text: 'Spring collection',
    mediaCount: 0,
    campaignId: null,
    authorId: null,
    remoteUrl: null,
    ...overrides,
  };
}

describe('filters in the address bar', () => {
  test('read, with unknown states and views dropped, and written back without touching other parameters', () => {
    const query = readCalendarQuery(new URLSearchParams('view=week&date=2027-03-29&channels=a,b,a&states=scheduled,bogus,failed&campaign=k&author=u&other=1'));
    assert.deepEqual(query, { view: 'week', date: '2027-03-29', channelIds: ['a', 'b'], campaignId: 'k', states: ['scheduled', 'failed'], authorId: 'u' });
    assert.deepEqual(readCalendarQuery(new URLSearchParams('view=year&date=2027-13-01')), { view: null, date: null, channelIds: [], campaignId: null, states: [], authorId: null });
    const written = writeCalendarQuery(new URLSearchParams('other=1&campaign=k'), { channelIds: ['a'], campaignId: null, states: [], view: 'day' });
    assert.equal(written.toString(), 'other=1&view=day&channels=a');
  });

  test('the API query (calendar and CSV) carries the period and the filters', () => {
    const query = new URLSearchParams(
      calendarApiQuery({ from: '2027-03-21T23:00:00.000Z', to: '2027-03-28T22:00:00.000Z' }, { channelIds: ['a', 'b'], campaignId: 'k', states: ['draft'], authorId: null }),
    );
    assert.deepEqual(Object.fromEntries(query), { from: '2027-03-21T23:00:00.000Z', to: '2027-03-28T22:00:00.000Z', channelId: 'a,b', campaignId: 'k', state: 'draft' });
  });
});

describe('channel colours', () => {
  const channels = [
    { id: 'c-b', createdAt: '2026-02-01T00:00:00Z' },
    { id: 'c-a', createdAt: '2026-01-01T00:00:00Z' },
  ];

  test('in the order channels were connected; a new channel does not repaint the others', () => {
    const before = channelColors(channels);
    assert.deepEqual([...before], [['c-a', 'blue'], ['c-b', 'teal']]);
    const after = channelColors([...channels, { id: 'c-0', createdAt: '2026-03-01T00:00:00Z' }]);
    assert.equal(after.get('c-a'), 'blue');
    assert.equal(after.get('c-b'), 'teal');
    assert.equal(after.get('c-0'), 'grape');
  });

  test('a channel the list does not know still gets the same colour every time', () => {
    const colors = channelColors(channels);
    assert.equal(colorOf(colors, 'gone'), colorOf(colors, 'gone'));
    assert.ok((channelPalette as readonly string[]).includes(colorOf(colors, 'gone')));
  });
});

describe('entries as events', () => {
  const colors = channelColors([{ id: 'c1', createdAt: '2026-01-01T00:00:00Z' }]);

  test('only drafts, targets awaiting approval, scheduled and failed ones can be dragged', () => {
    assert.deepEqual([...movableStates].sort(), ['draft', 'failed', 'pending_approval', 'scheduled']);
    const states: TargetState[] = ['draft', 'pending_approval', 'scheduled', 'publishing', 'published', 'failed', 'needs_attention'];
    const events = toCalendarEvents(
      states.map((state, index) => entry({ targetId: `t${index}`, state, publishedAt: state === 'published' ? '2027-03-29T07:01:00.000Z' : null })),
      { workspaceId: 'w1', colors, canMove: true },
    );
    assert.deepEqual(
      events.map((event) => [event.extendedProps!.entry.state, event.startEditable]),
      [['draft', true], ['pending_approval', true], ['scheduled', true], ['publishing', false], ['published', false], ['failed', true], ['needs_attention', false]],
    );
    assert.ok(events.every((event) => event.durationEditable === false));
  });

  test('nobody drags without the right to write, and every event links to its post', () => {
    const [event] = toCalendarEvents([entry({})], { workspaceId: 'w 1', colors, canMove: false });
    assert.equal(event.startEditable, false);
    assert.equal(event.url, postPath('w 1', 'p1'));
    assert.equal(event.url, '/w/w%201/posts/p1');
    assert.equal(composePath('w1', '2027-03-29T09:00'), '/w/w1/compose?at=2027-03-29T09%3A00');
  });

  test('a published target sits at its publication time; one with no time is left out; the colour is the channel’s', () => {
    const events = toCalendarEvents(
      [entry({ state: 'published', scheduledAt: '2027-03-29T07:00:00.000Z', publishedAt: '2027-03-29T07:02:00.000Z' }), entry({ targetId: 't2', state: 'draft', scheduledAt: null })],
      { workspaceId: 'w1', colors, canMove: true },
    );
    assert.equal(events.length, 1);
    assert.equal(events[0].start, '2027-03-29T07:02:00.000Z');
    assert.equal(events[0].extendedProps!.color, 'blue');
    assert.equal(events[0].allDay, false);
  });
});
