// Accounts, roles, API keys and the audit log, through the API as the web app uses it.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from '../support/engines.ts';
import { linkIn } from '../support/mailbox.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, strongPassword, otherStrongPassword, type TestRelais, type ApiClient } from '../support/relais.ts';

type Me = { user: { id: string; locale: string | null; instanceRole: string | null }; workspaces: Array<{ id: string; role: string }> };

for (const engine of engines) {
  describe(`accounts and roles (${engine})`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;

    before(async () => {
      relais = await startTestRelais(engine);
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
    });

    test('setup is offered once, also to a second instance on the same data', async () => {
      assert.deepEqual((await relais.client().get('/api/setup')).body, { needsSetup: false });
      const second = await startTestRelais(engine, {}, { dataDir: relais.dataDir, databaseUrl: relais.databaseUrl });
      assert.deepEqual((await second.client().get('/api/setup')).body, { needsSetup: false });
      assert.equal((await second.client().post('/api/setup', { name: 'Eve', email: 'eve@example.com', password: strongPassword })).status, 409);
    });

    test('the invitation email leads to an account in the workspace with the invited role', async () => {
      const invited = await admin.post<{ invitation: { emailSent: boolean; link: string } }>(`/api/workspaces/${workspaceId}/invitations`, { email: 'Lea@Example.com', role: 'contributor' });
      assert.equal(invited.status, 201);
      assert.equal(invited.body.invitation.emailSent, true);
      const mail = await relais.mailbox.next('lea@example.com', /Maison Dupont/);
      assert.match(mail.subject ?? '', /vous invite/, 'the workspace is French, so is the mail');
      const link = linkIn(mail, `${relais.baseUrl}/invite/`);
      assert.equal(link, invited.body.invitation.link);
      const id = link.split('/').at(-1)!;
      const lea = relais.client();
      const shown = await lea.get<{ invitation: { workspaceName: string; accountExists: boolean; role: string } }>(`/api/invitations/${id}`);
      assert.deepEqual([shown.body.invitation.workspaceName, shown.body.invitation.accountExists, shown.body.invitation.role], ['Maison Dupont', false, 'contributor']);
      assert.equal((await lea.post(`/api/invitations/${id}/accept`, { name: 'Léa', password: otherStrongPassword })).status, 200);
      const me = await lea.get<Me>('/api/me');
      assert.deepEqual(me.body.workspaces.map((w) => [w.id, w.role]), [[workspaceId, 'contributor']]);
    });

    test('a contributor cannot manage members, invitations, API keys or the audit log', async () => {
      const { member } = await inviteAndJoin(relais, admin, workspaceId, 'contrib@example.com', 'contributor');
      for (const [method, url, body] of [
        ['GET', `/api/workspaces/${workspaceId}/members`],
        ['GET', `/api/workspaces/${workspaceId}/invitations`],
        ['POST', `/api/workspaces/${workspaceId}/invitations`, { email: 'friend@example.com', role: 'admin' }],
        ['GET', `/api/workspaces/${workspaceId}/api-keys`],
        ['POST', `/api/workspaces/${workspaceId}/api-keys`, { name: 'Mine', role: 'editor' }],
        ['GET', `/api/workspaces/${workspaceId}/audit-events`],
        ['PATCH', `/api/workspaces/${workspaceId}`, { name: 'Renamed' }],
        ['POST', '/api/workspaces', { name: 'Own', language: 'en', timeZone: 'UTC' }],
        ['GET', '/api/admin/jobs'],
      ] as const) {
        const response = await member.request(method, url, body);
        assert.equal(response.status, 403, `${method} ${url} answered ${response.status}`);
      }
      assert.equal((await member.get(`/api/workspaces/${workspaceId}`)).status, 200, 'but can read the workspace');
    });

    test('nobody hands out a role above their own, changes their own, or removes the last owner', async () => {
      const { member: adminTwo } = await inviteAndJoin(relais, admin, workspaceId, 'admin2@example.com', 'admin', 'Second Admin');
      const members = (await admin.get<{ members: Array<{ id: string; email: string; role: string }> }>(`/api/workspaces/${workspaceId}/members`)).body.members;
      const owner = members.find((m) => m.email === 'ada@example.com')!;
      const editor = members.find((m) => m.role === 'contributor')!;
      assert.equal((await adminTwo.post(`/api/workspaces/${workspaceId}/invitations`, { email: 'boss@example.com', role: 'owner' })).status, 403);
      assert.equal((await adminTwo.patch(`/api/workspaces/${workspaceId}/members/${editor.id}`, { role: 'owner' })).status, 403);
      assert.equal((await adminTwo.delete(`/api/workspaces/${workspaceId}/members/${owner.id}`)).status, 403);
      assert.equal((await admin.patch<{ code: string }>(`/api/workspaces/${workspaceId}/members/${owner.id}`, { role: 'editor' })).body.code, 'cannot_change_own_role');
      const promoted = await adminTwo.patch<{ member: { role: string } }>(`/api/workspaces/${workspaceId}/members/${editor.id}`, { role: 'editor' });
      assert.equal(promoted.body.member.role, 'editor');
      const audit = await admin.get<{ events: Array<{ action: string; detail: { from?: string; to?: string } | null }> }>(`/api/workspaces/${workspaceId}/audit-events`);
      const change = audit.body.events.find((e) => e.action === 'member_role_changed')!;
      assert.deepEqual(change.detail, { from: 'contributor', to: 'editor' });
    });

    test('API keys: shown once, stored hashed, scoped, revocable', async () => {
      const created = await admin.post<{ secret: string; apiKey: { id: string; prefix: string } }>(`/api/workspaces/${workspaceId}/api-keys`, { name: 'Reporting', role: 'analyst' });
      assert.equal(created.status, 201);
      const { secret, apiKey } = created.body;
      assert.match(secret, /^rls_[A-Za-z0-9_-]{40,}$/);
      assert.ok(secret.startsWith(apiKey.prefix));
      const listed = await admin.get<{ apiKeys: unknown[] }>(`/api/workspaces/${workspaceId}/api-keys`);
      assert.ok(!JSON.stringify(listed.body).includes(secret), 'the secret is never listed');
      const stored = await relais.relais.services.database.db.selectFrom('api_key').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow();
      assert.notEqual(stored.key_hash, secret);
      assert.ok(!JSON.stringify(stored).includes(secret.slice(10)), 'only a hash is stored');

      const bot = relais.client();
      const asKey = { authorization: `Bearer ${secret}` };
      assert.equal((await bot.request('GET', `/api/workspaces/${workspaceId}`, undefined, asKey)).status, 200);
      assert.equal((await bot.request('PATCH', `/api/workspaces/${workspaceId}`, { name: 'Hacked' }, asKey)).status, 403, 'an analyst key is read-only');
      assert.equal((await bot.request('GET', '/api/me', undefined, asKey)).status, 401, 'a key is not a person');

      assert.equal((await admin.delete(`/api/workspaces/${workspaceId}/api-keys/${apiKey.id}`)).status, 204);
      const revoked = await bot.request<{ code: string }>('GET', `/api/workspaces/${workspaceId}`, undefined, asKey);
      assert.equal(revoked.status, 401);
      assert.equal(revoked.body.code, 'api_key_invalid');
      const actions = (await admin.get<{ events: Array<{ action: string }> }>(`/api/workspaces/${workspaceId}/audit-events`)).body.events.map((e) => e.action);
      assert.ok(actions.includes('api_key_created') && actions.includes('api_key_revoked'));
    });

    test('password reset by email, once per link', async () => {
      const { member } = await inviteAndJoin(relais, admin, workspaceId, 'forgetful@example.com', 'analyst', 'Forgetful');
      await member.post('/api/auth/sign-out');
      const anonymous = relais.client();
      assert.equal((await anonymous.post('/api/auth/request-password-reset', { email: 'forgetful@example.com', redirectTo: '/reset-password' })).status, 200);
      assert.equal((await anonymous.post('/api/auth/request-password-reset', { email: 'nobody@example.com', redirectTo: '/reset-password' })).status, 200, 'no account enumeration');
      const mail = await relais.mailbox.next('forgetful@example.com', /password|mot de passe/i);
      const link = linkIn(mail, `${relais.baseUrl}/api/auth/reset-password/`);
      const redirect = await anonymous.request('GET', link.slice(relais.baseUrl.length));
      assert.equal(redirect.status, 302);
      const token = new URL(redirect.headers.get('location')!, relais.baseUrl).searchParams.get('token')!;
      assert.ok(token);
      const stored = await relais.relais.services.database.db.selectFrom('verification').selectAll().execute();
      assert.ok(stored.length > 0 && !JSON.stringify(stored).includes(token), 'reset tokens are stored hashed');
      assert.equal((await anonymous.post<{ code: string }>('/api/auth/reset-password', { token, newPassword: 'password1234' })).body.code, 'weak_password');
      const newPassword = 'Amber-falcon-77-orchard';
      assert.equal((await anonymous.post('/api/auth/reset-password', { token, newPassword })).status, 200);
      assert.equal((await anonymous.post<{ code: string }>('/api/auth/reset-password', { token, newPassword: 'Another-amber-88-orchard' })).body.code, 'invalid_token');
      assert.equal((await relais.client().post('/api/auth/sign-in/email', { email: 'forgetful@example.com', password: otherStrongPassword })).status, 401);
      assert.equal((await relais.client().post('/api/auth/sign-in/email', { email: 'forgetful@example.com', password: newPassword })).status, 200);
    });

    test('profile language drives API messages; logout ends the session', async () => {
      const { member } = await inviteAndJoin(relais, admin, workspaceId, 'francophone@example.com', 'analyst', 'Francophone');
      assert.equal((await member.patch('/api/me', { locale: 'fr', timeZone: 'Europe/Paris' })).status, 200);
      member.locale = '';
      const refused = await member.get<{ message: string }>(`/api/workspaces/${workspaceId}/members`);
      assert.match(refused.body.message, /autorisation/);
      assert.equal((await member.post('/api/auth/sign-out')).status, 200);
      assert.equal((await member.get('/api/me')).status, 401);
    });

    test('a write from another site is refused (CSRF)', async () => {
      const response = await admin.request('PATCH', `/api/workspaces/${workspaceId}`, { name: 'Evil' }, { origin: 'https://evil.example' });
      assert.equal(response.status, 403);
      assert.equal((response.body as { code: string }).code, 'csrf');
      const missing = await admin.request('PATCH', `/api/workspaces/${workspaceId}`, { name: 'Evil' }, { origin: '' });
      assert.equal(missing.status, 403);
    });

    test('a person in two workspaces sees and switches between both', async () => {
      const second = await admin.post<{ workspace: { id: string } }>('/api/workspaces', { name: 'Agence Soleil', language: 'en', timeZone: 'Europe/London' });
      const me = await admin.get<Me>('/api/me');
      assert.deepEqual(me.body.workspaces.map((w) => w.id).sort(), [workspaceId, second.body.workspace.id].sort());
    });
  });
}
