// One post on the client's page: when it goes out, on which channels, how each
// network will show it, what the client already said — and Approve / Comment.
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Collapse, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReviewMedia, ReviewPost, ReviewTarget } from '../../../shared/approval-links.ts';
import type { Channel } from '../../../shared/api-types.ts';
import { isApiError } from '../../api/client.ts';
import { channelAddress, networkLook } from '../../channels/networks.tsx';
import type { MediaInfo } from '../../publishing/composer/channel-checks.ts';
import { PostPreview } from '../../publishing/composer/PostPreview.tsx';
import { IconCircleCheck, IconExternalLink, IconMessage } from '../../ui/icons.tsx';
import { notifyError, notifySuccess, notifyWarning } from '../../ui/notify.tsx';
import { useClientAction } from '../approval-links-api.ts';
import type { ReviewTime } from './review-time.ts';

type ClientState = 'draft' | 'pending' | 'scheduled' | 'published' | 'delayed';

/** What a client needs to know of a copy's state (a failed attempt is the team's business: "delayed"). */
function clientState(target: ReviewTarget, post: ReviewPost): ClientState {
  if (target.state === 'published') return 'published';
  if (target.state === 'failed' || target.state === 'needs_attention') return 'delayed';
  if (target.state === 'pending_approval' || post.approval === 'pending') return 'pending';
  if (target.state === 'draft') return 'draft';
  return 'scheduled';
}

const stateColors: Record<ClientState, string> = { draft: 'gray', pending: 'yellow', scheduled: 'blue', published: 'teal', delayed: 'orange' };

/** The preview speaks of channels; a copy carries what it needs of one. */
function channelOf(target: ReviewTarget): Channel {
  return { id: target.id, network: target.network, serverUrl: target.serverUrl, handle: target.handle, displayName: target.displayName, avatarUrl: target.avatarUrl, profileUrl: null, status: 'connected', statusReason: null, rateLimitedUntil: null, createdAt: '' };
}

export function ReviewPostCard({ token, post, media, zoned, clientName, askName }: { token: string; post: ReviewPost; media: ReviewMedia[]; zoned: ReviewTime; clientName: string; askName: () => void }) {
  const { t } = useTranslation();
  const [shownId, setShownId] = useState(post.targets[0]?.id ?? '');
  const [commenting, setCommenting] = useState(false);
  const [comment, setComment] = useState('');
  const action = useClientAction(token);
  const target = post.targets.find((candidate) => candidate.id === shownId) ?? post.targets[0];
  const mediaInfo: MediaInfo = Object.fromEntries(media.map((file) => [file.id, file]));
  if (!target) return null;
  const state = clientState(target, post);
  const when = target.publishedAt ?? target.scheduledAt;

  const act = (kind: 'approve' | 'comment') => {
    if (!clientName) {
      notifyWarning(t('review.nameFirst'));
      askName();
      return;
    }
    action.mutate(
      { postId: post.id, action: kind, name: clientName, comment: kind === 'comment' ? comment.trim() : '' },
      {
        onSuccess: () => {
          notifySuccess(kind === 'approve' ? t('review.approvedToast') : t('review.commentedToast'));
          if (kind === 'comment') {
            setComment('');
            setCommenting(false);
          }
        },
        onError: (error) => notifyError(error, isApiError(error, 410) ? t('review.errors.goneToast') : undefined),
      },
    );
  };

  return (
    <Paper withBorder radius="lg" p={{ base: 'sm', sm: 'md' }} shadow="xs" data-testid="review-post" data-post-id={post.id} data-approved={post.approvedByClient || undefined}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fw={700} size="lg" data-testid="review-post-time">
            {when ? zoned.time(when) : '—'}
          </Text>
          <Group gap={6} wrap="wrap" justify="flex-end">
            {post.approvedByClient && (
              <Badge color="teal" variant="filled" leftSection={<IconCircleCheck size={12} />} data-testid="review-post-approved">
                {t('review.approvedBadge')}
              </Badge>
            )}
            <Badge color={stateColors[state]} variant="light" data-testid="review-post-state">
              {t(`review.states.${state}`)}
            </Badge>
          </Group>
        </Group>

        {post.targets.length > 1 && (
          <SegmentedControl
            fullWidth
            size="xs"
            value={target.id}
            onChange={setShownId}
            aria-label={t('review.pickChannel')}
            data={post.targets.map((candidate) => {
              const { Glyph, color } = networkLook(candidate.network);
              return {
                value: candidate.id,
                label: (
                  <Group gap={4} wrap="nowrap" justify="center">
                    <Glyph size={13} style={{ color, flexShrink: 0 }} />
                    <Text span size="xs" truncate>
                      {candidate.handle.split('@')[0]}
                    </Text>
                  </Group>
                ),
              };
            })}
            data-testid="review-post-channels"
          />
        )}
        <Text size="xs" c="dimmed">
          {t('review.on', { network: networkLook(target.network).name, account: channelAddress(target) })}
          {target.remoteUrl && (
            <>
              {' · '}
              <Anchor href={target.remoteUrl} target="_blank" rel="noreferrer" size="xs">
                {t('review.seeOnNetwork')} <IconExternalLink size={11} />
              </Anchor>
            </>
          )}
        </Text>
        <PostPreview channel={channelOf(target)} content={target.content} mediaInfo={mediaInfo} />

        {post.actions.length > 0 && (
          <Stack gap={6} data-testid="review-post-actions">
            {post.actions.map((done, index) => (
              <Group key={index} gap={8} wrap="nowrap" align="flex-start" className="relais-review-action" data-kind={done.kind}>
                {done.kind === 'approved' ? <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" /> : <IconMessage size={16} color="var(--mantine-color-blue-6)" />}
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="xs">
                    <Text span fw={600} size="xs">
                      {done.name}
                    </Text>{' '}
                    {done.kind === 'approved' ? (done.current ? t('review.didApprove') : t('review.didApproveBefore')) : t('review.didComment')}
                    <Text span c="dimmed" size="xs">
                      {' · '}
                      {zoned.ago(done.at)}
                    </Text>
                  </Text>
                  {done.comment && (
                    <Text size="sm" className="relais-review-comment">
                      {done.comment}
                    </Text>
                  )}
                </Stack>
              </Group>
            ))}
          </Stack>
        )}

        {!post.canApprove && (
          <Alert variant="light" color="gray" p="xs">
            <Text size="xs">{t('review.alreadyOut')}</Text>
          </Alert>
        )}
        <Group gap="sm" grow>
          {post.canApprove && (
            <Button
              color="teal"
              variant={post.approvedByClient ? 'light' : 'filled'}
              leftSection={<IconCircleCheck size={18} />}
              disabled={post.approvedByClient}
              loading={action.isPending && action.variables?.action === 'approve'}
              onClick={() => act('approve')}
              data-testid="review-approve"
            >
              {post.approvedByClient ? t('review.approvedButton') : t('review.approve')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconMessage size={18} />} onClick={() => setCommenting((open) => !open)} aria-expanded={commenting} data-testid="review-comment-toggle">
            {t('review.comment')}
          </Button>
        </Group>
        <Collapse expanded={commenting}>
          <Stack gap="xs">
            <Textarea
              label={t('review.commentLabel')}
              placeholder={t('review.commentPlaceholder')}
              autosize
              minRows={3}
              maxLength={5000}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              data-testid="review-comment"
            />
            <Group justify="flex-end">
              <Button disabled={comment.trim() === ''} loading={action.isPending && action.variables?.action === 'comment'} onClick={() => act('comment')} data-testid="review-comment-send">
                {t('review.commentSend')}
              </Button>
            </Group>
          </Stack>
        </Collapse>
      </Stack>
    </Paper>
  );
}
