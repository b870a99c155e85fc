// Calendar entries (one per post and channel) as FullCalendar events. An entry
// sits at its publication time once published, else at its planned time; the
// API's instants (ISO with Z) are handed over as strings, so FullCalendar
// places them in the workspace's zone itself.
import type { EventInput } from '@fullcalendar/core';
import type { CalendarEntry, TargetState } from '../../shared/publishing.ts';
import { colorOf, type ChannelColor } from './channel-colors.ts';

/**
 * Targets that can still move: a draft, one waiting for approval, a scheduled
 * one, or one that failed (moving it retries at the new time). A target being
 * published, already out, or waiting for a person's fix stays where it is.
 */
export const movableStates: ReadonlySet<TargetState> = new Set<TargetState>(['draft', 'pending_approval', 'scheduled', 'failed']);

export interface EntryEventProps {
  entry: CalendarEntry;
  color: ChannelColor;
}

export function entryStart(entry: CalendarEntry): string | null {
  return entry.publishedAt ?? entry.scheduledAt;
}

export function postPath(workspaceId: string, postId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/posts/${encodeURIComponent(postId)}`;
}

/** The composer, opened at a wall-clock time of the workspace. */
export function composePath(workspaceId: string, at: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/compose?at=${encodeURIComponent(at)}`;
}

export function toCalendarEvents(
  entries: readonly CalendarEntry[],
  options: { workspaceId: string; colors: ReadonlyMap<string, ChannelColor>; canMove: boolean },
): EventInput[] {
  const events: EventInput[] = [];
  for (const entry of entries) {
    const start = entryStart(entry);
    if (!start) continue;
    const color = colorOf(options.colors, entry.channelId);
    const extendedProps: EntryEventProps = { entry, color };
    events.push({
      id: entry.targetId,
      start,
      allDay: false,
      title: entry.text || entry.handle,
      url: postPath(options.workspaceId, entry.postId),
      startEditable: options.canMove && movableStates.has(entry.state),
      durationEditable: false,
      classNames: ['relais-event', `relais-event-${entry.state}`],
      borderColor: `var(--mantine-color-${color}-filled)`,
      backgroundColor: `var(--mantine-color-${color}-light)`,
      textColor: 'var(--mantine-color-text)',
      extendedProps,
    });
  }
  return events;
}
