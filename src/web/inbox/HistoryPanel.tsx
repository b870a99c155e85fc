// Everything that happened to a message, oldest first: who did what (a
// teammate, a rule — marked as such — or Relais), and an Undo on the changes
// that can be taken back, as long as nobody changed the message since.
import { Badge, Button, Group, Text, Timeline, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InboxEventView, TeammateView } from '../../shared/inbox.ts';
import type { ZonedFormat } from '../publishing/zoned-time.ts';
import { notifyError } from '../ui/notify.tsx';
import { describeEvent, eventActor } from './history-text.ts';
import { useUndo } from './item-api.ts';

export function HistoryPanel({ workspaceId, itemId, events, teammates, canWork, zoned }: { workspaceId: string; itemId: number; events: InboxEventView[]; teammates: TeammateView[]; canWork: boolean; zoned: ZonedFormat }) {
  const { t } = useTranslation();
  const undo = useUndo(workspaceId);
  const words = { nameOf: (id: string) => teammates.find((teammate) => teammate.userId === id)?.name ?? null, moment: (iso: string) => zoned.dateTime(iso) };
  return (
    <Timeline bulletSize={10} lineWidth={1} data-testid="item-history">
      {events.map((event) => (
        <Timeline.Item key={event.id} data-action={event.action} data-actor={event.actor.kind} color={event.actor.kind === 'rule' ? 'violet' : undefined}>
          <Group gap={6} justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text size="xs" td={event.reversedAt ? 'line-through' : undefined} c={event.reversedAt ? 'dimmed' : undefined}>
                {describeEvent(event, t, words)}
              </Text>
              <Group gap={6} wrap="nowrap">
                {event.actor.kind === 'rule' ? (
                  <Badge size="xs" color="violet" variant="light" radius="sm" tt="none" data-testid="history-rule">
                    {eventActor(event, t)}
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    {eventActor(event, t)}
                  </Text>
                )}
                <Tooltip label={zoned.dateTime(event.createdAt)} withArrow>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    · {zoned.relative(event.createdAt)}
                  </Text>
                </Tooltip>
                {event.reversedAt && (
                  <Text size="xs" c="dimmed" fs="italic">
                    · {t('inbox.history.undone')}
                  </Text>
                )}
              </Group>
            </div>
            {event.reversible && canWork && (
              <Button
                size="compact-xs"
                variant="subtle"
                loading={undo.isPending && undo.variables?.eventId === event.id}
                onClick={() => undo.mutate({ eventId: event.id, itemId }, { onError: (error) => notifyError(error) })}
                data-testid="history-undo"
              >
                {t('inbox.history.undoAction')}
              </Button>
            )}
          </Group>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
