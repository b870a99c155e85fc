// A content issue in plain words: the issue codes of checkTargetContent (and
// of the server's 422) translated, with the part of the post they are about.
import type { TFunction } from 'i18next';
import type { ContentIssue } from '../../../shared/publishing.ts';

export const issueCodes = [
  'post_empty',
  'text_too_long',
  'media_missing',
  'media_type_unsupported',
  'alt_text_missing',
  'alt_text_too_long',
  'images_unsupported',
  'video_unsupported',
  'too_many_images',
  'too_many_videos',
  'images_with_video',
  'thread_unsupported',
  'reply_unsupported',
  'network_unknown',
] as const;

export function issueText(t: TFunction, issue: Pick<ContentIssue, 'code' | 'params'>): string {
  const known = (issueCodes as readonly string[]).includes(issue.code);
  const params = { ...issue.params, over: Number(issue.params.length ?? 0) - Number(issue.params.max ?? 0) };
  return known ? t(`publishing.issues.${issue.code}`, params) : t('publishing.issues.unknown', { code: issue.code });
}

export function partLabel(t: TFunction, part: ContentIssue['part']): string {
  if (part === 'firstReply') return t('publishing.parts.firstReply');
  return part === 0 ? t('publishing.parts.first') : t('publishing.parts.thread', { number: part + 1 });
}
