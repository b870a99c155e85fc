import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesKeywords, matchesQuery, parseQuery, QueryError, textWords } from './rule-query.ts';

const matches = (query: string, text: string) => matchesQuery(parseQuery(query), textWords(text));

describe('rule queries', () => {
  test('words side by side are AND; OR, NOT, parentheses and phrases', () => {
    const query = 'livraison AND (retard OR "pas reçu") NOT remboursé';
    assert.equal(matches(query, 'Ma LIVRAISON est en retard !'), true);
    assert.equal(matches(query, 'Livraison : colis toujours pas recu'), true, 'accents and case ignored');
    assert.equal(matches(query, 'Livraison en retard mais remboursé, merci'), false);
    assert.equal(matches(query, 'Livraison rapide'), false);
    assert.equal(matches('colis perdu', 'Colis perdu depuis lundi'), true);
    assert.equal(matches('colis perdu', 'Colis arrivé'), false);
    assert.equal(matches('"pas reçu"', 'reçu, pas mal'), false, 'a phrase is words in order');
  });

  test('whole words only, with word* for prefixes, and - for NOT', () => {
    assert.equal(matches('rembourse', 'remboursement demandé'), false);
    assert.equal(matches('rembours*', 'remboursement demandé'), true);
    assert.equal(matches('commande -annulée', 'Ma commande est arrivée'), true);
    assert.equal(matches('commande -annulée', 'Ma commande annulée ?'), false);
    assert.equal(matches('promo OU soldes', 'Les soldes commencent'), true, 'French operators too');
  });

  test('queries that cannot be read say where', () => {
    assert.throws(() => parseQuery('(retard OR colis'), (error: unknown) => error instanceof QueryError && /parenthesis/.test(error.message));
    assert.throws(() => parseQuery('"pas reçu'), QueryError);
    assert.throws(() => parseQuery('retard AND'), QueryError);
    assert.throws(() => parseQuery('OR retard'), QueryError);
  });

  test('keywords: any of them, whole words or phrases', () => {
    assert.equal(matchesKeywords(['arnaque', 'pas reçu'], textWords('Toujours PAS REÇU ma commande')), true);
    assert.equal(matchesKeywords(['arnaque'], textWords('arnaques partout')), false);
  });
});
