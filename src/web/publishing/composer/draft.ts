// What the composer holds while a person writes: one content for every
// channel, the channels picked, the versions customised for some of them, when
// to publish and the campaign. Pure functions, so the editor stays simple and
// the rules (a channel's first edit copies the common text; a version equal to
// the common one is no longer a customisation) live in one place.
import type { PostContent, PostInput, PostPart, PostView } from '../../../shared/publishing.ts';
import { wallClockOf, type WallClock } from '../zoned-time.ts';

export type ScheduleKind = 'draft' | 'now' | 'queue' | 'at';

export interface ComposerDraft {
  content: PostContent;
  channelIds: string[];
  /** Channels whose content differs from `content`. */
  overrides: Record<string, PostContent>;
  scheduleKind: ScheduleKind;
  /** The time picked for "Schedule" (and kept as a draft's planned time). */
  at: WallClock | null;
  campaignId: string | null;
}

/** Which content an editor shows: the common one, or one channel's. */
export type Scope = 'all' | { channelId: string };

export function emptyContent(): PostContent {
  return { text: '', media: [], thread: [], firstReply: null };
}

export function emptyDraft(options: { at?: WallClock | null; channelIds?: string[] } = {}): ComposerDraft {
  return {
    content: emptyContent(),
    channelIds: options.channelIds ?? [],
    overrides: {},
    scheduleKind: options.at ? 'at' : 'now',
    at: options.at ?? null,
    campaignId: null,
  };
}

function same(a: PostContent, b: PostContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The content a channel will publish. */
export function contentFor(draft: ComposerDraft, channelId: string): PostContent {
  return draft.overrides[channelId] ?? draft.content;
}

export function contentOf(draft: ComposerDraft, scope: Scope): PostContent {
  return scope === 'all' ? draft.content : contentFor(draft, scope.channelId);
}

export function isCustomized(draft: ComposerDraft, channelId: string): boolean {
  return channelId in draft.overrides;
}

/** Changes the common content, or one channel's (its first change makes it a customised copy). */
export function updateContent(draft: ComposerDraft, scope: Scope, change: (content: PostContent) => PostContent): ComposerDraft {
  if (scope === 'all') return { ...draft, content: change(draft.content) };
  const next = change(contentFor(draft, scope.channelId));
  const overrides = { ...draft.overrides };
  if (same(next, draft.content)) delete overrides[scope.channelId];
  else overrides[scope.channelId] = next;
  return { ...draft, overrides };
}

export function resetChannel(draft: ComposerDraft, channelId: string): ComposerDraft {
  const overrides = { ...draft.overrides };
  delete overrides[channelId];
  return { ...draft, overrides };
}

export function toggleChannel(draft: ComposerDraft, channelId: string): ComposerDraft {
  if (draft.channelIds.includes(channelId)) {
    const overrides = { ...draft.overrides };
    delete overrides[channelId];
    return { ...draft, channelIds: draft.channelIds.filter((id) => id !== channelId), overrides };
  }
  return { ...draft, channelIds: [...draft.channelIds, channelId] };
}

/** Part 0 is the first post; 1…n the thread's next posts. */
export function partOf(content: PostContent, index: number): PostPart {
  return index === 0 ? { text: content.text, media: content.media } : content.thread[index - 1];
}

export function withPart(content: PostContent, index: number, part: PostPart): PostContent {
  if (index === 0) return { ...content, text: part.text, media: part.media };
  return { ...content, thread: content.thread.map((p, i) => (i === index - 1 ? part : p)) };
}

export function addThreadPart(content: PostContent): PostContent {
  return { ...content, thread: [...content.thread, { text: '', media: [] }] };
}

export function removeThreadPart(content: PostContent, index: number): PostContent {
  return { ...content, thread: content.thread.filter((_, i) => i !== index - 1) };
}

/** Every media id the draft uses, once. */
export function mediaIdsOf(draft: ComposerDraft): string[] {
  const ids = new Set<string>();
  for (const content of [draft.content, ...Object.values(draft.overrides)]) {
    for (const part of [content, ...content.thread]) for (const ref of part.media) ids.add(ref.mediaId);
  }
  return [...ids];
}

/** Whether there is anything worth keeping (an autosave of an empty composer would litter the drafts). */
export function hasSubstance(draft: ComposerDraft): boolean {
  const filled = (content: PostContent) =>
    content.text.trim() !== '' || content.media.length > 0 || content.thread.some((p) => p.text.trim() !== '' || p.media.length > 0) || Boolean(content.firstReply?.trim());
  return filled(draft.content) || Object.values(draft.overrides).some(filled);
}

/** The body the API takes; `kind` overrides the draft's own choice (autosave saves as a draft). */
export function toPostInput(draft: ComposerDraft, kind: ScheduleKind = draft.scheduleKind): PostInput {
  const schedule =
    kind === 'at'
      ? { kind: 'at' as const, at: draft.at ?? '' }
      : kind === 'draft'
        ? { kind: 'draft' as const, at: draft.scheduleKind === 'at' ? draft.at : null }
        : { kind };
  return {
    content: draft.content,
    channels: draft.channelIds.map((channelId) => ({ channelId, content: draft.overrides[channelId] ?? null })),
    schedule,
    campaignId: draft.campaignId,
  };
}

/** A saved post back in the composer: its times read in the workspace's zone. */
export function draftFromPost(post: PostView, timeZone: string): ComposerDraft {
  const overrides: Record<string, PostContent> = {};
  for (const target of post.targets) if (target.customized) overrides[target.channelId] = target.content;
  const scheduled = post.targets.find((t) => t.scheduledAt)?.scheduledAt ?? null;
  const kind: ScheduleKind = post.scheduleKind;
  return {
    content: post.content,
    channelIds: post.targets.map((t) => t.channelId),
    overrides,
    // A post saved "now" that is still not out is best offered again as "now".
    scheduleKind: kind === 'draft' && scheduled ? 'at' : kind === 'draft' ? 'now' : kind,
    at: scheduled ? wallClockOf(scheduled, timeZone) : null,
    campaignId: post.campaignId,
  };
}
