// A CSV line read as a post: every problem of the line is listed with its
// column, not just the first; content is judged per channel with the network's
// own limits; drafts are not held to publishing rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blueskyManifest } from '../../connectors/bluesky/manifest.ts';
import { mastodonManifest } from '../../connectors/mastodon/manifest.ts';
import { readRow, type ChannelRef, type RowContext } from './csv-rows.ts';
import type { CsvRow } from './csv-reader.ts';

const brand: ChannelRef = { id: 'ch-bsky', handle: 'brand.test', network: 'bluesky', status: 'connected' };
const shop: ChannelRef = { id: 'ch-masto', handle: 'shop@mastodon.example', network: 'mastodon', status: 'connected' };
const asleep: ChannelRef = { id: 'ch-off', handle: 'old.test', network: 'bluesky', status: 'disabled' };
const now = Date.parse('2030-01-01T00:00:00Z');

const context: RowContext = {
  timeZone: 'Europe/Paris',
  requireAltText: true,
  now,
  delimiter: ';',
  channelsById: new Map([brand, shop, asleep].map((c) => [c.id, c])),
  channelsByHandle: new Map([brand, shop, asleep].map((c) => [c.handle, [c]])),
  campaigns: new Map([['printemps', { id: 'camp-1', name: 'Printemps' }]]),
  manifest: (network) => ({ bluesky: blueskyManifest, mastodon: mastodonManifest })[network] ?? null,
  ownMediaId: (url) => (url.startsWith('https://relais.example/own/') ? url.slice('https://relais.example/own/'.length) : null),
  ownMedia: new Map([['m1', { kind: 'image', mimeType: 'image/png' }]]),
};

const row = (cells: CsvRow['cells'], line = 7, extraCells = 0): CsvRow => ({ line, cells, extraCells });
const found = (cells: CsvRow['cells'], extraCells = 0) => readRow(row(cells, 7, extraCells), context).problems.map((p) => [p.line, p.column, p.code]);

test('every problem of a line, each with its column', () => {
  assert.deepEqual(found({ date: '2029-12-31 09:00', channels: '@brand.test @nobody.test', text: 'x'.repeat(301), campaign: 'Hiver', media_url: 'https://cdn.example/a.jpg', alt_text: 'one | two' }, 1), [
    [7, null, 'csv_too_many_cells'],
    [7, 'date', 'schedule_in_past'],
    [7, 'channels', 'csv_channel_unknown'],
    [7, 'campaign', 'csv_campaign_unknown'],
    [7, 'alt_text', 'csv_alt_text_without_media'],
    [7, 'text', 'content_text_too_long'],
  ]);
});

test('each channel is judged by its own network: 400 characters fit Mastodon, not Bluesky', () => {
  const read = readRow(row({ date: '2030-06-01 09:00', channels: 'brand.test | @shop@mastodon.example', text: 'é'.repeat(400) }), context);
  assert.deepEqual(read.problems.map((p) => [p.code, p.params.channel, p.params.length, p.params.max]), [['content_text_too_long', 'brand.test', 400, 300]]);
  assert.deepEqual(read.post.channels.map((c) => c.id), ['ch-bsky', 'ch-masto']);
  assert.equal(read.post.at, Date.parse('2030-06-01T07:00:00Z'));
});

test('media: a CDN address with commas stays one URL; alt text is required here; a library file must still exist', () => {
  const read = readRow(row({ date: '2030-06-01 09:00', channels: 'ch-bsky', text: 'Photo', media_url: 'https://cdn.example/w_100,h_100/a.jpg | https://relais.example/own/m1', alt_text: ' | Un bouquet' }), context);
  assert.deepEqual(read.post.media.map((m) => [m.url, m.ownId, m.altText]), [
    ['https://cdn.example/w_100,h_100/a.jpg', null, ''],
    ['https://relais.example/own/m1', 'm1', 'Un bouquet'],
  ]);
  assert.deepEqual(read.problems.map((p) => [p.column, p.code]), [['alt_text', 'content_alt_text_missing']]);
  assert.deepEqual(found({ date: '2030-06-01 09:00', channels: 'brand.test', text: 'x', media_url: 'https://relais.example/own/gone', alt_text: 'a' }).map((p) => p[2]), ['csv_media_not_found']);
});

test('drafts: an empty date, or state "draft" with a date; not held to publishing rules; a disconnected channel blocks only what is scheduled', () => {
  const empty = readRow(row({ channels: 'old.test', text: 'x'.repeat(400) }), context);
  assert.deepEqual([empty.post.draft, empty.post.at, empty.problems], [true, null, []]);
  const planned = readRow(row({ date: '2029-01-01 09:00', state: 'brouillon', channels: 'brand.test', text: '' }), context);
  assert.deepEqual([planned.post.draft, planned.problems], [true, []]);
  assert.deepEqual(found({ date: '2030-06-01 09:00', channels: 'old.test', text: 'Hello' }).map((p) => p[2]), ['post_channel_disconnected']);
  assert.deepEqual(found({ date: 'demain 9h', channels: '', text: '' }).map((p) => p[2]), ['csv_date_invalid', 'csv_channels_missing']);
});

test("a defused formula gets its apostrophe back; a campaign is found whatever its case", () => {
  const read = readRow(row({ date: '2030-06-01 09:00', channels: "'@brand.test", text: "'=SUM(A1)", campaign: 'PRINTEMPS' }), context);
  assert.deepEqual([read.post.text, read.post.channels[0]?.id, read.post.campaign?.id, read.problems], ['=SUM(A1)', 'ch-bsky', 'camp-1', []]);
});
