// What can be done to the checked messages at once: done, assign, tag, spam,
// snooze. One request for all of them (all or nothing, on the server).
import { useState } from 'react';
import { ActionIcon, Button, CloseButton, Group, Menu, Popover, Stack, TagsInput, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ItemUpdate, TeammateView } from '../../shared/inbox.ts';
import { IconCircleCheck, IconBan, IconClock, IconTag, IconUserPlus } from '../ui/icons.tsx';
import { MemberAvatar } from './item-bits.tsx';
import { SnoozeMenu } from './SnoozeMenu.tsx';

export function BulkBar({
  count,
  teammates,
  tagSuggestions,
  timeZone,
  busy,
  onApply,
  onClear,
}: {
  count: number;
  teammates: TeammateView[];
  tagSuggestions: string[];
  timeZone: string;
  busy: boolean;
  onApply: (update: ItemUpdate) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [tags, setTags] = useState<string[]>([]);
  const [tagOpen, setTagOpen] = useState(false);
  return (
    <Group gap={6} px="sm" py={6} className="relais-inbox-bulk" data-testid="inbox-bulk" wrap="nowrap">
      <Text size="sm" fw={600} mr={4} aria-live="polite" style={{ whiteSpace: 'nowrap' }}>
        {t('inbox.bulk.selected', { count })}
      </Text>
      <Button size="compact-xs" variant="light" leftSection={<IconCircleCheck size={14} />} loading={busy} onClick={() => onApply({ status: 'done' })} data-testid="bulk-done">
        {t('inbox.actions.markDone')}
      </Button>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Tooltip label={t('inbox.actions.assign')} withArrow>
            <ActionIcon variant="light" size="md" aria-label={t('inbox.actions.assign')} data-testid="bulk-assign">
              <IconUserPlus size={15} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          {teammates.map((member) => (
            <Menu.Item key={member.userId} leftSection={<MemberAvatar name={member.name} size={20} />} onClick={() => onApply({ assigneeId: member.userId })}>
              {member.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => onApply({ assigneeId: null })}>{t('inbox.actions.unassign')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Popover opened={tagOpen} onChange={setTagOpen} position="bottom-start" withinPortal trapFocus shadow="md">
        <Popover.Target>
          <Tooltip label={t('inbox.actions.tag')} withArrow disabled={tagOpen}>
            <ActionIcon variant="light" size="md" onClick={() => setTagOpen((o) => !o)} aria-label={t('inbox.actions.tag')} data-testid="bulk-tag">
              <IconTag size={15} />
            </ActionIcon>
          </Tooltip>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" w={260}>
            <TagsInput size="xs" data={tagSuggestions} value={tags} onChange={setTags} placeholder={t('inbox.actions.tagPlaceholder')} aria-label={t('inbox.actions.tag')} data-autofocus data-testid="bulk-tag-input" />
            <Button
              size="xs"
              disabled={tags.length === 0}
              onClick={() => {
                onApply({ addTags: tags });
                setTags([]);
                setTagOpen(false);
              }}
              data-testid="bulk-tag-apply"
            >
              {t('inbox.bulk.addTags', { count })}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <SnoozeMenu timeZone={timeZone} snoozed={false} onPick={(until) => onApply({ snoozedUntil: until })}>
        <Tooltip label={t('inbox.actions.snooze')} withArrow>
          <ActionIcon variant="light" size="md" aria-label={t('inbox.actions.snooze')} data-testid="bulk-snooze">
            <IconClock size={15} />
          </ActionIcon>
        </Tooltip>
      </SnoozeMenu>
      <Tooltip label={t('inbox.actions.spam')} withArrow>
        <ActionIcon variant="light" color="gray" size="md" onClick={() => onApply({ spam: true })} aria-label={t('inbox.actions.spam')} data-testid="bulk-spam">
          <IconBan size={15} />
        </ActionIcon>
      </Tooltip>
      <CloseButton size="sm" ml="auto" onClick={onClear} aria-label={t('inbox.bulk.clear')} data-testid="bulk-clear" />
    </Group>
  );
}
