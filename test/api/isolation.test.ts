// A member of workspace A must learn nothing about workspace B: every route
// that takes a :workspaceId answers 404 for a workspace the caller is not in.
// The routes are enumerated from the running app, so new ones are covered.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from '../support/engines.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, type TestRelais, type ApiClient } from '../support/relais.ts';

for (const engine of engines) {
  describe(`workspace isolation (${engine})`, () => {
    let relais: TestRelais;
    let workspaceA: string;
    let workspaceB: string;
    let memberOfA: ApiClient;
    let apiKeyOfA: string;

    before(async () => {
      relais = await startTestRelais(engine);
      const { admin, workspaceId } = await setUpAdminAndWorkspace(relais, 'Client A');
      workspaceA = workspaceId;
      const b = await admin.post<{ workspace: { id: string } }>('/api/workspaces', { name: 'Client B', language: 'en', timeZone: 'America/New_York' });
      workspaceB = b.body.workspace.id;
      // An owner of A who is not in B: the strongest role must still see nothing of B.
      ({ member: memberOfA } = await inviteAndJoin(relais, admin, workspaceA, 'owner-a@example.com', 'owner', 'Olivia Owner'));
      const key = await admin.post<{ secret: string }>(`/api/workspaces/${workspaceA}/api-keys`, { name: 'Zapier', role: 'admin' });
      apiKeyOfA = key.body.secret;
    });

    test('every route under /api/workspaces/:workspaceId is guarded', () => {
      const routes = registered(relais);
      const scoped = routes.filter((r) => r.url.includes(':workspaceId'));
      assert.ok(scoped.length >= 10, `expected the workspace routes to be registered, found ${scoped.length}`);
      const unguarded = scoped.filter((r) => !r.workspacePermission);
      assert.deepEqual(unguarded, [], 'a workspace route without a workspacePermission would skip the membership check');
    });

    test('a member of A gets 404 for every resource route of B, by session and by API key', async () => {
      const scoped = registered(relais).filter((r) => r.url.includes(':workspaceId'));
      for (const route of scoped) {
        const url = route.url.replace(':workspaceId', workspaceB).replace(/:(\w+)/g, 'some-id');
        const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
        const bySession = await memberOfA.request(route.method, url, body);
        assert.equal(bySession.status, 404, `${route.method} ${route.url} by session answered ${bySession.status}`);
        assert.equal((bySession.body as { code: string }).code, 'not_found');
        const byKey = await memberOfA.request(route.method, url, body, { authorization: `Bearer ${apiKeyOfA}`, cookie: '' });
        assert.equal(byKey.status, 404, `${route.method} ${route.url} by API key answered ${byKey.status}`);
      }
    });

    test('the same routes work for A (the check is not a blanket refusal)', async () => {
      const read = await memberOfA.get(`/api/workspaces/${workspaceA}/members`);
      assert.equal(read.status, 200);
      const byKey = await memberOfA.request('GET', `/api/workspaces/${workspaceA}`, undefined, { authorization: `Bearer ${apiKeyOfA}`, cookie: '' });
      assert.equal(byKey.status, 200);
    });
  });
}

function registered(relais: TestRelais) {
  return relais.relais.routes;
}
