// Whom a message can be assigned to and a note can mention, on both engines:
// every member who may work the inbox, by name, readable by anyone who reads
// the inbox (an editor, an analyst) while the members list itself (e-mail
// addresses, roles) stays with those who manage members; other workspaces see
// nothing of it.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from '../support/engines.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, type ApiClient, type TestRelais } from '../support/relais.ts';
import type { TeammateView } from '../../src/shared/inbox.ts';

for (const engine of engines) {
  describe(`inbox teammates (${engine})`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let workspaceId: string;
    let editor: ApiClient;
    let analyst: ApiClient;

    before(async () => {
      relais = await startTestRelais(engine);
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      ({ member: editor } = await inviteAndJoin(relais, admin, workspaceId, `lea-${engine}@example.com`, 'editor', 'Léa Martin'));
      await inviteAndJoin(relais, admin, workspaceId, `hugo-${engine}@example.com`, 'contributor', 'Hugo Bernard');
      ({ member: analyst } = await inviteAndJoin(relais, admin, workspaceId, `zoe-${engine}@example.com`, 'analyst', 'Zoé Analyste'));
    });

    test('an editor lists the members who may work the inbox, names only; the members list stays closed to them', async () => {
      const answer = await editor.get<{ teammates: TeammateView[] }>(`/api/workspaces/${workspaceId}/inbox/teammates`);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body.teammates.map((t) => t.name), ['Ada Admin', 'Hugo Bernard', 'Léa Martin']);
      for (const teammate of answer.body.teammates) assert.deepEqual(Object.keys(teammate).sort(), ['name', 'userId']);
      assert.equal((await editor.get(`/api/workspaces/${workspaceId}/members`)).status, 403);
    });

    test('an analyst reads it too; another workspace’s member does not', async () => {
      assert.equal((await analyst.get(`/api/workspaces/${workspaceId}/inbox/teammates`)).status, 200);
      const created = await admin.post<{ workspace: { id: string } }>('/api/workspaces', { name: 'Atelier Voisin', language: 'fr', timeZone: 'Europe/Paris' });
      const { member: stranger } = await inviteAndJoin(relais, admin, created.body.workspace.id, `max-${engine}@example.com`, 'editor', 'Max Voisin');
      assert.equal((await stranger.get(`/api/workspaces/${workspaceId}/inbox/teammates`)).status, 404);
    });
  });
}
