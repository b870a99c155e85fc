// A post in detail, in a drawer over the list: its decisions (approve, send
// back), each channel's state and content, the common content, the history
// with comments, and Edit / Delete.
import { useState } from 'react';
import { Button, ColorSwatch, Divider, Drawer, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Workspace } from '../../../shared/api-types.ts';
import { can } from '../../../shared/roles.ts';
import { useChannels } from '../../api/channels.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { IconPencil, IconTrash } from '../../ui/icons.tsx';
import { notifyError, notifySuccess } from '../../ui/notify.tsx';
import { QueryError } from '../../ui/states.tsx';
import { editPostPath } from '../paths.ts';
import { useCampaigns, useDeletePost, usePost } from '../publishing-api.ts';
import { useZonedFormat } from '../zoned-time.ts';
import { ApprovalPanel } from './ApprovalPanel.tsx';
import { PostContentView } from './PostContentView.tsx';
import { PostHistory } from './PostHistory.tsx';
import { TargetCard } from './TargetCard.tsx';
import { LinkStats } from '../LinkStats.tsx';

export function PostDetailDrawer({ workspace, postId, onClose }: { workspace: Workspace; postId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = !useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  return (
    <Drawer
      opened={postId !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 560}
      title={<Title order={3} fz="lg">{t('publishing.detail.title')}</Title>}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      padding="lg"
      data-testid="post-detail"
    >
      {postId && <PostDetail workspace={workspace} postId={postId} onClose={onClose} />}
    </Drawer>
  );
}

function PostDetail({ workspace, postId, onClose }: { workspace: Workspace; postId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const zoned = useZonedFormat(workspace.timeZone);
  const post = usePost(workspace.id, postId);
  const channels = useChannels(workspace.id);
  const campaigns = useCampaigns(workspace.id);
  const remove = useDeletePost(workspace.id);
  const [deleting, setDeleting] = useState(false);
  const canWrite = can(workspace.role, 'content:write');
  const canPublish = can(workspace.role, 'content:publish');

  if (post.isPending) return <Skeleton height={240} radius="md" />;
  if (post.isError) return <QueryError error={post.error} onRetry={() => void post.refetch()} />;
  const view = post.data;
  const campaign = campaigns.data?.find((c) => c.id === view.campaignId);
  const editable = canWrite && view.targets.some((target) => target.state !== 'published' && target.state !== 'publishing');
  const deletable = canWrite && !view.targets.some((target) => target.state === 'publishing');

  const confirmDelete = () =>
    remove.mutate(view.id, {
      onSuccess: () => {
        notifySuccess(t('publishing.detail.deleted'));
        setDeleting(false);
        onClose();
      },
      onError: (error) => {
        notifyError(error);
        setDeleting(false);
      },
    });

  return (
    <Stack gap="lg" data-testid="post-detail-body" data-post-id={view.id} data-approval={view.approval}>
      <Group justify="space-between" gap="xs">
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {view.author ? t('publishing.detail.byAuthor', { author: view.author.name, time: zoned.dateTime(view.createdAt) }) : zoned.dateTime(view.createdAt)}
          </Text>
          {campaign && (
            <Group gap={6}>
              <ColorSwatch color={campaign.color} size={10} />
              <Text size="xs">{campaign.name}</Text>
            </Group>
          )}
        </Stack>
        <Group gap="xs">
          {editable && (
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => navigate(editPostPath(workspace.id, view.id))} data-testid="post-edit">
              {t('publishing.detail.edit')}
            </Button>
          )}
          {deletable && (
            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(true)} data-testid="post-delete">
              {t('publishing.detail.delete')}
            </Button>
          )}
        </Group>
      </Group>

      <ApprovalPanel post={view} workspaceId={workspace.id} canApprove={canPublish} />

      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('publishing.detail.channels')}
        </Text>
        {view.targets.map((target) => (
          <TargetCard
            key={target.id}
            post={view}
            target={target}
            channel={channels.data?.find((c) => c.id === target.channelId) ?? null}
            workspaceId={workspace.id}
            timeZone={workspace.timeZone}
            canAct={canWrite}
          />
        ))}
      </Stack>

      {view.targets.some((target) => target.state === 'published') && <LinkStats workspaceId={workspace.id} postId={view.id} />}

      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('publishing.detail.content')}
        </Text>
        <PostContentView content={view.content} workspaceId={workspace.id} />
      </Stack>

      <Divider />
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('publishing.detail.history')}
        </Text>
        <PostHistory post={view} workspaceId={workspace.id} timeZone={workspace.timeZone} canComment={canWrite} />
      </Stack>

      <ConfirmModal opened={deleting} title={t('publishing.detail.deleteTitle')} confirmLabel={t('publishing.detail.deleteConfirm')} loading={remove.isPending} onConfirm={confirmDelete} onClose={() => setDeleting(false)}>
        {view.targets.some((target) => target.state === 'published') ? t('publishing.detail.deleteTextPublished') : t('publishing.detail.deleteText')}
      </ConfirmModal>
    </Stack>
  );
}
