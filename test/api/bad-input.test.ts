// Bad input gets a clear error in the caller's language and changes nothing.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from '../support/engines.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, strongPassword, otherStrongPassword, type TestRelais, type ApiClient, type ApiResponse } from '../support/relais.ts';

type ErrorBody = { code: string; message: string };

for (const engine of engines) {
  describe(`bad input is refused cleanly (${engine})`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;

    before(async () => {
      relais = await startTestRelais(engine);
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      await inviteAndJoin(relais, admin, workspaceId, 'camille@example.com', 'editor');
    });

    /** Runs the request and checks: status, code, a translated message, and an unchanged database. */
    async function refused(run: () => Promise<ApiResponse>, status: number, code: string) {
      const db = relais.relais.services.database.db;
      const before = await snapshot(db);
      const response = await run();
      assert.equal(response.status, status, JSON.stringify(response.body));
      const body = response.body as unknown as ErrorBody;
      assert.equal(body.code, code);
      assert.ok(body.message.length > 5, 'a person-readable message');
      assert.deepEqual(await snapshot(db), before, 'the database changed');
      return body;
    }

    test('inviting an email that is already a member', async () => {
      const body = await refused(() => admin.post(`/api/workspaces/${workspaceId}/invitations`, { email: 'camille@example.com', role: 'editor' }), 409, 'already_member');
      assert.match(body.message, /already a member/);
    });

    test('setup again, once an administrator exists (duplicate setup)', async () => {
      await refused(() => relais.client().post('/api/setup', { name: 'Eve', email: 'eve@example.com', password: strongPassword }), 409, 'setup_done');
    });

    test('a weak password when joining, in French', async () => {
      const invited = await admin.post<{ invitation: { id: string } }>(`/api/workspaces/${workspaceId}/invitations`, { email: 'weak@example.com', role: 'analyst' });
      const fr = relais.client('fr');
      const body = await refused(() => fr.post(`/api/invitations/${invited.body.invitation.id}/accept`, { name: 'Weak', password: 'azertyuiop' }), 400, 'weak_password');
      assert.match(body.message, /trop facile à deviner/);
      const short = await refused(() => fr.post(`/api/invitations/${invited.body.invitation.id}/accept`, { name: 'Weak', password: 'abc' }), 400, 'password_too_short');
      assert.match(short.message, /au moins 10 caractères/);
    });

    test('a reused invitation', async () => {
      const { invitationId } = await inviteAndJoin(relais, admin, workspaceId, 'once@example.com', 'analyst', 'Once');
      const body = await refused(() => relais.client('fr').post(`/api/invitations/${invitationId}/accept`, { name: 'Twice', password: otherStrongPassword }), 409, 'invitation_used');
      assert.match(body.message, /déjà été utilisée/);
    });

    test('an expired invitation', async () => {
      const invited = await admin.post<{ invitation: { id: string } }>(`/api/workspaces/${workspaceId}/invitations`, { email: 'late@example.com', role: 'analyst' });
      const db = relais.relais.services.database.db;
      await db.updateTable('invitation').set({ expiresAt: new Date(Date.now() - 1000) as never }).where('id', '=', invited.body.invitation.id).execute();
      const body = await refused(() => relais.client().post(`/api/invitations/${invited.body.invitation.id}/accept`, { name: 'Late', password: otherStrongPassword }), 410, 'invitation_expired');
      assert.match(body.message, /expired/);
      const shown = await relais.client().get<{ invitation: { status: string } }>(`/api/invitations/${invited.body.invitation.id}`);
      assert.equal(shown.body.invitation.status, 'expired');
    });

    test('a canceled invitation', async () => {
      const invited = await admin.post<{ invitation: { id: string } }>(`/api/workspaces/${workspaceId}/invitations`, { email: 'gone@example.com', role: 'analyst' });
      assert.equal((await admin.delete(`/api/workspaces/${workspaceId}/invitations/${invited.body.invitation.id}`)).status, 204);
      await refused(() => relais.client().post(`/api/invitations/${invited.body.invitation.id}/accept`, { name: 'Gone', password: otherStrongPassword }), 410, 'invitation_canceled');
    });

    test('malformed JSON', async () => {
      const body = await refused(() => admin.request('PATCH', `/api/workspaces/${workspaceId}`, '{"name": "Oops', { 'content-type': 'application/json' }), 400, 'malformed_json');
      assert.match(body.message, /not valid JSON/);
      admin.locale = 'fr';
      const fr = await refused(() => admin.request('POST', `/api/workspaces/${workspaceId}/api-keys`, '{', { 'content-type': 'application/json' }), 400, 'malformed_json');
      assert.match(fr.message, /n'est pas du JSON valide/);
      admin.locale = 'en';
    });

    test('unknown fields and wrong types', async () => {
      const unknown = await refused(() => admin.patch(`/api/workspaces/${workspaceId}`, { name: 'New name', isAdmin: true }), 400, 'validation');
      assert.match(unknown.message, /invalid/);
      await refused(() => admin.post(`/api/workspaces/${workspaceId}/invitations`, { email: 'not-an-email', role: 'editor' }), 400, 'validation');
      await refused(() => admin.post(`/api/workspaces/${workspaceId}/invitations`, { email: 'x@example.com', role: 'emperor' }), 400, 'validation');
      await refused(() => admin.patch(`/api/workspaces/${workspaceId}`, { timeZone: 'Mars/Olympus_Mons' }), 400, 'invalid_time_zone');
    });

    test('sign-up outside an invitation is closed', async () => {
      await refused(() => relais.client().post('/api/auth/sign-up/email', { name: 'Mallory', email: 'mallory@example.com', password: strongPassword }), 404, 'signup_closed');
    });

    test('wrong password many times: refused, then rate limited, in French', async () => {
      const attacker = relais.client('fr');
      const db = relais.relais.services.database.db;
      const before = await snapshot(db);
      const statuses: number[] = [];
      let last: ApiResponse | null = null;
      for (let i = 0; i < 12; i += 1) {
        last = await attacker.post('/api/auth/sign-in/email', { email: 'camille@example.com', password: `wrong-${i}` });
        statuses.push(last.status);
      }
      assert.equal(statuses[0], 401);
      assert.equal((await attacker.post<ErrorBody>('/api/auth/sign-in/email', { email: 'camille@example.com', password: 'wrong' })).body.code, 'rate_limited');
      assert.ok(statuses.includes(429), `expected rate limiting, got ${statuses.join(',')}`);
      assert.match((last!.body as unknown as ErrorBody).message, /Trop de tentatives/);
      assert.ok(last!.headers.get('retry-after'), 'tells when to try again');
      // Even the right password is refused while rate limited.
      const right = await attacker.post('/api/auth/sign-in/email', { email: 'camille@example.com', password: otherStrongPassword });
      assert.equal(right.status, 429);
      assert.deepEqual(await snapshot(db), before);
      const failed = await db.selectFrom('audit_event').select('action').where('action', '=', 'login_failed').execute();
      assert.ok(failed.length >= 10, 'failed logins are in the audit log');
    });
  });
}
