// Adding or changing a feed: its address (read at once, so a wrong address is
// told before anything is saved), the channels, the template with a live
// preview of the feed's newest item on each channel, the mode and campaign.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, SegmentedControl, Stack, Text, Textarea, TextInput, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { defaultFeedTemplate, type FeedMode, type FeedPreview, type FeedView } from '../../shared/feeds.ts';
import { feedPlaceholders } from '../../shared/feed-template.ts';
import { useChannels } from '../api/channels.ts';
import { CampaignSelect } from '../publishing/composer/CampaignSelect.tsx';
import { ChannelPicker } from '../publishing/composer/ChannelPicker.tsx';
import { useCampaigns } from '../publishing/publishing-api.ts';
import { Dialog, DialogFormActions } from '../ui/dialog.tsx';
import { FormError } from '../ui/FormError.tsx';
import { notifySuccess } from '../ui/notify.tsx';
import { useCurrentWorkspace } from '../workspaces/context.ts';
import { FeedTemplatePreview } from './FeedTemplatePreview.tsx';
import './feeds.css';
import { useCreateFeed, usePreviewFeed, useUpdateFeed } from './feeds-api.ts';

export function FeedDialog({ feed, onClose }: { feed: FeedView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const channels = useChannels(workspace.id);
  const campaigns = useCampaigns(workspace.id);
  const preview = usePreviewFeed(workspace.id);
  const create = useCreateFeed(workspace.id);
  const update = useUpdateFeed(workspace.id);
  const [url, setUrl] = useState(feed?.url ?? '');
  const [title, setTitle] = useState(feed?.title ?? '');
  const [channelIds, setChannelIds] = useState<string[]>(feed?.channelIds ?? []);
  const [template, setTemplate] = useState(feed?.template ?? defaultFeedTemplate);
  const [mode, setMode] = useState<FeedMode>(feed?.mode ?? 'draft');
  const [campaignId, setCampaignId] = useState<string | null>(feed?.campaignId ?? null);
  const [postLatest, setPostLatest] = useState(false);
  const [problems, setProblems] = useState<{ url?: string; channels?: string }>({});
  const [readUrl, setReadUrl] = useState<string | null>(feed?.url ?? null);
  const templateRef = useRef<HTMLTextAreaElement>(null);
  const save = feed ? update : create;
  const found: FeedPreview | undefined = preview.data;

  const read = (address: string) => {
    const trimmed = address.trim();
    if (!trimmed || trimmed === readUrl) return;
    setReadUrl(trimmed);
    preview.mutate(trimmed, { onSuccess: (result) => setUrl((current) => (current.trim() === trimmed ? result.url : current)) });
  };
  // An existing feed's newest item, for the preview.
  useEffect(() => {
    if (feed) preview.mutate(feed.url);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dialog opens
  }, []);

  const insert = (name: string) => {
    const field = templateRef.current;
    const token = `{{${name}}}`;
    if (!field) return setTemplate((current) => `${current} ${token}`);
    const start = field.selectionStart ?? template.length;
    const end = field.selectionEnd ?? template.length;
    setTemplate(template.slice(0, start) + token + template.slice(end));
    requestAnimationFrame(() => {
      field.focus();
      field.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = { url: url.trim() ? undefined : t('feeds.form.urlRequired'), channels: channelIds.length ? undefined : t('feeds.form.channelsRequired') };
    setProblems(missing);
    if (missing.url || missing.channels) return;
    const done = (message: string) => {
      notifySuccess(message);
      onClose();
    };
    if (feed) {
      update.mutate(
        { feedId: feed.id, change: { url: url.trim(), title: title.trim() || feed.title, channelIds, template, mode, campaignId } },
        { onSuccess: () => done(t('feeds.updated')) },
      );
      return;
    }
    create.mutate(
      { url: url.trim(), title: title.trim() || null, channelIds, template, mode, campaignId, postLatest },
      { onSuccess: (answer) => done(answer.check?.posted ? t('feeds.createdPosted') : t('feeds.created')) },
    );
  };

  return (
    <Dialog opened onClose={onClose} size="xl" title={feed ? t('feeds.edit') : t('feeds.add')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={save.error} />
          <TextInput
            label={t('feeds.form.url')}
            description={t('feeds.form.urlHelp')}
            placeholder="https://blog.example.com/feed"
            value={url}
            onChange={(e) => {
              setUrl(e.currentTarget.value);
              setProblems({ ...problems, url: undefined });
            }}
            onBlur={() => read(url)}
            error={problems.url ?? (preview.isError ? preview.error.message : undefined)}
            maxLength={2000}
            data-autofocus
            data-testid="feed-url"
            rightSectionWidth={84}
            rightSection={
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => {
                  setReadUrl(null);
                  preview.reset();
                  read(url);
                }}
                loading={preview.isPending}
                data-testid="feed-read"
              >
                {t('feeds.form.read')}
              </Button>
            }
          />
          {found && (
            <Text size="sm" c="dimmed" mt={-6} data-testid="feed-found">
              {t('feeds.form.found', { title: found.title, count: found.itemCount })}
            </Text>
          )}
          <TextInput label={t('feeds.form.title')} description={t('feeds.form.titleHelp')} placeholder={found?.title} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('feeds.form.channels')}
            </Text>
            <ChannelPicker channels={channels.data ?? []} selected={channelIds} onToggle={(id) => { setChannelIds(channelIds.includes(id) ? channelIds.filter((c) => c !== id) : [...channelIds, id]); setProblems({ ...problems, channels: undefined }); }} />
            {problems.channels && (
              <Text size="xs" c="red" role="alert">
                {problems.channels}
              </Text>
            )}
          </Stack>
          <Stack gap={6}>
            <Textarea
              ref={templateRef}
              label={t('feeds.form.template')}
              description={t('feeds.form.templateHelp')}
              value={template}
              onChange={(e) => setTemplate(e.currentTarget.value)}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={2000}
              data-testid="feed-template"
            />
            <Group gap={6} role="group" aria-label={t('feeds.form.placeholders')}>
              {feedPlaceholders.map((name) => (
                <UnstyledButton key={name} className="relais-feed-chip" onClick={() => insert(name)} aria-label={t('feeds.form.insert', { name: t(`feeds.placeholder.${name}`) })}>
                  <Text span size="xs" ff="monospace">{`{{${name}}}`}</Text> <Text span size="xs" c="dimmed">{t(`feeds.placeholder.${name}`)}</Text>
                </UnstyledButton>
              ))}
            </Group>
          </Stack>
          <FeedTemplatePreview template={template} latest={found?.latest ?? null} loading={preview.isPending} channels={(channels.data ?? []).filter((c) => channelIds.includes(c.id))} />
          <Stack gap={6}>
            <Text size="sm" fw={500} id="feed-mode-label">
              {t('feeds.form.mode')}
            </Text>
            <SegmentedControl
              aria-labelledby="feed-mode-label"
              value={mode}
              onChange={(value) => setMode(value as FeedMode)}
              data={(['draft', 'queue', 'now'] as const).map((value) => ({ value, label: t(`feeds.mode.${value}`) }))}
              data-testid="feed-mode"
            />
            <Text size="xs" c="dimmed">
              {t(`feeds.modeHelp.${mode}`)}
            </Text>
          </Stack>
          <CampaignSelect campaigns={campaigns.data ?? []} value={campaignId} onChange={setCampaignId} />
          {!feed && (
            <Checkbox
              checked={postLatest}
              onChange={(e) => setPostLatest(e.currentTarget.checked)}
              label={t('feeds.form.postLatest')}
              description={found?.latest ? t('feeds.form.postLatestHelp', { title: found.latest.title || found.latest.link }) : t('feeds.form.postLatestNone')}
              data-testid="feed-post-latest"
            />
          )}
          <DialogFormActions submitLabel={feed ? t('common.save') : t('feeds.form.submit')} pending={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
