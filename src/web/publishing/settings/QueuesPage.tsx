// Publishing → Queues: each channel's weekly time slots. "Add to queue" puts a
// post at its channel's next free slot; times are the workspace's wall-clock
// times (09:00 stays 09:00 across daylight-saving changes).
import '@mantine/dates/styles.css';
import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/api-types.ts';
import type { QueueSlot } from '../../../shared/publishing.ts';
import { can } from '../../../shared/roles.ts';
import { useChannels } from '../../api/channels.ts';
import { channelAddress, ChannelAvatar } from '../../channels/networks.tsx';
import { IconBroadcast, IconPlus, IconX } from '../../ui/icons.tsx';
import { notifyError, notifySuccess } from '../../ui/notify.tsx';
import { PageHeader } from '../../ui/page.tsx';
import { Empty, FormSkeleton, QueryError } from '../../ui/states.tsx';
import { useCurrentWorkspace } from '../../workspaces/context.ts';
import { useQueueSlots, useSaveQueueSlots } from '../publishing-api.ts';
import { useZonedFormat } from '../zoned-time.ts';

const weekdays = [1, 2, 3, 4, 5, 6, 7];

function sortSlots(slots: QueueSlot[]): QueueSlot[] {
  const unique = new Map(slots.map((slot) => [`${slot.weekday}-${slot.time}`, slot]));
  return [...unique.values()].sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
}

export function QueuesPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const channels = useChannels(workspace.id);
  const usable = (channels.data ?? []).filter((c) => c.status !== 'disabled');
  const [channelId, setChannelId] = useState<string | null>(null);
  const current = usable.find((c) => c.id === channelId) ?? usable[0] ?? null;
  const zoned = useZonedFormat(workspace.timeZone);

  return (
    <>
      <PageHeader title={t('publishing.queues.title')} description={t('publishing.queues.description', { zone: zoned.zoneLabel })} />
      {channels.isPending ? (
        <FormSkeleton />
      ) : channels.isError ? (
        <QueryError error={channels.error} onRetry={() => void channels.refetch()} />
      ) : !current ? (
        <Empty icon={<IconBroadcast size={26} />} title={t('publishing.queues.noChannels')} />
      ) : (
        <Stack gap="md">
          {usable.length > 1 && (
            <SegmentedControl
              value={current.id}
              onChange={setChannelId}
              data={usable.map((c) => ({
                value: c.id,
                label: (
                  <Group gap={6} wrap="nowrap" justify="center">
                    <ChannelAvatar channel={c} size={18} />
                    <span>{channelAddress(c)}</span>
                  </Group>
                ),
              }))}
              style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
              data-testid="queue-channel"
            />
          )}
          <QueueEditor key={current.id} workspaceId={workspace.id} channel={current} editable={can(workspace.role, 'content:publish')} />
        </Stack>
      )}
    </>
  );
}

function QueueEditor({ workspaceId, channel, editable }: { workspaceId: string; channel: Channel; editable: boolean }) {
  const { t } = useTranslation();
  const slots = useQueueSlots(workspaceId, channel.id);
  const save = useSaveQueueSlots(workspaceId);
  const [draft, setDraft] = useState<QueueSlot[] | null>(null);
  const [adding, setAdding] = useState<Record<number, string>>({});
  if (slots.isPending) return <FormSkeleton />;
  if (slots.isError) return <QueryError error={slots.error} onRetry={() => void slots.refetch()} />;
  const value = draft ?? sortSlots(slots.data);
  const dirty = draft !== null && JSON.stringify(draft) !== JSON.stringify(sortSlots(slots.data));
  const add = (weekday: number, time: string) => {
    if (!/^\d{2}:\d{2}$/.test(time)) return;
    setDraft(sortSlots([...value, { weekday, time }]));
    setAdding((a) => ({ ...a, [weekday]: '' }));
  };
  const everyWeekday = (time: string) => setDraft(sortSlots([...value, ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, time }))]));

  return (
    <Paper withBorder radius="md" shadow="xs" style={{ overflow: 'hidden' }} data-testid="queue-editor" data-handle={channel.handle}>
      <Table.ScrollContainer minWidth={360}>
        <Table verticalSpacing="sm" horizontalSpacing="lg" className="relais-table">
          <Table.Tbody>
            {weekdays.map((weekday) => {
              const day = value.filter((slot) => slot.weekday === weekday);
              return (
                <Table.Tr key={weekday} data-testid="queue-day" data-weekday={weekday}>
                  <Table.Td w={130}>
                    <Text size="sm" fw={600}>
                      {t(`publishing.weekdays.${weekday}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td className="relais-wrap">
                    <Group gap={6} wrap="wrap">
                      {day.length === 0 && (
                        <Text size="xs" c="dimmed">
                          {t('publishing.queues.noSlot')}
                        </Text>
                      )}
                      {day.map((slot) => (
                        <Badge
                          key={slot.time}
                          variant="light"
                          size="lg"
                          radius="sm"
                          tt="none"
                          rightSection={
                            editable ? (
                              <ActionIcon size="xs" variant="transparent" color="gray" aria-label={t('publishing.queues.remove', { time: slot.time })} onClick={() => setDraft(value.filter((s) => s !== slot))}>
                                <IconX size={12} />
                              </ActionIcon>
                            ) : undefined
                          }
                          data-testid="queue-slot"
                        >
                          {slot.time}
                        </Badge>
                      ))}
                      {editable && (
                        <Group gap={4} wrap="nowrap">
                          <TimeInput
                            size="xs"
                            w={96}
                            aria-label={t('publishing.queues.addFor', { day: t(`publishing.weekdays.${weekday}`) })}
                            value={adding[weekday] ?? ''}
                            onChange={(e) => setAdding((a) => ({ ...a, [weekday]: e.currentTarget.value }))}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') add(weekday, adding[weekday] ?? '');
                            }}
                          />
                          <ActionIcon variant="light" size="md" aria-label={t('publishing.queues.add')} onClick={() => add(weekday, adding[weekday] ?? '')} disabled={!adding[weekday]}>
                            <IconPlus size={14} />
                          </ActionIcon>
                        </Group>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editable && (
        <Group justify="space-between" p="md" gap="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Group gap="xs">
            <Button size="xs" variant="subtle" onClick={() => everyWeekday('09:00')}>
              {t('publishing.queues.weekdays9')}
            </Button>
            {value.length > 0 && (
              <Button size="xs" variant="subtle" color="gray" onClick={() => setDraft([])}>
                {t('publishing.queues.clear')}
              </Button>
            )}
          </Group>
          <Group gap="xs">
            {dirty && (
              <Button variant="default" onClick={() => setDraft(null)}>
                {t('common.cancel')}
              </Button>
            )}
            <Button
              disabled={!dirty}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { channelId: channel.id, slots: value },
                  {
                    onSuccess: () => {
                      setDraft(null);
                      notifySuccess(t('publishing.queues.saved', { address: channelAddress(channel) }));
                    },
                    onError: (error) => notifyError(error),
                  },
                )
              }
              data-testid="queue-save"
            >
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      )}
    </Paper>
  );
}
