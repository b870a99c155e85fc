// The opaque cursor of `activitySince`: what was already handed out, so that
// polls return only what is new. listNotifications pages backwards in time and
// its own cursor only says where a page ended, so the connector keeps its own
// high-water mark.
//
// A notification's time (`indexedAt`) is its record's sort time: the earlier of
// when the AppView indexed it and the record's own createdAt. A reply written
// at 10:00:00 and indexed at 10:00:04 is listed at 10:00:00, possibly behind
// one the last poll already saw. So each poll reads back to `top − overlap` and
// skips what the cursor remembers (short hashes of the notifications' URIs seen
// within the overlap). Something listed more than `overlap` behind the newest
// notification seen (a backdated post) is not picked up.
import { createHash } from 'node:crypto';

export const overlapMs = 10 * 60_000;
/** At most this many remembered notifications; past it, the oldest go and the floor rises above them. */
export const maxRemembered = 500;

interface Stored {
  v: 1;
  /** Newest notification time seen (epoch ms). */
  top: number;
  /** Nothing older than this is new (set when the memory overflowed). */
  floor?: number;
  /**
   * The notifications seen within the overlap, comma-separated: each an 8-character
   * hash of its URI followed by how long before `top` it was listed (ms, base 36).
   */
  seen: string;
}

const hashLength = 8;

export class ActivityCursor {
  private top: number | null;
  private floorAt: number | null;
  private readonly seen: Map<string, number>;

  private constructor(state: Stored | null) {
    this.top = state?.top ?? null;
    this.floorAt = state?.floor ?? null;
    this.seen = new Map();
    for (const entry of state?.seen ? state.seen.split(',') : []) {
      const before = parseInt(entry.slice(hashLength), 36);
      if (entry.length > hashLength && Number.isFinite(before)) this.seen.set(entry.slice(0, hashLength), state!.top - before);
    }
  }

  /** Reads a cursor given back by the caller; null (or one this code cannot read) starts afresh. */
  static parse(cursor: string | null): ActivityCursor {
    if (!cursor) return new ActivityCursor(null);
    try {
      const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Stored;
      if (state.v !== 1 || typeof state.top !== 'number' || typeof state.seen !== 'string') return new ActivityCursor(null);
      return new ActivityCursor(state);
    } catch {
      return new ActivityCursor(null);
    }
  }

  /** Whether the cursor has seen anything yet (the first poll reads one page only). */
  get started(): boolean {
    return this.top !== null;
  }

  /** Notifications listed before this time were all handed out already: stop reading back. */
  get floor(): number | null {
    if (this.top === null) return null;
    return Math.max(this.top - overlapMs, this.floorAt ?? -Infinity);
  }

  /** Records a notification; true when it had not been seen before. */
  see(uri: string, at: number): boolean {
    const key = hashOf(uri);
    if (this.seen.has(key)) return false;
    const floor = this.floor;
    if (floor !== null && at < floor) return false;
    this.seen.set(key, at);
    return true;
  }

  /**
   * The cursor to hand back. When nothing was ever seen it still says "started, at the beginning of
   * time": the next poll must read everything new, not only the most recent page as a first poll does.
   */
  serialize(): string {
    if (this.seen.size === 0 && this.top === null) this.top = 0;
    for (const at of this.seen.values()) if (this.top === null || at > this.top) this.top = at;
    const top = this.top!;
    let entries = [...this.seen].filter(([, at]) => at >= top - overlapMs).sort((a, b) => b[1] - a[1]);
    let floor = this.floorAt ?? undefined;
    if (entries.length > maxRemembered) {
      const dropped = entries[maxRemembered][1];
      entries = entries.slice(0, maxRemembered).filter(([, at]) => at > dropped);
      floor = Math.max(floor ?? -Infinity, dropped + 1);
    }
    const seen = entries.map(([hash, at]) => hash + (top - at).toString(36)).join(',');
    const state: Stored = { v: 1, top, ...(floor === undefined ? {} : { floor }), seen };
    return Buffer.from(JSON.stringify(state)).toString('base64url');
  }
}

function hashOf(uri: string): string {
  return createHash('sha256').update(uri).digest().subarray(0, 6).toString('base64url');
}
