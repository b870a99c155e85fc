// Connecting a Mastodon account by OAuth 2 + PKCE, through Relais' own routes,
// against the local server replaying Mastodon's documented API (no Mastodon
// server installs here): approve, deny, reused state, a server that is not Mastodon.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { startMastodonReplay, type MastodonReplayServer } from '../peers/mastodon/replay-server.ts';
import { onCleanup } from '../support/cleanup.ts';
import { startTestRelais, setUpAdminAndWorkspace, type TestRelais, type ApiClient } from '../support/relais.ts';

type Channel = { id: string; handle: string; status: string; network: string };

describe('channels: Mastodon by OAuth (replay server)', () => {
  let relais: TestRelais;
  let admin: ApiClient;
  let workspaceId: string;
  let mastodon: MastodonReplayServer;

  before(async () => {
    mastodon = await startMastodonReplay();
    mastodon.createAccount('maisondupont', { displayName: 'Maison Dupont' });
    onCleanup(() => mastodon.close());
    relais = await startTestRelais('sqlite', { RELAIS_ALLOW_PRIVATE_URLS: 'true' });
    ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
  });

  /** Plays the browser: start, follow the instance's redirect, land on Relais' callback. */
  async function authorize(): Promise<{ location: URL; callback: string }> {
    const started = await admin.post<{ authorizeUrl: string }>(`/api/workspaces/${workspaceId}/channels/oauth`, { network: 'mastodon', serverUrl: mastodon.origin });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    const authorizeUrl = new URL(started.body.authorizeUrl);
    assert.equal(authorizeUrl.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authorizeUrl.searchParams.get('code_challenge'));
    const atInstance = await fetch(authorizeUrl, { redirect: 'manual' });
    const callback = atInstance.headers.get('location')!;
    assert.ok(callback.startsWith(`${relais.baseUrl}/api/oauth/mastodon/callback`), callback);
    const back = await admin.request('GET', callback.slice(relais.baseUrl.length));
    assert.equal(back.status, 302);
    return { location: new URL(back.headers.get('location')!, relais.baseUrl), callback };
  }

  test('approve → the channel is connected, once the PKCE verifier matched', async () => {
    const { location, callback } = await authorize();
    assert.equal(location.pathname, `/w/${workspaceId}/settings/channels`);
    const connectedId = location.searchParams.get('connected');
    assert.ok(connectedId, location.toString());
    const channels = (await admin.get<{ channels: Channel[] }>(`/api/workspaces/${workspaceId}/channels`)).body.channels;
    assert.deepEqual(channels.map((c) => [c.id, c.network, c.handle, c.status]), [[connectedId, 'mastodon', channels[0].handle, 'connected']]);
    assert.match(channels[0].handle, /maisondupont/);
    const token = mastodon.requests.find((r) => r.path === '/oauth/token');
    assert.ok(token?.fields.code_verifier, 'the code was exchanged with the PKCE verifier');
    assert.equal(mastodon.requests.filter((r) => r.path === '/api/v1/apps').length, 1, 'Relais registered itself once');

    // The same callback again (a reload, or a replay): the state was single-use.
    const replay = await admin.request('GET', callback.slice(relais.baseUrl.length));
    assert.equal(new URL(replay.headers.get('location')!, relais.baseUrl).searchParams.get('error'), 'oauth_state_expired');
    const row = await relais.relais.services.database.db.selectFrom('oauth_app').selectAll().executeTakeFirstOrThrow();
    assert.match(row.client_secret, /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/, 'the client secret is sealed');
    const issued = [...mastodon.state.apps.values()].map((app) => app.clientSecret);
    assert.ok(issued.length > 0 && issued.every((secret) => !row.client_secret.includes(secret)));
  });

  test('a second connection reuses the registered app', async () => {
    await authorize();
    assert.equal(mastodon.requests.filter((r) => r.path === '/api/v1/apps').length, 1);
    assert.equal((await admin.get<{ channels: Channel[] }>(`/api/workspaces/${workspaceId}/channels`)).body.channels.length, 1, 'same account: same channel');
  });

  test('denied on the instance → back to Relais with a clear error, nothing connected', async () => {
    mastodon.options.authorization = 'deny';
    const before = (await admin.get<{ channels: Channel[] }>(`/api/workspaces/${workspaceId}/channels`)).body.channels;
    const { location } = await authorize();
    mastodon.options.authorization = 'approve';
    assert.equal(location.searchParams.get('error'), 'oauth_denied');
    assert.deepEqual((await admin.get<{ channels: Channel[] }>(`/api/workspaces/${workspaceId}/channels`)).body.channels, before);
  });

  test('an authorization that took longer than 10 minutes is refused, and nothing is connected', async () => {
    const started = await admin.post<{ authorizeUrl: string }>(`/api/workspaces/${workspaceId}/channels/oauth`, { network: 'mastodon', serverUrl: mastodon.origin });
    const db = relais.relais.services.database.db;
    await db.updateTable('oauth_state').set({ expires_at: Date.now() - 1 }).execute();
    const callback = (await fetch(started.body.authorizeUrl, { redirect: 'manual' })).headers.get('location')!;
    const before = (await admin.get<{ channels: Channel[] }>(`/api/workspaces/${workspaceId}/channels`)).body.channels;
    const back = await admin.request('GET', callback.slice(relais.baseUrl.length));
    assert.equal(new URL(back.headers.get('location')!, relais.baseUrl).searchParams.get('error'), 'oauth_state_expired');
    assert.deepEqual((await admin.get<{ channels: Channel[] }>(`/api/workspaces/${workspaceId}/channels`)).body.channels, before);
    assert.equal((await db.selectFrom('oauth_state').selectAll().execute()).length, 0, 'the stale state is gone');
  });

  test('a server that is not Mastodon, and one that does not answer, are named as such (in French)', async () => {
    const plain = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not here</h1>'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise<void>((resolve) => plain.close(() => resolve())));
    const port = (plain.address() as { port: number }).port;
    admin.locale = 'fr';
    const notMastodon = await admin.post<{ code: string; message: string }>(`/api/workspaces/${workspaceId}/channels/oauth`, { network: 'mastodon', serverUrl: `http://127.0.0.1:${port}` });
    const nobody = await admin.post<{ code: string; message: string }>(`/api/workspaces/${workspaceId}/channels/oauth`, { network: 'mastodon', serverUrl: 'http://127.0.0.1:1' });
    admin.locale = 'en';
    assert.equal(notMastodon.body.code, 'channel_not_mastodon');
    assert.match(notMastodon.body.message, /ne semble pas être un serveur Mastodon/);
    assert.equal(nobody.body.code, 'channel_unreachable');
    assert.match(nobody.body.message, /Impossible de joindre/);
  });
});
