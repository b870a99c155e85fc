// The composer: loads what it needs (channels, networks' limits, publishing
// settings, campaigns, the post when editing one), then hands over to the form.
import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Workspace } from '../../../shared/api-types.ts';
import type { PostView } from '../../../shared/publishing.ts';
import { useChannels, useNetworks } from '../../api/channels.ts';
import { IconBroadcast } from '../../ui/icons.tsx';
import { Empty, FormSkeleton, QueryError } from '../../ui/states.tsx';
import { settingsPath } from '../../workspaces/paths.ts';
import { useCampaigns, usePost, usePublishingSettings } from '../publishing-api.ts';
import type { WallClock } from '../zoned-time.ts';
import { ComposerForm } from './ComposerForm.tsx';

export interface ComposerProps {
  workspace: Workspace;
  /** The post to edit; null for a new one. */
  postId: string | null;
  /** A new post's planned time (a slot clicked on the calendar). */
  initialAt?: WallClock | null;
  /** Called once the post is published, scheduled, queued, submitted or saved as a draft. */
  onDone: (post: PostView) => void;
  onCancel: () => void;
}

export function Composer({ workspace, postId, initialAt = null, onDone, onCancel }: ComposerProps) {
  const { t } = useTranslation();
  const channels = useChannels(workspace.id);
  const networks = useNetworks();
  const settings = usePublishingSettings(workspace.id);
  const campaigns = useCampaigns(workspace.id);
  const post = usePost(workspace.id, postId);

  const failed = [channels, networks, settings, post].find((query) => query.isError);
  if (failed) return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!channels.data || !networks.data || !settings.data || (postId !== null && !post.data)) {
    return (
      <Stack data-testid="composer" data-loading>
        <FormSkeleton fields={3} />
      </Stack>
    );
  }
  const usable = channels.data.filter((channel) => channel.status !== 'disabled');
  if (usable.length === 0) {
    return (
      <Stack data-testid="composer">
        <Empty icon={<IconBroadcast size={26} />} title={t('publishing.composer.noChannelsTitle')} description={t('publishing.composer.noChannelsText')}>
          <Button component={Link} to={settingsPath(workspace.id, 'channels')} variant="light" onClick={onCancel}>
            {t('publishing.composer.noChannelsAction')}
          </Button>
        </Empty>
      </Stack>
    );
  }
  return (
    <ComposerForm
      key={postId ?? 'new'}
      workspace={workspace}
      channels={usable}
      networks={networks.data}
      settings={settings.data}
      campaigns={campaigns.data ?? []}
      post={post.data ?? null}
      initialAt={initialAt}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}
