// Polls one channel for what people said to the brand. The new items and the
// new cursor are written in ONE transaction: a crash before it commits leaves
// the old cursor (the next poll reads the same activities again and the
// unique key absorbs them); after it, both are there. Nothing is lost, nothing
// doubled, whatever restarts in between.
//
// The pace adapts: a poll that found something brings the next one to the
// minimum interval; each quiet poll doubles it up to the maximum; failures
// back off the same way; a spent rate budget waits until the network says.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ConnectorError, type Connector } from '../../connectors/contract.ts';
import type { ChannelView } from '../channels/channel-store.ts';
import type { InboxIngest } from './ingest.ts';

export interface PollerDeps {
  db: Kysely<Database>;
  ingest: InboxIngest;
  channel(workspaceId: string, channelId: string): Promise<ChannelView | null>;
  /** The channel's own account id on the network. */
  remoteIdOf(channelId: string): Promise<string | null>;
  connectorFor(channel: ChannelView): Promise<Connector | null>;
  reportAuthFailure(workspaceId: string, channelId: string, reason: string): Promise<void>;
  interval: { minMs: number; maxMs: number };
  now?: () => number;
}

export type PollOutcome =
  | { kind: 'polled'; inserted: number; duplicates: number; nextPollAt: number }
  | { kind: 'not_pollable' }
  | { kind: 'failed'; code: string; nextPollAt: number | null };

/** Channel states that are polled (a channel waiting for reconnection is not). */
const pollableStatuses = ['connected', 'rate_limited'];

export class InboxPoller {
  readonly #deps: PollerDeps;
  readonly #now: () => number;

  constructor(deps: PollerDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  async poll(workspaceId: string, channelId: string): Promise<PollOutcome> {
    const { db } = this.#deps;
    const channel = await this.#deps.channel(workspaceId, channelId);
    if (!channel || !pollableStatuses.includes(channel.status)) return { kind: 'not_pollable' };
    const connector = await this.#deps.connectorFor(channel);
    const remoteId = await this.#deps.remoteIdOf(channelId);
    if (!connector || !remoteId || !canPoll(connector)) return { kind: 'not_pollable' };
    const state = await this.state(workspaceId, channelId);
    const started = this.#now();
    let page;
    try {
      page = await connector.activitySince(state.cursor);
    } catch (error) {
      return this.#failed(workspaceId, channelId, state, error, started);
    }
    const batch = await this.#deps.ingest.prepare({ id: channelId, workspaceId, network: channel.network, remoteId }, page.items);
    const outcome = await db.transaction().execute(async (trx) => {
      // Another poll of this channel may have committed meanwhile: only the cursor it left counts.
      const current = await trx.selectFrom('inbox_poll_state').select('cursor').where('channel_id', '=', channelId).executeTakeFirst();
      if ((current?.cursor ?? null) !== state.cursor) return { kind: 'polled' as const, inserted: 0, duplicates: page.items.length, nextPollAt: state.next_poll_at, profiles: [] };
      const result = await this.#deps.ingest.write(batch, trx);
      const busy = result.inserted > 0;
      const interval = busy ? this.#deps.interval.minMs : Math.min(this.#deps.interval.maxMs, Math.max(this.#deps.interval.minMs, state.interval_ms * 2));
      const now = this.#now();
      const nextPollAt = now + interval;
      await trx
        .updateTable('inbox_poll_state')
        .set({
          cursor: page.cursor ?? state.cursor,
          interval_ms: interval,
          next_poll_at: nextPollAt,
          last_polled_at: now,
          ...(busy ? { last_activity_at: now } : {}),
          error_count: 0,
          last_error: null,
          items_total: state.items_total + result.inserted,
        })
        .where('channel_id', '=', channelId)
        .execute();
      return { kind: 'polled' as const, inserted: result.inserted, duplicates: result.duplicates, nextPollAt, profiles: result.profiles };
    });
    const { profiles, ...polled } = outcome;
    await this.#deps.ingest.refreshProfiles(profiles);
    return polled;
  }

  /** The channel's polling state, created on its first poll (due at once). */
  async state(workspaceId: string, channelId: string) {
    const { db } = this.#deps;
    const found = await db.selectFrom('inbox_poll_state').selectAll().where('channel_id', '=', channelId).executeTakeFirst();
    if (found) return { ...found, interval_ms: Number(found.interval_ms), items_total: Number(found.items_total), next_poll_at: Number(found.next_poll_at) };
    const fresh = {
      channel_id: channelId,
      workspace_id: workspaceId,
      cursor: null,
      interval_ms: this.#deps.interval.minMs,
      next_poll_at: this.#now(),
      last_polled_at: null,
      last_activity_at: null,
      error_count: 0,
      last_error: null,
      items_total: 0,
    };
    await db.insertInto('inbox_poll_state').values(fresh).onConflict((oc) => oc.column('channel_id').doNothing()).execute();
    return fresh;
  }

  /** Polls again soon (a person asked, or a webhook hinted that something happened). */
  async pollSoon(channelId: string): Promise<void> {
    await this.#deps.db.updateTable('inbox_poll_state').set({ next_poll_at: this.#now(), interval_ms: this.#deps.interval.minMs }).where('channel_id', '=', channelId).execute();
  }

  async #failed(workspaceId: string, channelId: string, state: { interval_ms: number; error_count: number }, error: unknown, started: number): Promise<PollOutcome> {
    const kind = error instanceof ConnectorError ? error.kind : 'transient';
    const message = error instanceof ConnectorError ? (error.networkMessage ?? error.message) : String(error);
    if (kind === 'auth') {
      // The channel shows "reconnect needed"; polling resumes once it is reconnected (the sweep sees it connected again).
      await this.#deps.reportAuthFailure(workspaceId, channelId, message);
    }
    const errorCount = state.error_count + 1;
    const backOff = Math.min(this.#deps.interval.maxMs, this.#deps.interval.minMs * 2 ** Math.min(errorCount, 10));
    const retryAt = error instanceof ConnectorError && error.retryAt ? error.retryAt.getTime() : null;
    const nextPollAt = kind === 'auth' ? null : Math.max(started + backOff, retryAt ?? 0);
    await this.#deps.db
      .updateTable('inbox_poll_state')
      .set({
        error_count: errorCount,
        last_error: JSON.stringify({ kind, message: message.slice(0, 500) }),
        last_polled_at: this.#now(),
        ...(nextPollAt !== null ? { next_poll_at: nextPollAt } : {}),
      })
      .where('channel_id', '=', channelId)
      .execute();
    return { kind: 'failed', code: `inbox_poll_${kind}`, nextPollAt };
  }
}

function canPoll(connector: Connector): boolean {
  return connector.manifest.capabilities.some((capability) => capability === 'activity.mentions' || capability === 'activity.replies' || capability === 'activity.directMessages');
}
