// Language of short social posts: French and English down to a word or two,
// other languages named, and "unsure" (null) when there is nothing to go on.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageDetector } from './language.ts';
import { createNlp } from './index.ts';

const detector = createLanguageDetector();

const french = [
  'Merci !', 'Trop bien', 'Pas terrible', 'Bof', 'Nickel, merci beaucoup', 'Je ne recommande pas',
  'Commande 4521 toujours pas reçue, des nouvelles ?', 'Vous ouvrez à quelle heure demain ?', 'Où est mon colis ?',
  "C'est une honte", 'Service client au top 👍', 'Je kiffe', 'Hâte de tester', '@relais_app franchement déçu',
  'Livraison rapide et soignée https://example.com/avis', 'mdr', 'Le retour est gratuit ?', 'Top du top',
];
const english = [
  'Thanks!', 'So good', 'Not bad at all', 'Meh', 'Perfect, thanks a lot', 'I do not recommend it',
  'Order 4521 still not received, any news?', 'What time do you open tomorrow?', 'Where is my parcel?',
  'What a shame', 'Customer service is top notch 👍', 'Loving it', "Can't wait to try it", '@relais_app honestly disappointed',
  'Fast and careful delivery https://example.com/review', 'lol', 'Is the return free?', 'Total scam',
];

describe('language detection', () => {
  test('short French posts', () => {
    for (const text of french) assert.equal(detector.detect(text), 'fr', text);
  });

  test('short English posts', () => {
    for (const text of english) assert.equal(detector.detect(text), 'en', text);
  });

  test('other languages by their ISO 639-1 code', () => {
    const cases: [string, string][] = [
      ['¿Dónde está mi pedido?', 'es'], ['Vielen Dank für die schnelle Lieferung', 'de'], ['Grazie mille, ottimo servizio', 'it'],
      ['Onde está a minha encomenda?', 'pt'], ['Bedankt voor de snelle levering', 'nl'], ['Спасибо большое', 'ru'],
      ['ありがとうございます', 'ja'], ['شكرا جزيلا', 'ar'],
    ];
    for (const [text, code] of cases) assert.equal(detector.detect(text), code, text);
  });

  test('null when unsure: emoji, numbers, links or mentions only, a word of no clear language', () => {
    for (const text of ['', '   ', '😡', '👍👍👍', '🙏🙏 !!!', ':)', '4521', '12/04', 'https://example.com/x', '@relais_app', '#', '?!', 'ok']) {
      assert.equal(detector.detect(text), null, JSON.stringify(text));
    }
  });

  test('createNlp: detects, then analyzes in the detected language unless told', () => {
    const nlp = createNlp();
    assert.equal(nlp.detectLanguage('Toujours pas reçu mon colis'), 'fr');
    const detected = nlp.analyze('Toujours pas reçu mon colis, je ne recommande pas');
    assert.equal(detected.language, 'fr');
    assert.equal(detected.label, 'negative');
    assert.deepEqual(nlp.analyze('Not bad at all'), { ...nlp.analyze('Not bad at all', 'en') });
    assert.equal(nlp.analyze('Not bad at all').label, 'positive');
    assert.equal(nlp.analyze('😡').language, null);
    assert.equal(nlp.analyze('😡').label, 'negative');
    assert.equal(nlp.analyze('Pas mal', 'fr').label, 'positive');
  });
});
