// Checks one channel's version of a post against what its network accepts.
// The composer runs it on every keystroke; the server runs it again before a
// post may be scheduled (an over-limit post never reaches the queue).
import type { ContentIssue, PostContent, PostPart } from '../publishing.ts';
import { countTextLength, type ComposerLimits } from './limits.ts';
import { withShortLinks } from '../short-links.ts';

export interface MediaFacts {
  kind: 'image' | 'video';
  mimeType: string;
}

export interface TargetCheckContext {
  limits: ComposerLimits;
  /** The connector's capabilities (publish.images, publish.thread, publish.reply …). */
  capabilities: readonly string[];
  requireAltText: boolean;
  /** What the media library knows of each media id; an unknown id is an error. */
  media: Record<string, MediaFacts | undefined>;
  /**
   * Set when the workspace shortens links: every web link is then sent as a
   * short link of this Relais, so lengths are counted as the network will see them.
   */
  shortLinkBaseUrl?: string | null;
}

/** A part's length as its network will count it once sent (short links in place when the workspace shortens links). */
export function sentTextLength(text: string, limits: Pick<ComposerLimits, 'urlLength'>, shortLinkBaseUrl?: string | null): number {
  return countTextLength(shortLinkBaseUrl ? withShortLinks(text, shortLinkBaseUrl) : text, limits);
}

function checkPart(part: PostPart, index: number | 'firstReply', context: TargetCheckContext): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const add = (code: string, params: Record<string, string | number> = {}) => issues.push({ part: index, code, params, severity: 'error' });
  const { limits } = context;
  if (part.text.trim() === '' && part.media.length === 0) add('post_empty');
  const length = sentTextLength(part.text, limits, context.shortLinkBaseUrl);
  if (length > limits.maxLength) add('text_too_long', { length, max: limits.maxLength });

  let images = 0;
  let videos = 0;
  for (const ref of part.media) {
    const facts = context.media[ref.mediaId];
    if (!facts) {
      add('media_missing', { mediaId: ref.mediaId });
      continue;
    }
    if (facts.kind === 'video') videos += 1;
    else images += 1;
    if (facts.kind === 'image' && !limits.imageTypes.includes(facts.mimeType) && !canConvert(facts.mimeType)) add('media_type_unsupported', { type: facts.mimeType });
    if (context.requireAltText && ref.altText.trim() === '') add('alt_text_missing');
    if ([...ref.altText].length > limits.maxAltTextLength) add('alt_text_too_long', { max: limits.maxAltTextLength });
  }
  if (images > 0 && !context.capabilities.includes('publish.images')) add('images_unsupported');
  else if (images > limits.maxImages) add('too_many_images', { count: images, max: limits.maxImages });
  if (videos > 0 && !context.capabilities.includes('publish.video')) add('video_unsupported');
  else if (videos > limits.maxVideos) add('too_many_videos', { count: videos, max: limits.maxVideos });
  if (videos > 0 && images > 0) add('images_with_video');
  return issues;
}

/** Images the media library re-encodes for the network (it converts to JPEG or PNG as needed). */
function canConvert(mimeType: string): boolean {
  return ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/heic', 'image/heif', 'image/tiff'].includes(mimeType);
}

/** Every problem of one channel's content; errors block scheduling. */
export function checkTargetContent(content: PostContent, context: TargetCheckContext): ContentIssue[] {
  const issues = checkPart(content, 0, context);
  if (content.thread.length > 0 && !context.capabilities.includes('publish.thread')) {
    issues.push({ part: 1, code: 'thread_unsupported', params: {}, severity: 'error' });
  }
  content.thread.forEach((part, index) => issues.push(...checkPart(part, index + 1, context)));
  if (content.firstReply !== null) {
    if (!context.capabilities.includes('publish.reply')) issues.push({ part: 'firstReply', code: 'reply_unsupported', params: {}, severity: 'error' });
    issues.push(...checkPart({ text: content.firstReply, media: [] }, 'firstReply', context));
  }
  return issues;
}

export function hasErrors(issues: readonly ContentIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
