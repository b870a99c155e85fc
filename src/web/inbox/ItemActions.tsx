// The team's controls on one message: status, assignee, priority, snooze,
// spam, like, and its tags. Each shows its keyboard shortcut; the page opens
// them from the keyboard through `commands`.
import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { ActionIcon, Button, Group, Kbd, Menu, SegmentedControl, Select, TagsInput, Text, Tooltip, type ComboboxItem } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { priorities, type InboxItemView, type InboxStatus, type ItemUpdate, type Priority, type TeammateView } from '../../shared/inbox.ts';
import { useZonedFormat } from '../publishing/zoned-time.ts';
import { IconBan, IconClock, IconFlag, IconHeart } from '../ui/icons.tsx';
import { MemberAvatar } from './item-bits.tsx';
import { SnoozeMenu } from './SnoozeMenu.tsx';

/** What the keyboard can open in the open message. */
export interface ItemCommands {
  openAssign(): void;
  openSnooze(): void;
  focusTags(): void;
  focusReply(): void;
}

function Shortcut({ label, keys }: { label: string; keys: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span>{label}</span>
      <Kbd size="xs">{keys}</Kbd>
    </Group>
  );
}

export function ItemActions({
  item,
  teammates,
  tagSuggestions,
  timeZone,
  liking,
  onChange,
  onLike,
  commands,
}: {
  item: InboxItemView;
  teammates: TeammateView[];
  tagSuggestions: string[];
  timeZone: string;
  liking: boolean;
  onChange: (change: ItemUpdate) => void;
  onLike: () => void;
  commands: Ref<Omit<ItemCommands, 'focusReply'>>;
}) {
  const { t } = useTranslation();
  const zoned = useZonedFormat(timeZone);
  const [assignOpen, setAssignOpen] = useState(false);
  const [snoozeOpen, setSnoozeOpen] = useState(false);
  const assignRef = useRef<HTMLInputElement>(null);
  const tagsRef = useRef<HTMLInputElement>(null);
  useImperativeHandle(commands, () => ({
    openAssign: () => {
      assignRef.current?.focus();
      setAssignOpen(true);
    },
    openSnooze: () => setSnoozeOpen(true),
    focusTags: () => tagsRef.current?.focus(),
  }));
  const memberById = new Map(teammates.map((member) => [member.userId, member]));

  return (
    <div className="relais-inbox-actions" data-testid="item-actions">
      <Group gap={4} wrap="wrap">
        <SegmentedControl
          size="xs"
          value={item.status}
          onChange={(value) => onChange({ status: value as InboxStatus })}
          data={(['open', 'pending', 'done'] as const).map((status) => ({
            value: status,
            label: status === 'done' ? <Tooltip label={<Shortcut label={t('inbox.actions.markDone')} keys="e" />} withArrow><span>{t('inbox.status.done')}</span></Tooltip> : t(`inbox.status.${status}`),
          }))}
          aria-label={t('inbox.actions.status')}
          data-testid="item-status"
        />
        <Select
          ref={assignRef}
          size="xs"
          w={150}
          placeholder={t('inbox.actions.assignPlaceholder')}
          data={teammates.map((member) => ({ value: member.userId, label: member.name }))}
          renderOption={({ option }: { option: ComboboxItem }) => (
            <Group gap={8} wrap="nowrap">
              <MemberAvatar name={option.label} size={20} />
              <Text size="xs">{option.label}</Text>
            </Group>
          )}
          leftSection={item.assigneeId && memberById.get(item.assigneeId) ? <MemberAvatar name={memberById.get(item.assigneeId)!.name} size={18} /> : undefined}
          value={item.assigneeId}
          onChange={(assigneeId) => onChange({ assigneeId })}
          dropdownOpened={assignOpen}
          onDropdownOpen={() => setAssignOpen(true)}
          onDropdownClose={() => setAssignOpen(false)}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          aria-label={t('inbox.actions.assign')}
          title={t('inbox.actions.assignHint')}
          data-testid="item-assign"
        />
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Tooltip label={t('inbox.actions.priority', { priority: t(`inbox.priority.${item.priority}`) })} withArrow>
              <ActionIcon variant={item.priority > 0 ? 'light' : 'subtle'} color={item.priority === 2 ? 'red' : item.priority === 1 ? 'orange' : 'gray'} size="md" aria-label={t('inbox.actions.priority', { priority: t(`inbox.priority.${item.priority}`) })} data-testid="item-priority">
                <IconFlag size={16} fill={item.priority > 0 ? 'currentColor' : 'none'} />
              </ActionIcon>
            </Tooltip>
          </Menu.Target>
          <Menu.Dropdown>
            {[...priorities].reverse().map((priority) => (
              <Menu.Item
                key={priority}
                leftSection={<IconFlag size={14} fill={priority > 0 ? 'currentColor' : 'none'} style={{ color: priority === 2 ? 'var(--mantine-color-red-filled)' : priority === 1 ? 'var(--mantine-color-orange-filled)' : undefined }} />}
                onClick={() => onChange({ priority: priority as Priority })}
                fw={priority === item.priority ? 700 : undefined}
                data-testid={`priority-${priority}`}
              >
                {t(`inbox.priority.${priority}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <SnoozeMenu timeZone={timeZone} snoozed={item.snoozedUntil !== null} onPick={(snoozedUntil) => onChange({ snoozedUntil })} opened={snoozeOpen} onOpenChange={setSnoozeOpen}>
          <Tooltip label={<Shortcut label={item.snoozedUntil ? t('inbox.list.snoozedUntil', { until: zoned.dateTime(item.snoozedUntil) }) : t('inbox.actions.snooze')} keys="s" />} withArrow disabled={snoozeOpen}>
            {item.snoozedUntil ? (
              <Button size="compact-sm" variant="light" color="violet" leftSection={<IconClock size={14} />} data-testid="item-snooze">
                {zoned.dateTime(item.snoozedUntil)}
              </Button>
            ) : (
              <ActionIcon variant="subtle" color="gray" size="md" aria-label={t('inbox.actions.snooze')} data-testid="item-snooze">
                <IconClock size={16} />
              </ActionIcon>
            )}
          </Tooltip>
        </SnoozeMenu>
        <Tooltip label={item.spam ? t('inbox.actions.notSpam') : t('inbox.actions.spam')} withArrow>
          <ActionIcon variant={item.spam ? 'filled' : 'subtle'} color={item.spam ? 'dark' : 'gray'} size="md" onClick={() => onChange({ spam: !item.spam })} aria-label={item.spam ? t('inbox.actions.notSpam') : t('inbox.actions.spam')} aria-pressed={item.spam} data-testid="item-spam">
            <IconBan size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={item.liked ? t('inbox.actions.liked') : t('inbox.actions.like')} withArrow>
          <ActionIcon variant={item.liked ? 'light' : 'subtle'} color={item.liked ? 'pink' : 'gray'} size="md" onClick={() => !item.liked && onLike()} loading={liking} aria-label={item.liked ? t('inbox.actions.liked') : t('inbox.actions.like')} aria-pressed={item.liked} data-testid="item-like">
            <IconHeart size={16} fill={item.liked ? 'currentColor' : 'none'} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <TagsInput
        ref={tagsRef}
        size="xs"
        mt={6}
        placeholder={item.tags.length ? undefined : t('inbox.actions.tagPlaceholder')}
        data={tagSuggestions}
        value={item.tags}
        onChange={(tags) => onChange({ addTags: tags.filter((tag) => !item.tags.includes(tag)), removeTags: item.tags.filter((tag) => !tags.includes(tag)) })}
        maxTags={20}
        comboboxProps={{ withinPortal: true }}
        aria-label={t('inbox.actions.tags')}
        data-testid="item-tags"
      />
    </div>
  );
}
