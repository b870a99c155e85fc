// The real Hunspell dictionaries, in their worker threads.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { SpellChecker, type SpellCheckResult } from './spellcheck.ts';
import { spellTokens } from './spell-tokens.ts';

// Suggestions are asserted on: let them all arrive, however long nspell searches.
const spelling = new SpellChecker({ suggestionBudgetMs: 120_000 });
after(() => spelling.close());

const words = (result: SpellCheckResult) => result.issues.map((issue) => issue.word);

describe('spell check', () => {
  test('French: misspellings are found where they are, with the right word among the suggestions', async () => {
    const text = "Bonjour à tous ! L'electricite verte arrive dans notre communautée, aujourd’hui.";
    const result = await spelling.check(text, 'fr');
    assert.deepEqual(words(result), ['electricite', 'communautée']);
    assert.equal(result.complete, true);
    for (const issue of result.issues) {
      assert.equal(text.slice(issue.offset, issue.offset + issue.length), issue.word);
      assert.ok(issue.suggestions.length >= 1 && issue.suggestions.length <= 5, `1 to 5 suggestions for ${issue.word}`);
    }
    assert.ok(result.issues[0].suggestions.includes('électricité'), result.issues[0].suggestions.join(', '));
    assert.ok(result.issues[1].suggestions.includes('communauté'), result.issues[1].suggestions.join(', '));
  });

  test('French: accents, elisions and both apostrophes are correct French', async () => {
    const text = "L’équipe d'Élodie s'occupe jusqu'à ce soir de l'électricité ; qu’il est beau, ce cœur !";
    assert.deepEqual(await spelling.check(text, 'fr'), { issues: [], complete: true });
  });

  test('English: misspellings with suggestions; contractions and possessives are fine', async () => {
    const text = "Helo everyone, we recieve your messages. It's the brand’s day, don't miss it.";
    const result = await spelling.check(text, 'en');
    assert.deepEqual(words(result), ['Helo', 'recieve']);
    assert.ok(result.issues[0].suggestions.includes('Hello'), result.issues[0].suggestions.join(', '));
    assert.ok(result.issues[1].suggestions.includes('receive'), result.issues[1].suggestions.join(', '));
    assert.ok(result.issues.every((issue) => issue.suggestions.length <= 5));
  });

  test('the same misspelling twice is reported twice', async () => {
    const result = await spelling.check('recieve and recieve', 'en');
    assert.deepEqual(result.issues.map((issue) => issue.offset), [0, 12]);
  });

  test('links, e-mail addresses, mentions, hashtags, placeholders, emoji and numbers are not checked', async () => {
    const text =
      'Voir https://exmple.com/promotiondeouf et boutiqe.shop, écrire à contatc@relais.fr, merci @jeanmarc @marie@mastodn.social #SoldesDeOuf {{prenom_client}} 🚀🎉 10h30 3e 12,50€';
    assert.deepEqual((await spelling.check(text, 'fr')).issues, []);
    // The same made-up words outside those places are reported: the check above is not blind.
    assert.deepEqual(words(await spelling.check('promotiondeouf boutiqe contatc jeanmarc mastodn SoldesDeOuf prenom_client', 'fr')), [
      'promotiondeouf',
      'boutiqe',
      'contatc',
      'jeanmarc',
      'mastodn',
      'SoldesDeOuf',
      'prenom_client',
    ]);
  });

  test("the workspace's own words are accepted in any case, with or without an elision", async () => {
    const text = 'Relaiz et TikTak chez Kréola, l’Oréalys aussi';
    assert.deepEqual(words(await spelling.check(text, 'fr')), ['Relaiz', 'TikTak', 'Kréola', 'Oréalys']);
    assert.deepEqual((await spelling.check(text, 'fr', ['relaiz', 'TIKTAK', 'Kréola', "L'Oréalys"])).issues, []);
  });

  test('names in mixed case get no suggestions (nspell would search for seconds)', async () => {
    const result = await spelling.check('Suivez-nous sur TikTak', 'fr');
    assert.deepEqual(result, { issues: [{ offset: 16, length: 6, word: 'TikTak', suggestions: [] }], complete: true });
  });

  test('suggestions that take longer than the budget come with a later check', async () => {
    const hasty = new SpellChecker({ suggestionBudgetMs: 0 });
    try {
      // nspell needs hundreds of milliseconds to find nothing near this one.
      const first = await hasty.check('Call jeanmarc about recieve', 'en');
      assert.deepEqual(words(first), ['jeanmarc', 'recieve'], 'which words are wrong is always complete');
      assert.equal(first.complete, false);
      let later = first;
      for (let attempt = 0; attempt < 600 && !later.complete; attempt += 1) {
        await sleep(100);
        later = await hasty.check('Call jeanmarc about recieve', 'en');
      }
      assert.equal(later.complete, true);
      assert.ok(later.issues[1].suggestions.includes('receive'));
    } finally {
      await hasty.close();
    }
  });

  test('an empty text, or one without words, is checked without loading anything', async () => {
    const idle = new SpellChecker();
    assert.deepEqual(await idle.check('', 'fr'), { issues: [], complete: true });
    assert.deepEqual(await idle.check('🎉 https://relais.app #promo 2025', 'fr'), { issues: [], complete: true });
    await idle.close();
  });

  test('warmUp reports what loading a language cost', async () => {
    const stats = await spelling.warmUp('en');
    assert.equal(stats.language, 'en');
    assert.ok(stats.loadMs > 0 && stats.heapBytes > 0);
  });
});

describe('spellTokens', () => {
  test('offsets point at the words; elided French articles are left out of the word', () => {
    const text = "L'électricité, c’est 100 % d'énergie";
    assert.deepEqual(
      spellTokens(text, 'fr').map((token) => [token.word, token.offset, token.whole]),
      [
        ['électricité', 2, "L'électricité"],
        ['est', 17, 'c’est'],
        ['énergie', 29, "d'énergie"],
      ],
    );
    assert.deepEqual(spellTokens("it's l'amour", 'en').map((token) => token.word), ["it's", "l'amour"], 'no French elision rule in English');
  });
});
