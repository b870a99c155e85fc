// Webhook intake, for networks that push events: each channel gets its own
// secret (shown once, stored sealed like tokens); a delivery is accepted only
// when its signature over the raw body checks out with that secret, then goes
// through the same ingest as polls (a post reported by both is one item).
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { ConnectorRegistry } from '../../connectors/registry.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import type { InboxIngest } from './ingest.ts';

export interface InboxWebhooksDeps {
  db: Kysely<Database>;
  registry: ConnectorRegistry;
  box: SecretBox;
  ingest: InboxIngest;
  baseUrl: string;
  now?: () => number;
}

export class InboxWebhooks {
  readonly #deps: InboxWebhooksDeps;

  constructor(deps: InboxWebhooksDeps) {
    this.#deps = deps;
  }

  /** Creates (or replaces) the channel's secret; the only time it is shown. */
  async create(workspaceId: string, channelId: string): Promise<{ url: string; secret: string }> {
    const { db } = this.#deps;
    const channel = await db.selectFrom('channel').select(['id', 'network']).where('workspace_id', '=', workspaceId).where('id', '=', channelId).executeTakeFirst();
    if (!channel) throw new AppError(404, 'inbox_channel_not_found');
    if (!this.#deps.registry.get(channel.network)?.webhook) throw new AppError(422, 'inbox_webhook_unsupported');
    const secret = randomBytes(32).toString('hex');
    const sealed = this.#deps.box.sealJson(secret, `inbox-webhook:${channelId}`);
    const now = (this.#deps.now ?? Date.now)();
    await db
      .insertInto('inbox_webhook')
      .values({ channel_id: channelId, workspace_id: workspaceId, secret: sealed, created_at: now, last_received_at: null })
      .onConflict((oc) => oc.column('channel_id').doUpdateSet({ secret: sealed, created_at: now }))
      .execute();
    return { url: `${this.#deps.baseUrl.replace(/\/+$/, '')}/api/hooks/inbox/${channelId}`, secret };
  }

  /** Checks and ingests one delivery; throws 401 (nothing stored) when the signature is wrong or missing. */
  async receive(channelId: string, headers: Record<string, string | string[] | undefined>, rawBody: Buffer): Promise<{ inserted: number }> {
    const { db } = this.#deps;
    const row = await db
      .selectFrom('inbox_webhook')
      .innerJoin('channel', 'channel.id', 'inbox_webhook.channel_id')
      .select(['inbox_webhook.secret', 'channel.id', 'channel.workspace_id', 'channel.network', 'channel.remote_id', 'channel.server_url'])
      .where('inbox_webhook.channel_id', '=', channelId)
      .executeTakeFirst();
    const webhook = row ? this.#deps.registry.get(row.network)?.webhook : undefined;
    // An unknown channel and a wrong signature look the same from outside.
    if (!row || !webhook) throw new AppError(401, 'inbox_webhook_bad_signature');
    const secret = this.#deps.box.openJson<string>(row.secret, `inbox-webhook:${channelId}`);
    if (!webhook.verify(headers, rawBody, secret)) throw new AppError(401, 'inbox_webhook_bad_signature');
    let body: unknown;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new AppError(400, 'malformed_json');
    }
    const activities = webhook.parse(body, { remoteId: row.remote_id, serverUrl: row.server_url });
    const result = await this.#deps.ingest.ingest({ id: row.id, workspaceId: row.workspace_id, network: row.network, remoteId: row.remote_id }, activities);
    await db.updateTable('inbox_webhook').set({ last_received_at: (this.#deps.now ?? Date.now)() }).where('channel_id', '=', channelId).execute();
    return { inserted: result.inserted };
  }
}
