// How each target state looks on the calendar: an icon and a colour, so that
// the channel keeps the event's colour and the state reads at a glance.
import type { ComponentType } from 'react';
import type { TargetState } from '../../shared/publishing.ts';
import { IconAlert, IconCircleCheck, IconCircleX, IconClock, IconHourglass, IconPencil, IconSend } from '../ui/icons.tsx';

interface StateLook {
  Icon: ComponentType<{ size?: number | string }>;
  /** A Mantine colour name. */
  color: string;
}

export const stateLooks: Record<TargetState, StateLook> = {
  draft: { Icon: IconPencil, color: 'gray' },
  pending_approval: { Icon: IconHourglass, color: 'yellow' },
  scheduled: { Icon: IconClock, color: 'blue' },
  publishing: { Icon: IconSend, color: 'cyan' },
  published: { Icon: IconCircleCheck, color: 'teal' },
  failed: { Icon: IconCircleX, color: 'red' },
  needs_attention: { Icon: IconAlert, color: 'orange' },
};

export function StateIcon({ state, size = 14 }: { state: TargetState; size?: number }) {
  const { Icon, color } = stateLooks[state];
  return (
    <span className="relais-state-icon" style={{ color: `var(--mantine-color-${color}-filled)` }} data-state={state}>
      <Icon size={size} />
    </span>
  );
}
