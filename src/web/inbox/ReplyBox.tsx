// The answer, written here and posted in the thread on the network, once.
// Counted the way the channel's network counts; a saved reply (the message's
// language first) fills the box with the person's name already in; a blank
// Relais cannot fill ({{order_number}}) keeps the reply from going out until
// it is written. "Send and mark done" closes the message once the reply is out.
// What is typed survives moving to another message and back.
import { useMemo, useState, type Ref } from 'react';
import { Button, Group, Select, Stack, Text, Textarea, Tooltip, type ComboboxItem, type ComboboxItemGroup } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/api-types.ts';
import type { InboxItemView } from '../../shared/inbox.ts';
import { renderSavedReply, valuesFor } from '../../shared/saved-reply-render.ts';
import { useNetworks } from '../api/channels.ts';
import { useMe } from '../api/session.ts';
import { channelAddress, networkLook } from '../channels/networks.tsx';
import { CharacterCounter } from '../publishing/composer/CharacterCounter.tsx';
import { rulesOf } from '../publishing/composer/channel-checks.ts';
import { sentTextLength } from '../../shared/composer/validate-post.ts';
import { IconTemplate } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.tsx';
import { useSavedReplies } from './inbox-api.ts';
import { useSendReply } from './item-api.ts';

/** Unsent texts per message, for this visit. */
const drafts = new Map<string, { text: string; savedReplyId: string | null }>();

const blank = /\{\{\s*[a-z_]+\s*\}\}/;

function NetworkGlyph({ network }: { network: string }) {
  const { Glyph, color } = networkLook(network);
  return <Glyph size={14} style={{ color, flexShrink: 0 }} />;
}

export function ReplyBox({
  workspaceId,
  item,
  channel,
  needsApproval,
  textareaRef,
}: {
  workspaceId: string;
  item: InboxItemView;
  channel: Channel | undefined;
  /** The reply waits for an approver before it goes out. */
  needsApproval: boolean;
  textareaRef: Ref<HTMLTextAreaElement>;
}) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const networks = useNetworks();
  const saved = useSavedReplies(workspaceId);
  const send = useSendReply(workspaceId);
  const draftKey = `${workspaceId}:${item.id}`;
  const [draft, setDraftState] = useState(() => drafts.get(draftKey) ?? { text: '', savedReplyId: null });
  const setDraft = (next: { text: string; savedReplyId: string | null }) => {
    setDraftState(next);
    if (next.text) drafts.set(draftKey, next);
    else drafts.delete(draftKey);
  };
  const rules = channel ? rulesOf(channel.network, networks.data) : null;
  const length = rules ? sentTextLength(draft.text, rules.limits, null) : 0;
  const over = rules ? length > rules.limits.maxLength : false;
  const unfilled = blank.exec(draft.text)?.[0] ?? null;
  const ready = draft.text.trim().length > 0 && !over && !unfilled;

  const options = useMemo((): Array<ComboboxItemGroup<ComboboxItem>> => {
    const all = saved.data ?? [];
    const languages = ['fr', 'en'] as const;
    const first = languages.find((language) => language === item.language) ?? (i18n.language.startsWith('fr') ? 'fr' : 'en');
    const order = [first, ...languages.filter((language) => language !== first)];
    return order
      .map((language) => ({
        group: t(`inbox.reply.language.${language}`),
        items: all.filter((reply) => reply.language === language).map((reply) => ({ value: reply.id, label: reply.title })),
      }))
      .filter((group) => group.items.length > 0);
  }, [saved.data, item.language, i18n.language, t]);

  const pick = (id: string | null) => {
    const chosen = saved.data?.find((reply) => reply.id === id);
    if (!chosen) return setDraft({ ...draft, savedReplyId: null });
    const values = valuesFor({ displayName: item.author.displayName, handle: item.author.handle, channel: channel ? channelAddress(channel) : '', agent: me?.user.name.trim().split(/\s+/)[0] ?? '' });
    setDraft({ text: renderSavedReply(chosen.body, values), savedReplyId: chosen.id });
  };

  const submit = (markDone: boolean) => {
    if (!ready || send.isPending) return;
    send.mutate(
      { itemId: item.id, input: { text: draft.text.trim(), savedReplyId: draft.savedReplyId, markDone } },
      {
        onSuccess: (reply) => {
          setDraft({ text: '', savedReplyId: null });
          notifySuccess(reply.state === 'pending_approval' ? t('inbox.reply.submitted') : markDone ? t('inbox.reply.sendingDone') : t('inbox.reply.sending'));
        },
        onError: (error) => notifyError(error),
      },
    );
  };

  const network = channel ? networkLook(channel.network).name : null;
  return (
    <Stack gap={6} className="relais-inbox-replybox" data-testid="reply-box">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          {channel && <NetworkGlyph network={channel.network} />}
          <Text size="sm" fw={600} truncate="end">
            {network ? t('inbox.reply.titleOn', { network }) : t('inbox.reply.title')}
          </Text>
        </Group>
        <Select
          size="xs"
          style={{ flex: '0 1 230px', minWidth: 180 }}
          placeholder={t('inbox.reply.saved')}
          data={options}
          value={draft.savedReplyId}
          onChange={pick}
          searchable
          clearable
          leftSection={<IconTemplate size={14} />}
          nothingFoundMessage={saved.isPending ? t('common.loading') : t('inbox.reply.noSaved')}
          comboboxProps={{ withinPortal: true, width: 280, position: 'bottom-end' }}
          aria-label={t('inbox.reply.saved')}
          data-testid="reply-saved"
        />
      </Group>
      <Textarea
        ref={textareaRef}
        autosize
        minRows={3}
        maxRows={12}
        value={draft.text}
        onChange={(event) => setDraft({ ...draft, text: event.currentTarget.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit(event.shiftKey);
          }
        }}
        placeholder={t('inbox.reply.placeholder')}
        aria-label={t('inbox.reply.label', { handle: item.author.handle })}
        data-testid="reply-text"
      />
      {unfilled && (
        <Text size="xs" c="orange.8" data-testid="reply-blank">
          {t('inbox.reply.blank', { blank: unfilled })}
        </Text>
      )}
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          {rules && channel && <CharacterCounter text={draft.text} limits={rules.limits} network={channel.network} showNetwork />}
          <Text size="xs" c="dimmed" visibleFrom="sm">
            {t('inbox.reply.keys')}
          </Text>
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={!ready} loading={send.isPending} onClick={() => submit(false)} data-testid="reply-send">
            {needsApproval ? t('inbox.reply.submit') : t('inbox.reply.send')}
          </Button>
          <Tooltip label={t('inbox.reply.sendDoneHint')} withArrow>
            <Button size="xs" disabled={!ready} loading={send.isPending} onClick={() => submit(true)} data-testid="reply-send-done">
              {needsApproval ? t('inbox.reply.submitDone') : t('inbox.reply.sendDone')}
            </Button>
          </Tooltip>
        </Group>
      </Group>
    </Stack>
  );
}
