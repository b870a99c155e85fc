// Settings → Channels through the API, against Bluesky's own local network:
// connect with an app password, refuse bad credentials cleanly, notice a
// session revoked on the network's side, reconnect, disconnect.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { startBlueskyNetwork, loginAs, type BlueskyNetwork } from '../support/bluesky.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, type TestRelais, type ApiClient } from '../support/relais.ts';

type Channel = { id: string; handle: string; status: string; statusReason: string | null; network: string };

describe('channels: Bluesky, on its local network', () => {
  let network: BlueskyNetwork;
  let relais: TestRelais;
  let admin: ApiClient;
  let workspaceId: string;

  before(async () => {
    network = await startBlueskyNetwork({ accounts: [{ handle: 'brand.test', password: 'brand-account-pass' }, { handle: 'fan.test', password: 'fan-account-pass' }] });
    // The local network lives on loopback: this instance's admin allows private addresses.
    relais = await startTestRelais('sqlite', { RELAIS_ALLOW_PRIVATE_URLS: 'true' }, { captureLogs: true });
    ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
  });

  const brandForm = (appPassword: string) => ({ network: 'bluesky', credentials: { serviceUrl: network.pdsUrl, identifier: 'brand.test', appPassword } });

  test('a wrong app password is refused with the network’s reason, in French, and nothing is stored', async () => {
    const db = relais.relais.services.database.db;
    const before = await snapshot(db);
    admin.locale = 'fr';
    const wrong = await admin.post<{ code: string; message: string }>(`/api/workspaces/${workspaceId}/channels`, brandForm('aaaa-bbbb-cccc-dddd'));
    admin.locale = 'en';
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.code, 'channel_auth_failed');
    assert.match(wrong.body.message, /a refusé ces identifiants/);
    const malformed = await admin.post<{ code: string }>(`/api/workspaces/${workspaceId}/channels`, brandForm('my-main-password'));
    assert.equal(malformed.body.code, 'validation', 'only app passwords are accepted');
    assert.deepEqual(await snapshot(db), before);
    assert.equal((await db.selectFrom('channel').selectAll().execute()).length, 0);
  });

  test('connect, see it healthy; the app password is sealed at rest; contributors only read', async () => {
    const appPassword = network.account('brand.test').appPassword!;
    const connected = await admin.post<{ channel: Channel }>(`/api/workspaces/${workspaceId}/channels`, brandForm(appPassword));
    assert.equal(connected.status, 201, JSON.stringify(connected.body));
    assert.equal(connected.body.channel.handle, 'brand.test');
    assert.equal(connected.body.channel.status, 'connected');
    const row = await relais.relais.services.database.db.selectFrom('channel').selectAll().executeTakeFirstOrThrow();
    assert.ok(row.credentials && !row.credentials.includes(appPassword), 'sealed');
    const listed = await admin.get<{ channels: Channel[] }>(`/api/workspaces/${workspaceId}/channels`);
    assert.ok(!JSON.stringify(listed.body).includes(appPassword) && !JSON.stringify(listed.body).includes('Jwt'), 'no secret reaches the browser');

    const { member } = await inviteAndJoin(relais, admin, workspaceId, 'writer@example.com', 'contributor');
    assert.equal((await member.get(`/api/workspaces/${workspaceId}/channels`)).status, 200);
    assert.equal((await member.post(`/api/workspaces/${workspaceId}/channels`, brandForm(appPassword))).status, 403);
    assert.equal((await member.delete(`/api/workspaces/${workspaceId}/channels/${connected.body.channel.id}`)).status, 403);
  });

  test('a session revoked on the network shows "reconnect needed" and admins are emailed; reconnecting keeps the channel', async () => {
    const [channel] = (await admin.get<{ channels: Channel[] }>(`/api/workspaces/${workspaceId}/channels`)).body.channels;
    // The brand revokes Relais' app password from Bluesky's settings.
    const owner = await loginAs(network, 'brand.test', { password: 'account' });
    await owner.call('com.atproto.server.revokeAppPassword', { body: { name: 'relais' } }).catch(async () => {
      const { passwords } = await owner.call<{ passwords: Array<{ name: string }> }>('com.atproto.server.listAppPasswords');
      for (const { name } of passwords) await owner.call('com.atproto.server.revokeAppPassword', { body: { name } });
    });
    const checked = await admin.post<{ channel: Channel }>(`/api/workspaces/${workspaceId}/channels/${channel.id}/check`);
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    assert.equal(checked.body.channel.status, 'reconnect_needed');
    assert.ok(checked.body.channel.statusReason, 'with the reason');
    const mail = await relais.mailbox.next('ada@example.com', /reconnect/i);
    assert.match(mail.text ?? '', /brand\.test/);

    const fresh = await owner.call<{ password: string }>('com.atproto.server.createAppPassword', { body: { name: 'relais-2' } });
    const reconnected = await admin.post<{ channel: Channel }>(`/api/workspaces/${workspaceId}/channels`, brandForm(fresh.password));
    assert.equal(reconnected.body.channel.id, channel.id, 'same channel, history kept');
    assert.equal(reconnected.body.channel.status, 'connected');
  });

  test('no app password or session token ever reaches the logs', async () => {
    const [channel] = (await admin.get<{ channels: Channel[] }>(`/api/workspaces/${workspaceId}/channels`)).body.channels;
    const stored = await relais.relais.services.channels.store.credentials<{ appPassword: string; accessJwt: string; refreshJwt: string }>(channel.id);
    assert.ok(stored?.accessJwt && stored.refreshJwt, 'the session was stored (sealed)');
    const logs = relais.logs();
    assert.ok(logs.includes('xrpc'), 'the connector requests were logged (at debug level)');
    for (const secret of [stored.appPassword, stored.accessJwt, stored.refreshJwt, network.account('brand.test').appPassword!]) {
      assert.ok(!logs.includes(secret), 'a secret was logged');
    }
  });

  test('disconnect erases the tokens and keeps the channel, disabled; both are audited', async () => {
    const [channel] = (await admin.get<{ channels: Channel[] }>(`/api/workspaces/${workspaceId}/channels`)).body.channels;
    assert.equal((await admin.delete(`/api/workspaces/${workspaceId}/channels/${channel.id}`)).status, 204);
    const row = await relais.relais.services.database.db.selectFrom('channel').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.credentials, null);
    assert.equal(row.status, 'disabled');
    const actions = (await admin.get<{ events: Array<{ action: string }> }>(`/api/workspaces/${workspaceId}/audit-events`)).body.events.map((e) => e.action);
    assert.ok(actions.includes('channel_connected') && actions.includes('channel_disconnected'));
  });

  test('without the admin’s permission, a server on a private address is refused (SSRF guard)', async () => {
    const locked = await startTestRelais('sqlite');
    const { admin: lockedAdmin, workspaceId: lockedWorkspace } = await setUpAdminAndWorkspace(locked);
    const refused = await lockedAdmin.post<{ code: string }>(`/api/workspaces/${lockedWorkspace}/channels`, brandForm(network.account('fan.test').appPassword!));
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, 'url_blocked');
  });
});
