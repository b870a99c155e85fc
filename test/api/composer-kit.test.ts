// The composer kit through the API, on both engines: brand-voice rules (owners
// and admins set them, everyone reads them), the workspace dictionary and the
// spell check that honours it, templates and hashtag groups (writers manage
// them). Refusals are translated and change nothing; workspaces never see
// each other's kit.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { engines } from '../support/engines.ts';
import { snapshot } from '../support/db-snapshot.ts';
import { startTestRelais, setUpAdminAndWorkspace, inviteAndJoin, type TestRelais, type ApiClient, type ApiResponse } from '../support/relais.ts';
import type { BrandRuleView, ContentTemplate, DictionaryWord, HashtagGroup, SpellcheckResponse } from '../../src/shared/composer/kit-types.ts';

type ErrorBody = { code: string; message: string };

for (const engine of engines) {
  describe(`composer kit (${engine})`, () => {
    let relais: TestRelais;
    let admin: ApiClient;
    let contributor: ApiClient;
    let analyst: ApiClient;
    let workspaceId: string;
    let otherWorkspaceId: string;
    let base: string;

    before(async () => {
      relais = await startTestRelais(engine);
      ({ admin, workspaceId } = await setUpAdminAndWorkspace(relais));
      base = `/api/workspaces/${workspaceId}`;
      ({ member: contributor } = await inviteAndJoin(relais, admin, workspaceId, 'camille@example.com', 'contributor', 'Camille Martin'));
      ({ member: analyst } = await inviteAndJoin(relais, admin, workspaceId, 'alex@example.com', 'analyst', 'Alex Analyst'));
      const other = await admin.post<{ workspace: { id: string } }>('/api/workspaces', { name: 'Autre client', language: 'fr', timeZone: 'Europe/Paris' });
      otherWorkspaceId = other.body.workspace.id;
    });

    /** Runs the request and checks: status, code, a message in the caller's language, and an unchanged database. */
    async function refused(run: () => Promise<ApiResponse>, status: number, code: string): Promise<ErrorBody> {
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

    describe('brand-voice rules', () => {
      let consommateur: BrandRuleView;

      test('an admin adds, changes and deletes rules; everyone reads them', async () => {
        const created = await admin.post<{ rule: BrandRuleView }>(`${base}/brand-rules`, {
          kind: 'forbidden',
          term: ' consommateur ',
          suggestion: 'client',
          note: 'Nous parlons à des personnes.',
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        consommateur = created.body.rule;
        assert.equal(consommateur.term, 'consommateur');
        assert.equal(consommateur.networks, null);
        assert.equal(consommateur.createdByName, 'Ada Admin');

        const required = await admin.post<{ rule: BrandRuleView }>(`${base}/brand-rules`, { kind: 'required', term: '#pub', suggestion: 'ignored for required terms', networks: ['mastodon', 'bluesky', 'mastodon'] });
        assert.equal(required.status, 201, JSON.stringify(required.body));
        assert.deepEqual(required.body.rule.networks, ['bluesky', 'mastodon']);
        assert.equal(required.body.rule.suggestion, null, 'only a word to avoid has something to say instead');

        const changed = await admin.patch<{ rule: BrandRuleView }>(`${base}/brand-rules/${required.body.rule.id}`, { networks: null, note: 'Obligation légale' });
        assert.equal(changed.status, 200, JSON.stringify(changed.body));
        assert.equal(changed.body.rule.networks, null);
        assert.equal(changed.body.rule.note, 'Obligation légale');
        assert.equal(changed.body.rule.term, '#pub');

        const listed = await contributor.get<{ rules: BrandRuleView[] }>(`${base}/brand-rules`);
        assert.equal(listed.status, 200);
        assert.deepEqual(listed.body.rules.map((rule) => [rule.kind, rule.term]), [
          ['forbidden', 'consommateur'],
          ['required', '#pub'],
        ]);
        assert.equal((await analyst.get(`${base}/brand-rules`)).status, 200);

        assert.equal((await admin.delete(`${base}/brand-rules/${required.body.rule.id}`)).status, 204);
        assert.equal((await admin.delete(`${base}/brand-rules/${required.body.rule.id}`)).status, 404);
      });

      test('a contributor cannot add, change or delete rules (403), and nothing changes', async () => {
        await refused(() => contributor.post(`${base}/brand-rules`, { kind: 'forbidden', term: 'client' }), 403, 'forbidden');
        await refused(() => contributor.patch(`${base}/brand-rules/${consommateur.id}`, { term: 'client' }), 403, 'forbidden');
        await refused(() => contributor.delete(`${base}/brand-rules/${consommateur.id}`), 403, 'forbidden');
      });

      test('bad rules are refused in the caller’s language, and nothing changes', async () => {
        admin.locale = 'fr';
        try {
          const duplicate = await refused(() => admin.post(`${base}/brand-rules`, { kind: 'forbidden', term: 'CONSOMMATEUR' }), 409, 'brand_rule_forbidden_exists');
          assert.match(duplicate.message, /« CONSOMMATEUR » fait déjà partie des mots à éviter/);
          const empty = await refused(() => admin.post(`${base}/brand-rules`, { kind: 'forbidden', term: ' ’ - ' }), 400, 'brand_term_empty');
          assert.match(empty.message, /au moins une lettre ou un chiffre/);
          const network = await refused(() => admin.post(`${base}/brand-rules`, { kind: 'required', term: '#ad', networks: ['myspace'] }), 400, 'network_unknown');
          assert.match(network.message, /ne prend pas en charge ce réseau/);
          const kind = await refused(() => admin.post(`${base}/brand-rules`, { kind: 'maybe', term: 'client' }), 400, 'validation');
          assert.match(kind.message, /ne sont pas valides : kind/);
          await refused(() => admin.post(`${base}/brand-rules`, { kind: 'forbidden', term: 'client', colour: 'red' }), 400, 'validation');
          await refused(() => admin.post(`${base}/brand-rules`, { kind: 'forbidden', term: 'x'.repeat(101) }), 400, 'validation');
          await refused(() => admin.patch(`${base}/brand-rules/${consommateur.id}`, { term: '' }), 400, 'validation');
        } finally {
          admin.locale = 'en';
        }
        const english = await refused(() => admin.post(`${base}/brand-rules`, { kind: 'forbidden', term: 'Consommateur' }), 409, 'brand_rule_forbidden_exists');
        assert.match(english.message, /“Consommateur” is already in the words to avoid/);
        // The same term may be both avoided and (elsewhere) required: that is two rules.
        const both = await admin.post<{ rule: BrandRuleView }>(`${base}/brand-rules`, { kind: 'required', term: 'consommateur' });
        assert.equal(both.status, 201);
        assert.equal((await admin.delete(`${base}/brand-rules/${both.body.rule.id}`)).status, 204);
      });

      test("another workspace's rules are out of reach", async () => {
        const fromOther = await admin.get<{ rules: BrandRuleView[] }>(`/api/workspaces/${otherWorkspaceId}/brand-rules`);
        assert.deepEqual(fromOther.body.rules, []);
        await refused(() => admin.patch(`/api/workspaces/${otherWorkspaceId}/brand-rules/${consommateur.id}`, { term: 'client' }), 404, 'not_found');
        await refused(() => admin.delete(`/api/workspaces/${otherWorkspaceId}/brand-rules/${consommateur.id}`), 404, 'not_found');
        await refused(() => contributor.get(`/api/workspaces/${otherWorkspaceId}/brand-rules`), 404, 'not_found');
      });
    });

    describe('spell check and workspace dictionary', () => {
      /** Suggestions nspell is slow to find come with a later check (`complete: false` until then): ask until they are all there. */
      async function spellcheck(client: ApiClient, workspace: string, text: string, language: string): Promise<SpellcheckResponse> {
        for (let attempt = 0; ; attempt += 1) {
          const response = await client.post<SpellcheckResponse>(`/api/workspaces/${workspace}/spellcheck`, { text, language });
          assert.equal(response.status, 200, JSON.stringify(response.body));
          if (response.body.complete || attempt === 300) return response.body;
          await sleep(200);
        }
      }

      test('French misspellings come with suggestions; the workspace’s words are accepted once added', async () => {
        const text = "Chez Relaiz, l'electricite est verte : https://relaiz.fr #Relaiz @relaiz";
        const first = await spellcheck(contributor, workspaceId, text, 'fr');
        assert.deepEqual(first.issues.map((issue) => [issue.word, issue.offset]), [
          ['Relaiz', 5],
          ['electricite', 15],
        ]);
        assert.ok(first.issues[1].suggestions.includes('électricité'), JSON.stringify(first));

        const added = await contributor.post<{ words: DictionaryWord[] }>(`${base}/dictionary-words`, { word: 'Relaiz' });
        assert.equal(added.status, 201, JSON.stringify(added.body));
        assert.deepEqual(added.body.words.map((entry) => entry.word), ['Relaiz']);
        const again = await contributor.post<{ words: DictionaryWord[] }>(`${base}/dictionary-words`, { word: 'RELAIZ' });
        assert.deepEqual(again.body.words.map((entry) => entry.word), ['Relaiz'], 'adding a word twice changes nothing');

        const second = await spellcheck(contributor, workspaceId, text, 'fr');
        assert.deepEqual(second.issues.map((issue) => issue.word), ['electricite']);
        // Only this workspace accepts it.
        const elsewhere = await spellcheck(admin, otherWorkspaceId, text, 'fr');
        assert.deepEqual(elsewhere.issues.map((issue) => issue.word), ['Relaiz', 'electricite']);

        assert.equal((await analyst.get(`${base}/dictionary-words`)).status, 200);
        assert.equal((await contributor.delete(`${base}/dictionary-words/${encodeURIComponent('relaiz')}`)).status, 204);
        assert.equal((await contributor.delete(`${base}/dictionary-words/relaiz`)).status, 404);
        const third = await spellcheck(contributor, workspaceId, text, 'fr');
        assert.deepEqual(third.issues.map((issue) => issue.word), ['Relaiz', 'electricite']);
      });

      test('an empty text answers at once, with nothing to report (it starts loading the dictionary)', async () => {
        const empty = await contributor.post<SpellcheckResponse>(`${base}/spellcheck`, { text: '  ', language: 'en' });
        assert.equal(empty.status, 200);
        assert.deepEqual(empty.body, { issues: [], complete: true });
      });

      test('English is checked with the English dictionary', async () => {
        const checked = await spellcheck(admin, workspaceId, 'Our new colection is here!', 'en');
        assert.deepEqual(checked.issues.map((issue) => issue.word), ['colection']);
        assert.ok(checked.issues[0].suggestions.includes('collection'));
      });

      test('bad input is refused in the caller’s language; analysts do not compose', async () => {
        contributor.locale = 'fr';
        try {
          const word = await refused(() => contributor.post(`${base}/dictionary-words`, { word: 'deux mots' }), 400, 'dictionary_word_invalid');
          assert.match(word.message, /« deux mots » n’est pas un mot seul/);
          const language = await refused(() => contributor.post(`${base}/spellcheck`, { text: 'Hola', language: 'es' }), 400, 'validation');
          assert.match(language.message, /language/);
          await refused(() => contributor.post(`${base}/spellcheck`, { text: 'x'.repeat(10_001), language: 'fr' }), 400, 'validation');
        } finally {
          contributor.locale = 'en';
        }
        await refused(() => analyst.post(`${base}/spellcheck`, { text: 'Bonjour', language: 'fr' }), 403, 'forbidden');
        await refused(() => analyst.post(`${base}/dictionary-words`, { word: 'Relaiz' }), 403, 'forbidden');
      });
    });

    describe('templates', () => {
      test('writers create, change and delete templates; placeholders stay as written', async () => {
        const created = await contributor.post<{ template: ContentTemplate }>(`${base}/templates`, {
          name: 'Bienvenue',
          language: 'fr',
          text: 'Bonjour {{first_name}}, bienvenue chez {{brand}} !',
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        assert.equal(created.body.template.text, 'Bonjour {{first_name}}, bienvenue chez {{brand}} !');
        assert.equal(created.body.template.createdByName, 'Camille Martin');
        const id = created.body.template.id;

        const renamed = await admin.patch<{ template: ContentTemplate }>(`${base}/templates/${id}`, { name: 'Accueil', language: 'en' });
        assert.equal(renamed.status, 200);
        assert.equal(renamed.body.template.name, 'Accueil');
        assert.equal(renamed.body.template.language, 'en');
        assert.equal(renamed.body.template.text, created.body.template.text);

        const listed = await analyst.get<{ templates: ContentTemplate[] }>(`${base}/templates`);
        assert.deepEqual(listed.body.templates.map((template) => template.name), ['Accueil']);
        await refused(() => analyst.post(`${base}/templates`, { name: 'Analyse', language: 'fr', text: 'Non' }), 403, 'forbidden');
        await refused(() => analyst.delete(`${base}/templates/${id}`), 403, 'forbidden');

        contributor.locale = 'fr';
        try {
          const taken = await refused(() => contributor.post(`${base}/templates`, { name: 'Accueil', language: 'fr', text: 'Autre' }), 409, 'template_name_taken');
          assert.match(taken.message, /Un modèle nommé « Accueil » existe déjà/);
          await refused(() => contributor.post(`${base}/templates`, { name: 'Vide', language: 'fr', text: '   ' }), 400, 'validation');
        } finally {
          contributor.locale = 'en';
        }
        await refused(() => contributor.patch(`/api/workspaces/${otherWorkspaceId}/templates/${id}`, { name: 'Volé' }), 404, 'not_found');
        assert.deepEqual((await admin.get<{ templates: ContentTemplate[] }>(`/api/workspaces/${otherWorkspaceId}/templates`)).body.templates, []);

        assert.equal((await contributor.delete(`${base}/templates/${id}`)).status, 204);
        assert.deepEqual((await admin.get<{ templates: ContentTemplate[] }>(`${base}/templates`)).body.templates, []);
      });
    });

    describe('hashtag groups', () => {
      test('writers create, change and delete groups; hashtags are kept once each, with their #', async () => {
        const created = await contributor.post<{ group: HashtagGroup }>(`${base}/hashtag-groups`, { name: 'Soldes', hashtags: ['soldes', '#Promo', ' #promo ', '##BonPlan'] });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        assert.deepEqual(created.body.group.hashtags, ['#soldes', '#Promo', '#BonPlan']);
        const id = created.body.group.id;

        const changed = await contributor.patch<{ group: HashtagGroup }>(`${base}/hashtag-groups/${id}`, { hashtags: ['#Été2025', 'soldes'] });
        assert.deepEqual(changed.body.group.hashtags, ['#Été2025', '#soldes']);
        assert.equal(changed.body.group.name, 'Soldes');

        assert.deepEqual((await analyst.get<{ groups: HashtagGroup[] }>(`${base}/hashtag-groups`)).body.groups.map((group) => group.name), ['Soldes']);
        await refused(() => analyst.post(`${base}/hashtag-groups`, { name: 'Non', hashtags: ['#non'] }), 403, 'forbidden');

        contributor.locale = 'fr';
        try {
          const invalid = await refused(() => contributor.post(`${base}/hashtag-groups`, { name: 'Rentrée', hashtags: ['#rentrée', '#deux mots'] }), 400, 'hashtag_invalid');
          assert.match(invalid.message, /« #deux mots » n’est pas un hashtag/);
          const taken = await refused(() => contributor.post(`${base}/hashtag-groups`, { name: 'Soldes', hashtags: ['#x'] }), 409, 'hashtag_group_name_taken');
          assert.match(taken.message, /« Soldes » existe déjà/);
          await refused(() => contributor.post(`${base}/hashtag-groups`, { name: 'Vide', hashtags: [] }), 400, 'validation');
          await refused(() => contributor.patch(`${base}/hashtag-groups/${id}`, { hashtags: ['#ok', 'pas ok'] }), 400, 'hashtag_invalid');
        } finally {
          contributor.locale = 'en';
        }
        await refused(() => admin.delete(`/api/workspaces/${otherWorkspaceId}/hashtag-groups/${id}`), 404, 'not_found');

        assert.equal((await contributor.delete(`${base}/hashtag-groups/${id}`)).status, 204);
        assert.equal((await contributor.delete(`${base}/hashtag-groups/${id}`)).status, 404);
      });
    });
  });
}
