// One target on the calendar: its state's icon, the time, the channel, the
// start of the text. The channel gives the colour; the state gives the icon.
import type { EventContentArg } from '@fullcalendar/core';
import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { networkLook } from '../channels/networks.tsx';
import type { EntryEventProps } from './calendar-events.ts';
import { StateIcon } from './target-states.tsx';

export function EventContent({ arg }: { arg: EventContentArg }) {
  const { t } = useTranslation();
  const { entry, color } = arg.event.extendedProps as EntryEventProps;
  const { Glyph } = networkLook(entry.network);
  const list = arg.view.type.startsWith('list');
  const stateLabel = t(`publishing.states.${entry.state}`);
  const text = entry.text.trim() || t('calendar.noText');
  const handle = `@${entry.handle.replace(/^@/, '')}`;
  // In a grid cell the account's own name is enough ("@atelier", not "@atelier@mastodon.social"); the tooltip has it all.
  const shortHandle = `@${entry.handle.replace(/^@/, '').split('@')[0].replace(/\.bsky\.social$/, '')}`;
  return (
    <div
      className={`relais-event-body${list ? ' relais-event-body-list' : ''}`}
      style={{ ['--relais-event-color' as string]: `var(--mantine-color-${color}-filled)` }}
      title={`${arg.timeText} · ${handle} · ${stateLabel}\n${text}`}
      data-testid="calendar-event"
      data-target-id={entry.targetId}
      data-post-id={entry.postId}
      data-channel-id={entry.channelId}
      data-state={entry.state}
      data-draggable={arg.isDraggable || undefined}
    >
      <span className="relais-event-line">
        <StateIcon state={entry.state} size={list ? 16 : 13} />
        {!list && (
          <span className="relais-event-time" data-testid="calendar-event-time">
            {arg.timeText}
          </span>
        )}
        <Glyph size={11} className="relais-event-network" aria-hidden="true" />
        <span className="relais-event-handle">{list ? handle : shortHandle}</span>
        {list && <span className="relais-event-state">{stateLabel}</span>}
        {!list && <span className="relais-event-text">{text}</span>}
      </span>
      {list && <span className="relais-event-text relais-event-text-block">{text}</span>}
      {!list && <VisuallyHidden>{stateLabel}</VisuallyHidden>}
    </div>
  );
}
