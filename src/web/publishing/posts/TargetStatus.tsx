// A target's state in words: its badge (Draft, Pending approval, Scheduled,
// Publishing, Published, Failed, Needs attention), and what is worth knowing
// beside it — why it waits, why it failed (in the network's words), the link
// to the live post and its first figures.
import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TargetState, TargetView } from '../../../shared/publishing.ts';
import { stateLooks } from '../../calendar/target-states.tsx';
import { IconExternalLink } from '../../ui/icons.tsx';
import { useZonedFormat } from '../zoned-time.ts';

export function TargetStateBadge({ state, size = 'sm' }: { state: TargetState; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { Icon, color } = stateLooks[state];
  return (
    <Badge variant="light" color={color} radius="sm" tt="none" fw={600} size={size} leftSection={<Icon size={12} />} data-testid="target-state" data-state={state}>
      {t(`publishing.states.${state}`)}
    </Badge>
  );
}

const knownHolds = ['paused', 'channel_reconnect_needed', 'rate_limited', 'retrying'];
const knownFailures = ['rejected', 'unavailable', 'outcome_unknown', 'media_not_found', 'media_cannot_fit', 'media_type_not_accepted'];

/** Why a scheduled target waits: "Publishing is paused", "Retrying at 14:05"… */
export function holdText(t: ReturnType<typeof useTranslation>['t'], target: Pick<TargetView, 'holdReason' | 'nextAttemptAt'>, time: (iso: string | null) => string): string | null {
  if (!target.holdReason) return null;
  const reason = knownHolds.includes(target.holdReason) ? target.holdReason : 'other';
  return t(`publishing.hold.${reason}`, { time: time(target.nextAttemptAt) });
}

export function failureText(t: ReturnType<typeof useTranslation>['t'], code: string | null): string {
  return t(`publishing.failure.${code && knownFailures.includes(code) ? code : 'other'}`);
}

/** One line under a target's badge: hold reason, failure, or the live post with its figures. */
export function TargetNote({ target, timeZone }: { target: TargetView; timeZone: string }) {
  const { t } = useTranslation();
  const zoned = useZonedFormat(timeZone);
  const hold = target.state === 'scheduled' ? holdText(t, target, (iso) => zoned.dateTime(iso)) : null;
  if (hold) {
    return (
      <Tooltip label={target.failureMessage} disabled={!target.failureMessage} withArrow multiline w={300}>
        <Text size="xs" c="orange.7" data-testid="target-hold" data-reason={target.holdReason}>
          {hold}
        </Text>
      </Tooltip>
    );
  }
  if (target.state === 'failed' || target.state === 'needs_attention') {
    return (
      <Text size="xs" c={target.state === 'failed' ? 'red.7' : 'orange.7'} data-testid="target-failure" lineClamp={2}>
        {failureText(t, target.failureCode)}
        {target.failureMessage && (
          <Text span size="xs" c="dimmed">
            {' '}
            {t('publishing.failure.networkSaid', { message: target.failureMessage })}
          </Text>
        )}
      </Text>
    );
  }
  if (target.state === 'published') {
    return (
      <Group gap={10} wrap="wrap">
        {target.remoteUrl && (
          <Anchor href={target.remoteUrl} target="_blank" rel="noopener noreferrer" size="xs" onClick={(e) => e.stopPropagation()} data-testid="target-live-link">
            <Group gap={3} wrap="nowrap" component="span">
              {t('publishing.posts.viewLive')}
              <IconExternalLink size={12} />
            </Group>
          </Anchor>
        )}
        {target.metrics && (
          <Tooltip label={t('publishing.posts.metricsAt', { time: zoned.dateTime(target.metrics.at) })} withArrow>
            <Text size="xs" c="dimmed" data-testid="target-metrics">
              {t('publishing.posts.metrics', { likes: target.metrics.likes, reposts: target.metrics.reposts, replies: target.metrics.replies })}
            </Text>
          </Tooltip>
        )}
      </Group>
    );
  }
  return null;
}
