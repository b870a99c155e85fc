// One message in the list: who wrote it and where, what they said (two
// lines), and what the team knows of it at a glance — sentiment, language,
// priority, tags, assignee, how long ago, late or not, read or not.
import { memo, type MouseEvent } from 'react';
import { Badge, Checkbox, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/api-types.ts';
import type { InboxItemView, TeammateView } from '../../shared/inbox.ts';
import { ChannelAvatar, channelAddress } from '../channels/networks.tsx';
import { IconArrowBackUp, IconCircleCheck, IconClock, IconNote } from '../ui/icons.tsx';
import type { ZonedFormat } from '../publishing/zoned-time.ts';
import { AuthorAvatar, LanguageTag, MemberAvatar, PriorityFlag, SentimentBadge, authorName } from './item-bits.tsx';

export interface ItemRowProps {
  item: InboxItemView;
  selected: boolean;
  checked: boolean;
  unread: boolean;
  canCheck: boolean;
  channel: Channel | undefined;
  assignee: TeammateView | undefined;
  zoned: ZonedFormat;
  /** "8 min", "3 h", "12 Nov". */
  age: (iso: string) => string;
  onOpen: (itemId: number) => void;
  onCheck: (itemId: number, checked: boolean, range: boolean) => void;
}

export const ItemRow = memo(function ItemRow({ item, selected, checked, unread, canCheck, channel, assignee, zoned, age, onOpen, onCheck }: ItemRowProps) {
  const { t } = useTranslation();
  const name = authorName(item.author);
  const toggle = (event: MouseEvent<HTMLInputElement>) => {
    event.stopPropagation();
    onCheck(item.id, event.currentTarget.checked, event.shiftKey);
  };
  return (
    <div
      className="relais-inbox-row"
      data-selected={selected || undefined}
      data-checked={checked || undefined}
      data-unread={unread || undefined}
      data-overdue={item.overdue || undefined}
      data-status={item.status}
      data-testid="inbox-item"
      data-item-id={item.id}
      role="listitem"
    >
      {canCheck && (
        <Checkbox
          size="xs"
          checked={checked}
          onChange={() => undefined}
          onClick={toggle}
          aria-label={t('inbox.list.check', { name })}
          className="relais-inbox-row-check"
          data-testid="inbox-item-check"
        />
      )}
      <UnstyledButton className="relais-inbox-row-main" onClick={() => onOpen(item.id)} aria-current={selected || undefined} aria-label={t('inbox.list.open', { name })}>
        <div className="relais-inbox-row-avatar">
          <AuthorAvatar author={item.author} size={34} />
          {channel && (
            <span className="relais-inbox-row-channel">
              <ChannelAvatar channel={channel} size={16} />
            </span>
          )}
        </div>
        <div className="relais-inbox-row-body">
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Group gap={4} wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
              {unread && <span className="relais-inbox-unread-dot" aria-label={t('inbox.list.unread')} role="img" />}
              <Text size="sm" fw={unread ? 700 : 600} truncate="end" className="relais-inbox-row-name">
                {name}
              </Text>
              {item.author.displayName && (
                <Text size="xs" c="dimmed" truncate="end" className="relais-inbox-row-handle">
                  @{item.author.handle}
                </Text>
              )}
            </Group>
            <Tooltip label={zoned.dateTime(item.receivedAt)} withArrow openDelay={400}>
              <Text size="xs" c={item.overdue ? 'red.7' : 'dimmed'} fw={item.overdue ? 600 : 400} className="relais-inbox-row-time" data-testid="inbox-item-time">
                {item.overdue && <IconClock size={12} aria-label={t('inbox.list.overdue')} role="img" />}
                {age(item.receivedAt)}
              </Text>
            </Tooltip>
          </Group>
          <Text size="sm" lineClamp={2} className="relais-inbox-excerpt" c={item.status === 'done' ? 'dimmed' : undefined}>
            {item.text}
          </Text>
          <Group gap={6} wrap="nowrap" justify="space-between" mt={2}>
            <Group gap={5} wrap="nowrap" className="relais-inbox-row-meta">
              <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t(`inbox.kind.${item.kind}`)}
                {channel && <span className="relais-visually-hidden">{` · ${channelAddress(channel)}`}</span>}
              </Text>
              <SentimentBadge sentiment={item.sentiment} />
              <LanguageTag language={item.language} />
              <PriorityFlag priority={item.priority} size={12} />
              {item.tags.slice(0, 2).map((tag) => (
                <Badge key={tag} size="xs" variant="outline" color="gray" radius="sm" tt="none" fw={500} className="relais-inbox-tag">
                  {tag}
                </Badge>
              ))}
              {item.tags.length > 2 && (
                <Text span size="xs" c="dimmed">
                  +{item.tags.length - 2}
                </Text>
              )}
            </Group>
            <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
              {item.snoozedUntil && (
                <Tooltip label={t('inbox.list.snoozedUntil', { until: zoned.dateTime(item.snoozedUntil) })} withArrow>
                  <span className="relais-inbox-row-icon" data-testid="inbox-item-snoozed">
                    <IconClock size={13} />
                  </span>
                </Tooltip>
              )}
              {item.noteCount > 0 && (
                <Tooltip label={t('inbox.list.notes', { count: item.noteCount })} withArrow>
                  <span className="relais-inbox-row-icon">
                    <IconNote size={13} />
                  </span>
                </Tooltip>
              )}
              {item.replyCount > 0 && (
                <Tooltip label={t('inbox.list.replied')} withArrow>
                  <span className="relais-inbox-row-icon" data-testid="inbox-item-replied">
                    <IconArrowBackUp size={13} />
                  </span>
                </Tooltip>
              )}
              {item.status === 'done' && (
                <Tooltip label={t('inbox.status.done')} withArrow>
                  <span className="relais-inbox-row-icon" style={{ color: 'var(--mantine-color-teal-filled)' }}>
                    <IconCircleCheck size={14} />
                  </span>
                </Tooltip>
              )}
              {assignee && <MemberAvatar name={assignee.name} size={20} />}
            </Group>
          </Group>
        </div>
      </UnstyledButton>
    </div>
  );
});
