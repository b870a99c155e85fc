// "Add to queue": each channel has recurring weekly slots in the workspace's
// time zone; a post takes the channel's next slot that no other post holds.
// Slots are wall-clock times, so 09:00 stays 09:00 across daylight-saving changes.
import { DateTime } from 'luxon';

export interface WeeklySlot {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  minuteOfDay: number;
}

/**
 * The first slot instant after `after` (epoch ms) that is not in `taken`.
 * Looks ahead `weeks` weeks; null when every slot in that horizon is taken or there are no slots.
 */
export function nextFreeSlot(slots: readonly WeeklySlot[], timeZone: string, after: number, taken: ReadonlySet<number>, weeks = 12): number | null {
  if (slots.length === 0) return null;
  const start = DateTime.fromMillis(after, { zone: timeZone }).startOf('day');
  const ordered = [...slots].sort((a, b) => a.minuteOfDay - b.minuteOfDay);
  for (let day = 0; day < weeks * 7; day += 1) {
    const date = start.plus({ days: day });
    for (const slot of ordered) {
      if (slot.weekday !== date.weekday) continue;
      const at = date.set({ hour: Math.floor(slot.minuteOfDay / 60), minute: slot.minuteOfDay % 60, second: 0, millisecond: 0 }).toMillis();
      if (at > after && !taken.has(at)) return at;
    }
  }
  return null;
}
