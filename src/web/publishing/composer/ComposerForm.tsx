// The composer's form: channels, one text for all with a tab per channel to
// customise it, live counters and issues, previews, campaign, when to publish,
// autosaved drafts. Contributors submit for approval instead of publishing.
import { useMemo, useState } from 'react';
import { Alert, Anchor, Grid, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel, NetworkInfo, Workspace } from '../../../shared/api-types.ts';
import { hasErrors } from '../../../shared/composer/validate-post.ts';
import type { Campaign, ContentIssue, PostView, PublishingSettings } from '../../../shared/publishing.ts';
import { can } from '../../../shared/roles.ts';
import { isApiError } from '../../api/client.ts';
import { channelAddress, ChannelAvatar } from '../../channels/networks.tsx';
import { IconAlert } from '../../ui/icons.tsx';
import { notifySuccess } from '../../ui/notify.tsx';
import type { ChannelIssue } from '../publishing-api.ts';
import { isPast, useZonedFormat, type WallClock } from '../zoned-time.ts';
import { CampaignSelect } from './CampaignSelect.tsx';
import { useChannelChecks, type ChannelCheck } from './channel-checks.ts';
import { ComposerFooter } from './ComposerFooter.tsx';
import { ContentEditor } from './ContentEditor.tsx';
import { IssueList } from './IssueList.tsx';
import { ChannelPicker } from './ChannelPicker.tsx';
import { composerTools } from './composer-tools.tsx';
import { contentOf, draftFromPost, emptyDraft, hasSubstance, isCustomized, mediaIdsOf, resetChannel, toggleChannel, toPostInput, updateContent, type ComposerDraft, type Scope } from './draft.ts';
import type { CounterRule } from './PartEditor.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { SchedulePicker } from './SchedulePicker.tsx';
import { useMediaInfo } from './use-media-info.ts';
import { useAutosave, usePostSaver } from './use-post-saver.ts';
import { WritingAids, useWritingChecks } from './WritingAids.tsx';

export function ComposerForm({
  workspace,
  channels,
  networks,
  settings,
  campaigns,
  post,
  initialAt,
  onDone,
  onCancel,
}: {
  workspace: Workspace;
  channels: Channel[];
  networks: NetworkInfo[];
  settings: PublishingSettings;
  campaigns: Campaign[];
  post: PostView | null;
  initialAt: WallClock | null;
  onDone: (post: PostView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const zoned = useZonedFormat(workspace.timeZone);
  const canPublish = can(workspace.role, 'content:publish');
  const [draft, setDraft] = useState<ComposerDraft>(() =>
    post ? draftFromPost(post, workspace.timeZone) : emptyDraft({ at: initialAt, channelIds: channels.length === 1 ? [channels[0].id] : [] }),
  );
  const [tab, setTab] = useState<string>('all');
  const [serverIssues, setServerIssues] = useState<ChannelIssue[]>([]);
  const [submitError, setSubmitError] = useState<Error | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const media = useMediaInfo(workspace.id, mediaIdsOf(draft));
  const rememberMedia = media.remember;
  const maxMedia = Math.max(1, ...networks.filter((n) => channels.some((c) => draft.channelIds.includes(c.id) && c.network === n.network)).map((n) => Number(n.limits.maxImages ?? 1)));
  const tools = useMemo(() => composerTools({ workspaceId: workspace.id, rememberMedia, maxMedia }), [workspace.id, rememberMedia, maxMedia]);
  const saver = usePostSaver(workspace.id, { postId: post?.id ?? null, version: post?.version ?? null, scheduleKind: post?.scheduleKind ?? null });

  const change = (next: ComposerDraft) => {
    setDraft(next);
    setServerIssues([]);
    setSubmitError(null);
  };

  const shortLinkBaseUrl = settings.shortenLinks ? settings.shortLinkBaseUrl : null;
  const localChecks = useChannelChecks(draft, channels, networks, media.info, settings.requireAltText, media.loading, shortLinkBaseUrl);
  // The server's word wins until the next change: it may know what the browser cannot (a file gone from the library).
  const checks: ChannelCheck[] = useMemo(
    () =>
      localChecks.map((check) => {
        const extra = serverIssues.filter((issue) => issue.channelId === check.channel.id && !check.issues.some((i) => i.code === issue.code && i.part === issue.part));
        return extra.length ? { ...check, issues: [...check.issues, ...extra.map(({ channelId: _, ...issue }): ContentIssue => issue)] } : check;
      }),
    [localChecks, serverIssues],
  );

  const autosaveOn = saver.canAutosave() && draft.channelIds.length > 0 && hasSubstance(draft);
  useAutosave({ enabled: autosaveOn && !submitting, input: toPostInput(draft, 'draft'), save: (input) => saver.save(input, { auto: true }) });

  const scope: Scope = tab === 'all' ? 'all' : { channelId: tab };
  const activeChecks = scope === 'all' ? checks : checks.filter((c) => c.channel.id === scope.channelId);
  const counters: CounterRule[] = [];
  for (const check of activeChecks) {
    if (check.rules && !counters.some((c) => c.network === check.channel.network)) counters.push({ network: check.channel.network, limits: check.rules.limits, shortLinkBaseUrl });
  }
  const threads = activeChecks.some((c) => c.rules?.capabilities.includes('publish.thread'));
  const replies = activeChecks.some((c) => c.rules?.capabilities.includes('publish.reply'));
  const activeChannel = scope === 'all' ? null : (channels.find((c) => c.id === scope.channelId) ?? null);
  const writing = useWritingChecks(workspace.id, workspace.language, contentOf(draft, scope).text, counters.map((c) => c.network));

  const blocking = checks.some((check) => hasErrors(check.issues));
  const timeMissing = draft.scheduleKind === 'at' && !draft.at;
  const timePast = draft.scheduleKind === 'at' && draft.at !== null && isPast(draft.at, workspace.timeZone);
  const disabledReason =
    draft.channelIds.length === 0
      ? t('publishing.composer.blockedNoChannel')
      : draft.scheduleKind !== 'draft' && blocking
        ? t('publishing.composer.blockedIssues')
        : timeMissing
          ? t('publishing.composer.blockedNoTime')
          : timePast
            ? t('publishing.schedule.past')
            : null;

  const submit = async () => {
    setSubmitError(null);
    setSubmitting(true);
    try {
      const saved = await saver.save(toPostInput(draft), { auto: false });
      const count = saved.targets.length;
      const message =
        draft.scheduleKind === 'draft'
          ? t('publishing.done.draft')
          : saved.approval === 'pending'
            ? t('publishing.done.submitted')
            : draft.scheduleKind === 'now'
              ? t('publishing.done.now', { count })
              : draft.scheduleKind === 'queue'
                ? t('publishing.done.queue', { count })
                : t('publishing.done.at', { count, time: zoned.wallClock(draft.at) });
      notifySuccess(message);
      onDone(saved);
    } catch (error) {
      if (isApiError(error) && Array.isArray(error.body.issues)) setServerIssues(error.body.issues as ChannelIssue[]);
      setSubmitError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setSubmitting(false);
    }
  };

  const selectChannelTab = (channelId: string) => setTab(channelId);

  return (
    <Stack gap="lg" data-testid="composer" data-post-id={saver.postId ?? undefined}>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                {t('publishing.composer.publishTo')}
              </Text>
              <ChannelPicker
                channels={channels}
                selected={draft.channelIds}
                onToggle={(channelId) => {
                  if (tab === channelId) setTab('all');
                  change(toggleChannel(draft, channelId));
                }}
              />
            </Stack>

            {draft.channelIds.length > 1 && (
              <Tabs value={tab} onChange={(value) => setTab(value ?? 'all')} variant="pills" radius="xl">
                <Tabs.List>
                  <Tabs.Tab value="all" data-testid="composer-tab-all">
                    {t('publishing.composer.allChannels')}
                  </Tabs.Tab>
                  {checks.map(({ channel, issues }) => (
                    <Tabs.Tab
                      key={channel.id}
                      value={channel.id}
                      leftSection={<ChannelAvatar channel={channel} size={18} />}
                      rightSection={hasErrors(issues) ? <IconAlert size={13} style={{ color: 'var(--mantine-color-red-filled)' }} /> : isCustomized(draft, channel.id) ? <Text span size="xs" c="dimmed">✎</Text> : undefined}
                      data-testid={`composer-tab-${channel.handle}`}
                    >
                      {channel.handle.replace(/^@/, '').split('.')[0]}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
              </Tabs>
            )}
            {activeChannel && (
              <Text size="xs" c="dimmed">
                {isCustomized(draft, activeChannel.id) ? (
                  <>
                    {t('publishing.composer.customized', { address: channelAddress(activeChannel) })}{' '}
                    <Anchor component="button" type="button" size="xs" onClick={() => change(resetChannel(draft, activeChannel.id))} data-testid="composer-reset-channel">
                      {t('publishing.composer.resetChannel')}
                    </Anchor>
                  </>
                ) : (
                  t('publishing.composer.notCustomized', { address: channelAddress(activeChannel) })
                )}
              </Text>
            )}

            <ContentEditor
              content={contentOf(draft, scope)}
              onChange={(content) => change(updateContent(draft, scope, () => content))}
              counters={counters}
              mediaInfo={media.info}
              requireAltText={settings.requireAltText}
              threads={threads}
              replies={replies}
              Tools={tools}
              testId={scope === 'all' ? 'composer-text' : `composer-text-${activeChannel?.handle ?? ''}`}
              marks={writing.marks}
            />

            <WritingAids
              workspaceId={workspace.id}
              text={contentOf(draft, scope).text}
              checks={writing}
              onText={(text) => change(updateContent(draft, scope, (content) => ({ ...content, text })))}
            />

            <IssueList checks={checks} onSelect={draft.channelIds.length > 1 ? selectChannelTab : () => undefined} />

            {campaigns.length > 0 && <CampaignSelect campaigns={campaigns} value={draft.campaignId} onChange={(campaignId) => change({ ...draft, campaignId })} />}

            <Stack gap={6}>
              <Text size="sm" fw={600}>
                {t('publishing.schedule.label')}
              </Text>
              <SchedulePicker
                kind={draft.scheduleKind}
                at={draft.at}
                timeZone={workspace.timeZone}
                onChange={({ kind, at }) => change({ ...draft, scheduleKind: kind, at })}
                pastError={timePast}
              />
              {!canPublish && draft.scheduleKind !== 'draft' && (
                <Text size="xs" c="dimmed" data-testid="composer-approval-note">
                  {t('publishing.composer.approvalNote')}
                </Text>
              )}
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PreviewPanel draft={draft} checks={checks} mediaInfo={media.info} focusChannelId={activeChannel?.id ?? null} />
        </Grid.Col>
      </Grid>

      {submitError && (
        <Alert color="red" variant="light" icon={<IconAlert />} role="alert" data-testid="composer-error" data-code={isApiError(submitError) ? submitError.code : undefined}>
          {submitError.message}
        </Alert>
      )}

      <ComposerFooter
        status={saver.status}
        kind={draft.scheduleKind}
        canPublish={canPublish}
        disabledReason={disabledReason}
        submitting={submitting}
        onSubmit={() => void submit()}
        onCancel={onCancel}
      />
    </Stack>
  );
}
