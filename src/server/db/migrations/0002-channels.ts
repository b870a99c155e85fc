// Social accounts connected to a workspace ("channels"), and what the OAuth
// flows need to remember between the redirect out and the callback.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('channel')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    // The account on the network (a Bluesky DID, a Mastodon account id): reconnecting it keeps the channel.
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('server_url', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('avatar_url', 'text')
    .addColumn('profile_url', 'text')
    // Sealed with the secret box, bound to the channel id; null once disconnected.
    .addColumn('credentials', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('rate_limited_until', 'bigint')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('channel_account_unique', ['workspace_id', 'network', 'remote_id', 'server_url'])
    .execute();
  await db.schema.createIndex('channel_workspace_idx').on('channel').columns(['workspace_id', 'network']).execute();

  // One OAuth application per Mastodon-compatible instance, registered on first use.
  await db.schema
    .createTable('oauth_app')
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('server_url', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text', (c) => c.notNull())
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('oauth_app_pk', ['network', 'server_url', 'redirect_uri'])
    .execute();

  // A pending authorization: the state sent out, its PKCE verifier (sealed), and who asked.
  await db.schema
    .createTable('oauth_state')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('server_url', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
}
