// One CSV row read as a post: when (a wall-clock time in the workspace's zone,
// or none for a draft), on which channels, what text, media and first reply, in
// which campaign. Every problem of the row is listed, not just the first, with
// the column it is in; content is checked per channel with the same function
// and connector limits the composer and the planner use.
import type { ConnectorManifest } from '../../connectors/contract.ts';
import type { MessageCode } from '../../i18n/messages.ts';
import type { PostContent } from '../../../shared/publishing.ts';
import { checkTargetContent, type MediaFacts } from '../../../shared/composer/validate-post.ts';
import type { CsvColumn } from './csv-columns.ts';
import { parseCsvDate } from './csv-dates.ts';
import { unescapeFormula } from './csv-formula.ts';
import { problem, type CsvProblem } from './csv-problems.ts';
import type { CsvDelimiter, CsvRow } from './csv-reader.ts';

export interface ChannelRef {
  id: string;
  handle: string;
  network: string;
  status: string;
}

export interface RowContext {
  timeZone: string;
  requireAltText: boolean;
  /** Set when the workspace shortens links: lengths are counted with short links in place. */
  shortLinkBaseUrl?: string | null;
  now: number;
  delimiter: CsvDelimiter;
  channelsById: Map<string, ChannelRef>;
  /** By lower-case handle without its leading @; two channels may share a handle on different networks. */
  channelsByHandle: Map<string, ChannelRef[]>;
  /** By lower-case trimmed name. */
  campaigns: Map<string, { id: string; name: string }>;
  manifest(network: string): ConnectorManifest | null;
  /** The media id when the URL is one of this workspace's own library files (an export re-imported). */
  ownMediaId(url: string): string | null;
  /** What the library knows of the own media ids the file names. */
  ownMedia: Map<string, MediaFacts>;
}

export interface RowMedia {
  url: string;
  ownId: string | null;
  altText: string;
}

export interface RowPost {
  line: number;
  draft: boolean;
  at: number | null;
  channels: ChannelRef[];
  text: string;
  firstReply: string | null;
  media: RowMedia[];
  campaign: { id: string; name: string } | null;
}

/** Most media one post holds (the post schema's limit); networks allow fewer, which the content check says. */
export const maxMediaPerRow = 10;
/** Slack for a time that was "in a minute" when the file was written. */
const pastGraceMs = 60_000;
const draftWords = new Set(['draft', 'brouillon']);
const delimiterNames: Record<CsvDelimiter, string> = { ',': ',', ';': ';', '\t': 'tab' };

const cell = (row: CsvRow, column: CsvColumn) => unescapeFormula((row.cells[column] ?? '').trim());

/** Splits a list cell: "@a.test | @b.test", "@a.test @b.test" or "@a.test, @b.test". */
function listOf(value: string): string[] {
  return value.split(/[\s|,;]+/).filter(Boolean);
}

export function readRow(row: CsvRow, context: RowContext): { post: RowPost; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const add = (column: CsvColumn | null, code: MessageCode, params: Record<string, string | number> = {}) => problems.push(problem(row.line, column, code, params));
  if (row.extraCells > 0) add(null, 'csv_too_many_cells', { delimiter: delimiterNames[context.delimiter] });

  const draft = draftWords.has(cell(row, 'state').toLowerCase());
  const dateText = cell(row, 'date');
  let at: number | null = null;
  if (dateText !== '') {
    at = parseCsvDate(dateText, context.timeZone);
    if (at === null) add('date', 'csv_date_invalid', { value: dateText.slice(0, 60) });
    else if (!draft && at < context.now - pastGraceMs) add('date', 'schedule_in_past');
  }

  const channels: ChannelRef[] = [];
  const names = listOf(cell(row, 'channels'));
  if (names.length === 0) add('channels', 'csv_channels_missing');
  for (const name of names) {
    const found = context.channelsById.get(name) ?? context.channelsByHandle.get(name.replace(/^@/, '').toLowerCase());
    const matches = Array.isArray(found) ? found : found ? [found] : [];
    if (matches.length === 0) add('channels', 'csv_channel_unknown', { channel: name.slice(0, 100) });
    else if (matches.length > 1) add('channels', 'csv_channel_ambiguous', { channel: name.slice(0, 100) });
    else if (!channels.some((c) => c.id === matches[0].id)) channels.push(matches[0]);
  }

  const campaignName = cell(row, 'campaign');
  const campaign = campaignName === '' ? null : (context.campaigns.get(campaignName.toLowerCase()) ?? null);
  if (campaignName !== '' && !campaign) add('campaign', 'csv_campaign_unknown', { campaign: campaignName.slice(0, 100) });

  // URLs may hold commas and semicolons (image CDNs' transformations): only spaces and | separate them.
  const urls = cell(row, 'media_url').split(/[\s|]+/).filter(Boolean);
  const altTexts = cell(row, 'alt_text') === '' ? [] : cell(row, 'alt_text').split('|').map((text) => text.trim());
  if (urls.length > maxMediaPerRow) add('media_url', 'csv_too_many_media', { count: urls.length, max: maxMediaPerRow });
  if (altTexts.length > urls.length) add('alt_text', 'csv_alt_text_without_media');
  const media = urls.slice(0, maxMediaPerRow).map((url, index) => ({ url, ownId: context.ownMediaId(url), altText: altTexts[index] ?? '' }));
  for (const item of media) if (item.ownId && !context.ownMedia.has(item.ownId)) add('media_url', 'csv_media_not_found', { value: item.url.slice(0, 200) });

  const firstReply = cell(row, 'first_reply');
  const post: RowPost = { line: row.line, draft: draft || dateText === '', at, channels, text: cell(row, 'text'), firstReply: firstReply === '' ? null : firstReply, media, campaign };
  // Drafts are checked only when they are scheduled, as in the composer: a draft may be unfinished.
  if (!post.draft) {
    for (const channel of channels) problems.push(...contentProblems(post, channel, context));
    for (const channel of channels) if (channel.status === 'disabled') add('channels', 'post_channel_disconnected', { channel: channel.handle });
  }
  return { post, problems };
}

/** The post's content as it will be saved; media downloaded later are named by placeholders until then. */
export function rowContent(post: RowPost, mediaIds: (item: RowMedia, index: number) => string): PostContent {
  return { text: post.text, media: post.media.map((item, index) => ({ mediaId: mediaIds(item, index), altText: item.altText })), thread: [], firstReply: post.firstReply };
}

/** A file named by URL is judged by its name until it is downloaded: .mp4 is a video, anything else an image. */
function guessedFacts(url: string): MediaFacts {
  return /\.mp4(?:$|[?#])/i.test(url) ? { kind: 'video', mimeType: 'video/mp4' } : { kind: 'image', mimeType: 'image/jpeg' };
}

const contentCodes: Record<string, MessageCode> = {
  post_empty: 'content_post_empty',
  text_too_long: 'content_text_too_long',
  media_missing: 'content_media_missing',
  media_type_unsupported: 'content_media_type_unsupported',
  alt_text_missing: 'content_alt_text_missing',
  alt_text_too_long: 'content_alt_text_too_long',
  images_unsupported: 'content_images_unsupported',
  video_unsupported: 'content_video_unsupported',
  too_many_images: 'content_too_many_images',
  too_many_videos: 'content_too_many_videos',
  images_with_video: 'content_images_with_video',
  thread_unsupported: 'content_thread_unsupported',
  reply_unsupported: 'content_reply_unsupported',
};

function columnOf(code: string, part: number | 'firstReply'): CsvColumn {
  if (code.startsWith('alt_text')) return 'alt_text';
  if (code === 'post_empty' || code === 'text_too_long') return part === 'firstReply' ? 'first_reply' : 'text';
  if (code === 'reply_unsupported') return 'first_reply';
  if (code === 'thread_unsupported') return 'text';
  return 'media_url';
}

function contentProblems(post: RowPost, channel: ChannelRef, context: RowContext): CsvProblem[] {
  const manifest = context.manifest(channel.network);
  if (!manifest) return [problem(post.line, 'channels', 'network_unknown')];
  const media: Record<string, MediaFacts> = {};
  const content = rowContent(post, (item, index) => {
    const id = item.ownId ?? `url-${index}`;
    const facts = item.ownId ? context.ownMedia.get(item.ownId) : guessedFacts(item.url);
    if (facts) media[id] = facts;
    return id;
  });
  return checkTargetContent(content, { limits: manifest.limits, capabilities: manifest.capabilities, requireAltText: context.requireAltText, media, shortLinkBaseUrl: context.shortLinkBaseUrl })
    .filter((issue) => issue.severity === 'error')
    // A media the library lost is already said once for the row (csv_media_not_found).
    .filter((issue) => issue.code !== 'media_missing')
    .map((issue) => problem(post.line, columnOf(issue.code, issue.part), contentCodes[issue.code] ?? 'validation', { channel: channel.handle, details: issue.code, ...issue.params }));
}
