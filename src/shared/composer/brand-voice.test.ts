import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBrandVoice, foldTerm, isSearchableTerm, type BrandRule, type ForbiddenTermFinding } from './brand-voice.ts';

let nextId = 0;
function rule(kind: BrandRule['kind'], term: string, extra: Partial<BrandRule> = {}): BrandRule {
  nextId += 1;
  return { id: `r${nextId}`, kind, term, suggestion: null, note: null, networks: null, ...extra };
}

/** The forbidden findings as "match@offset" (what a person would see underlined). */
function found(text: string, rules: BrandRule[], network?: string): string[] {
  return checkBrandVoice(text, rules, network)
    .filter((f): f is ForbiddenTermFinding => f.kind === 'forbidden')
    .map((f) => {
      assert.equal(text.slice(f.offset, f.offset + f.length), f.match, 'offset and length point at the match');
      return `${f.match}@${f.offset}`;
    });
}

describe('checkBrandVoice', () => {
  test('a forbidden term is found whatever its case and accents, with its suggestion and note', () => {
    const consommateur = rule('forbidden', 'consommateur', { suggestion: 'client', note: 'Nous parlons à des personnes, pas à des consommateurs.' });
    const findings = checkBrandVoice('Chaque Consommateur compte.', [consommateur]);
    assert.deepEqual(findings, [
      { kind: 'forbidden', ruleId: consommateur.id, term: 'consommateur', match: 'Consommateur', offset: 7, length: 12, suggestion: 'client', note: 'Nous parlons à des personnes, pas à des consommateurs.' },
    ]);
    assert.deepEqual(found('Votre électricité verte', [rule('forbidden', 'electricite')]), ['électricité@6']);
    assert.deepEqual(found('Votre ELECTRICITE verte', [rule('forbidden', 'Électricité')]), ['ELECTRICITE@6']);
    assert.deepEqual(found('Un cœur gros comme ça', [rule('forbidden', 'coeur')]), ['cœur@3']);
  });

  test('accents written as separate combining marks are part of the match', () => {
    const decomposed = 'e\u0301lectricite\u0301 !';
    const [finding] = checkBrandVoice(decomposed, [rule('forbidden', 'électricité')]) as ForbiddenTermFinding[];
    assert.equal(finding.offset, 0);
    assert.equal(finding.length, decomposed.length - 2, 'the final accent is inside the match');
  });

  test('whole words only: no match inside a longer word', () => {
    const client = rule('forbidden', 'client');
    assert.deepEqual(found('Notre clientèle et nos clients', [client]), []);
    assert.deepEqual(found('Le client est roi', [client]), ['client@3']);
    assert.deepEqual(found('Bienvenue à tous', [rule('forbidden', 'tou')]), []);
  });

  test('French elisions with either apostrophe: the word after the apostrophe is found', () => {
    const electricite = rule('forbidden', 'électricité');
    assert.deepEqual(found("L'électricité et d’électricité", [electricite]), ['électricité@2', 'électricité@19']);
    // A term written with an apostrophe matches either apostrophe in the text.
    const aujourdhui = rule('forbidden', "aujourd'hui", { suggestion: 'ce jour' });
    assert.deepEqual(found('Dès aujourd’hui, et aujourd\'hui encore', [aujourdhui]), ['aujourd’hui@4', "aujourd'hui@20"]);
    assert.deepEqual(found("The brand's voice", [rule('forbidden', 'brand')]), ['brand@4']);
  });

  test('phrases match across any white space, including the no-break spaces of French typography', () => {
    const phrase = rule('forbidden', 'service après-vente', { suggestion: 'équipe support' });
    assert.deepEqual(found('Contactez le Service  Apres-vente.', [phrase]), ['Service  Apres-vente@13']);
    assert.deepEqual(found('Le service\u00a0après‑vente répond', [phrase]), ['service\u00a0après‑vente@3']);
    assert.deepEqual(found('Le service client après-vente', [phrase]), [], 'words in between break the phrase');
  });

  test('a term ending in * matches every word that starts so', () => {
    const consommateurs = rule('forbidden', 'consommateur*');
    assert.deepEqual(found('Consommateurs et consommatrices, consommateur', [consommateurs]), ['Consommateurs@0', 'consommateur@33']);
  });

  test('each occurrence is reported, in the order of the text', () => {
    const text = 'Promo ! Une promo, encore une PROMO.';
    const findings = checkBrandVoice(text, [rule('forbidden', 'encore'), rule('forbidden', 'promo')]);
    assert.deepEqual(
      findings.map((f) => (f.kind === 'forbidden' ? f.offset : -1)),
      [0, 12, 19, 30],
    );
  });

  test('a required term that is missing is reported; present in any case or accent, it is not', () => {
    const pub = rule('required', '#pub', { note: 'Partenariat rémunéré : obligation légale.' });
    assert.deepEqual(checkBrandVoice('Découvrez notre nouvelle gamme', [pub]), [{ kind: 'missing', ruleId: pub.id, term: '#pub', note: 'Partenariat rémunéré : obligation légale.' }]);
    assert.deepEqual(checkBrandVoice('Découvrez notre gamme #PUB', [pub]), []);
    assert.deepEqual(checkBrandVoice('Découvrez notre gamme #publicité', [pub]), [checkBrandVoice('', [pub])[0]], '#publicité is not #pub');
    const slogan = rule('required', 'Énergie positive');
    assert.deepEqual(checkBrandVoice("L'energie   positive, c'est nous", [slogan]), []);
  });

  test('forbidden findings come first, then missing ones', () => {
    const findings = checkBrandVoice('Cher consommateur', [rule('required', 'Relais'), rule('forbidden', 'consommateur')]);
    assert.deepEqual(findings.map((f) => f.kind), ['forbidden', 'missing']);
  });

  test('network scope: a rule limited to networks applies only to posts for them', () => {
    const onlyMastodon = rule('forbidden', 'tweet', { networks: ['mastodon'], suggestion: 'pouet' });
    const everywhere = rule('forbidden', 'consommateur');
    const text = 'Un tweet pour chaque consommateur';
    assert.deepEqual(found(text, [onlyMastodon, everywhere], 'mastodon'), ['tweet@3', 'consommateur@21']);
    assert.deepEqual(found(text, [onlyMastodon, everywhere], 'bluesky'), ['consommateur@21']);
    assert.deepEqual(found(text, [onlyMastodon, everywhere]), ['consommateur@21'], 'without a network, only rules for every network');
    const requiredOnBluesky = rule('required', '#ad', { networks: ['bluesky'] });
    assert.equal(checkBrandVoice('Hello', [requiredOnBluesky], 'bluesky').length, 1);
    assert.equal(checkBrandVoice('Hello', [requiredOnBluesky], 'mastodon').length, 0);
  });

  test('regular-expression characters in a term are plain text', () => {
    assert.deepEqual(found('Prix (TTC) : 10 €', [rule('forbidden', '(TTC)')]), ['(TTC)@5']);
    assert.deepEqual(found('a.b.c', [rule('forbidden', 'a+b')]), []);
  });

  test('a term without a letter or digit never matches', () => {
    assert.equal(isSearchableTerm('  ’ - '), false);
    assert.equal(isSearchableTerm('Relais'), true);
    assert.deepEqual(checkBrandVoice('anything ’ - at all', [rule('forbidden', ' ’ - '), rule('required', '***')]), []);
  });

  test('foldTerm compares terms the way matching does', () => {
    assert.equal(foldTerm('  Service   Après’Vente '), "service apres'vente");
    assert.equal(foldTerm('Straße'), 'strasse');
  });
});
