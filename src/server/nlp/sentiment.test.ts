// Sentiment of short French and English posts: a table of phrases a
// community manager meets (negation, idioms, emoji, questions, customer
// service), the accuracy printed per language and per part of the table,
// and the rules one by one.
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createLexiconSentimentAnalyzer, type SentimentLabel } from './sentiment.ts';

type Case = [text: string, language: 'fr' | 'en', expected: SentimentLabel];

// Written first; the rules and lexicon corrections were tuned while looking at these.
const tuned: Case[] = [
  ['Pas terrible ce nouveau parfum', 'fr', 'negative'],
  ['Je ne recommande pas', 'fr', 'negative'],
  ['Toujours pas reçu mon colis', 'fr', 'negative'],
  ['Commande 4521 toujours pas reçue, des nouvelles ?', 'fr', 'negative'],
  ['Pas mal du tout', 'fr', 'positive'],
  ["C'est pas mal", 'fr', 'positive'],
  ["C'est une honte", 'fr', 'negative'],
  ['Quelle arnaque ce site', 'fr', 'negative'],
  ['Service client au top', 'fr', 'positive'],
  ['Nickel, merci', 'fr', 'positive'],
  ['Trop bien cette collab', 'fr', 'positive'],
  ['Grave bien le nouveau menu', 'fr', 'positive'],
  ["J'ai grave kiffé le concert", 'fr', 'positive'],
  ['Je recommande pas du tout', 'fr', 'negative'],
  ['Ça marche pas depuis la mise à jour', 'fr', 'negative'],
  ['Je suis pas déçue, au contraire', 'fr', 'positive'],
  ['Vous êtes ouverts dimanche ?', 'fr', 'neutral'],
  ['Le retour est gratuit ?', 'fr', 'neutral'],
  ['Des nouvelles de ma commande ?', 'fr', 'neutral'],
  ['Livraison reçue ce matin', 'fr', 'neutral'],
  ['Nul 😡', 'fr', 'negative'],
  ['Je suis fan 😍', 'fr', 'positive'],
  ['Merci 🙏', 'fr', 'positive'],
  ['Bof bof :(', 'fr', 'negative'],
  ['Trooop bien !!!', 'fr', 'positive'],
  ["C'EST NUL", 'fr', 'negative'],
  ['Produit arrivé cassé, personne ne répond', 'fr', 'negative'],
  ['Plus jamais je commande chez vous', 'fr', 'negative'],
  ['Bon produit mais livraison trop lente', 'fr', 'negative'],
  ["Je n'ai pas aimé", 'fr', 'negative'],
  ['Très bonne expérience 👍', 'fr', 'positive'],
  ['Personne ne décroche au SAV', 'fr', 'negative'],
  ["Ce n'est pas génial", 'fr', 'negative'],
  ['Pas de problème, merci pour tout', 'fr', 'positive'],
  ['Rien reçu depuis trois semaines', 'fr', 'negative'],
  ['Quelle belle équipe ! :)', 'fr', 'positive'],
  ["C'est quand les soldes ?", 'fr', 'neutral'],
  ['Le magasin est fermé le lundi', 'fr', 'neutral'],
  ['Trop cher', 'fr', 'negative'],
  ['Pas cher et efficace', 'fr', 'positive'],
  ["Pouvez-vous m'aider avec mon compte ?", 'fr', 'neutral'],
  ["J'aimerais connaître le prix", 'fr', 'neutral'],
  ['😡😡😡', 'fr', 'negative'],
  ['Not bad at all', 'en', 'positive'],
  ["I don't recommend it", 'en', 'negative'],
  ['Order 4521 still not received, any news?', 'en', 'negative'],
  ['Still waiting for my refund', 'en', 'negative'],
  ['What a shame', 'en', 'negative'],
  ['Total scam, avoid', 'en', 'negative'],
  ['Customer service is top notch', 'en', 'positive'],
  ['Perfect, thanks!', 'en', 'positive'],
  ["Doesn't work since the update", 'en', 'negative'],
  ['Not great, not terrible', 'en', 'negative'],
  ['Are you open on Sunday?', 'en', 'neutral'],
  ['Is the return free?', 'en', 'neutral'],
  ['Any news on my order?', 'en', 'neutral'],
  ['Parcel delivered this morning', 'en', 'neutral'],
  ['Awful 😡', 'en', 'negative'],
  ['Love it 😍', 'en', 'positive'],
  ['Thank you 🙏', 'en', 'positive'],
  ['Meh :(', 'en', 'negative'],
  ['Sooo good!!!', 'en', 'positive'],
  ['THIS IS UNACCEPTABLE', 'en', 'negative'],
  ['Arrived broken and nobody answers', 'en', 'negative'],
  ['Never again', 'en', 'negative'],
  ['Good product but delivery was way too slow', 'en', 'negative'],
  ['I did not like it', 'en', 'negative'],
  ['Great experience 👍', 'en', 'positive'],
  ["I'm not disappointed at all", 'en', 'positive'],
  ["It's not good", 'en', 'negative'],
  ['No problem, thanks for everything', 'en', 'positive'],
  ["Haven't received anything in three weeks", 'en', 'negative'],
  ['What a lovely team! :)', 'en', 'positive'],
  ['When does the sale start?', 'en', 'neutral'],
  ['The store is closed on Mondays', 'en', 'neutral'],
  ['Too expensive', 'en', 'negative'],
  ['Cheap and effective', 'en', 'positive'],
  ['Can you help me with my account?', 'en', 'neutral'],
  ['I would like to know the price', 'en', 'neutral'],
  ['👍', 'en', 'positive'],
  ['Not impressed with the new update', 'en', 'negative'],
  ['Absolutely love the new design', 'en', 'positive'],
  ['Does this come in blue?', 'en', 'neutral'],
  ['Support never got back to me', 'en', 'negative'],
  ['Super fast delivery, thanks', 'en', 'positive'],
  ["Can't wait for the next drop 🔥", 'en', 'positive'],
];

// Written before any rule was tuned, and run only once the rules were done (they all
// passed on that first run): a check that the rules are not fitted to the table above.
// Written by the same hand, so still kinder than real posts: the listening work
// measures on labelled tweets and reviews as well (see README.md in this folder).
const heldOut: Case[] = [
  ["Toujours aucune réponse du service client, c'est lamentable", 'fr', 'negative'],
  ['Livraison en avance, emballage soigné, rien à redire', 'fr', 'positive'],
  ['Est-ce que vous livrez en Suisse ?', 'fr', 'neutral'],
  ["Je n'ai jamais été aussi bien conseillée 😊", 'fr', 'positive'],
  ["Colis perdu et personne pour m'aider 😡", 'fr', 'negative'],
  ["Le produit n'est pas à la hauteur du prix", 'fr', 'negative'],
  ['Ça ne vaut pas le coup', 'fr', 'negative'],
  ['Merci beaucoup pour votre aide 🙏', 'fr', 'positive'],
  ['Quels sont vos horaires samedi ?', 'fr', 'neutral'],
  ['Je suis très satisfaite de mon achat', 'fr', 'positive'],
  ['Remboursement toujours pas effectué après un mois', 'fr', 'negative'],
  ['Pas mal du tout ce nouveau modèle !', 'fr', 'positive'],
  ['Vraiment déçu, je ne commanderai plus chez vous', 'fr', 'negative'],
  ['Le nouveau magasin ouvre le 12 mars', 'fr', 'neutral'],
  ['Service impeccable, je reviendrai', 'fr', 'positive'],
  ["C'est du vol, 15 € de frais de port 😤", 'fr', 'negative'],
  ['Une équipe adorable et très réactive 👍', 'fr', 'positive'],
  ['Comment puis-je modifier mon adresse de livraison ?', 'fr', 'neutral'],
  ['Application qui plante sans arrêt', 'fr', 'negative'],
  ["Rien à dire, c'est parfait", 'fr', 'positive'],
  ['Pas de souci, merci pour le geste commercial', 'fr', 'positive'],
  ['Le SAV ne répond jamais au téléphone', 'fr', 'negative'],
  ["J'ai reçu ma commande ce matin", 'fr', 'neutral'],
  ["Trop cher pour ce que c'est", 'fr', 'negative'],
  ['Je recommande les yeux fermés ❤️', 'fr', 'positive'],
  ['Still no reply from support, this is ridiculous', 'en', 'negative'],
  ['Arrived early and beautifully packed, no complaints', 'en', 'positive'],
  ['Do you ship to Switzerland?', 'en', 'neutral'],
  ['Hands down the best coffee in town', 'en', 'positive'],
  ['Worst customer service ever 😡', 'en', 'negative'],
  ["The product isn't worth the price", 'en', 'negative'],
  ['Not worth it', 'en', 'negative'],
  ['Thanks a lot for your help 🙏', 'en', 'positive'],
  ['What are your opening hours on Saturday?', 'en', 'neutral'],
  ['Very happy with my purchase', 'en', 'positive'],
  ['Refund still not processed after a month', 'en', 'negative'],
  ['Not bad at all, this new model!', 'en', 'positive'],
  ["Really disappointed, I won't order from you again", 'en', 'negative'],
  ['The new store opens on March 12', 'en', 'neutral'],
  ["Flawless service, I'll be back", 'en', 'positive'],
  ["That's daylight robbery, $15 shipping 😤", 'en', 'negative'],
  ['Lovely and very responsive team 👍', 'en', 'positive'],
  ['How can I change my delivery address?', 'en', 'neutral'],
  ['App keeps crashing', 'en', 'negative'],
  ["Nothing to complain about, it's perfect", 'en', 'positive'],
  ["Can't fault them, brilliant as always", 'en', 'positive'],
  ['Support never picks up the phone', 'en', 'negative'],
  ['I received my order this morning', 'en', 'neutral'],
  ['Way too expensive for what it is', 'en', 'negative'],
  ["I'd recommend it without hesitation ❤️", 'en', 'positive'],
];

const analyzer = createLexiconSentimentAnalyzer();

interface Score {
  correct: number;
  total: number;
  failures: string[];
}

function score(cases: Case[]): Score {
  const failures: string[] = [];
  for (const [text, language, expected] of cases) {
    const result = analyzer.analyze(text, language);
    if (result.label !== expected) failures.push(`${JSON.stringify(text)}: expected ${expected}, got ${result.label} (${result.signals?.join(' ') ?? ''})`);
  }
  return { correct: cases.length - failures.length, total: cases.length, failures };
}

function report(t: TestContext, name: string, { correct, total }: Score): number {
  const accuracy = correct / total;
  t.diagnostic(`${name}: ${correct}/${total} = ${(accuracy * 100).toFixed(1)} %`);
  return accuracy;
}

const label = (text: string, language: string | null = 'fr') => analyzer.analyze(text, language).label;

describe('sentiment of short posts', () => {
  test('the table: overall accuracy ≥ 85 %, printed per language and for the held-out part', (t) => {
    const all = [...tuned, ...heldOut];
    assert.ok(all.length >= 80);
    const french = all.filter(([, language]) => language === 'fr');
    assert.ok(Math.abs(french.length * 2 - all.length) <= 4, 'about half French, half English');
    const overall = score(all);
    for (const failure of overall.failures) t.diagnostic(`miss ${failure}`);
    const accuracy = report(t, 'overall', overall);
    report(t, 'French', score(french));
    report(t, 'English', score(all.filter(([, language]) => language === 'en')));
    report(t, 'tuned part', score(tuned));
    const heldOutAccuracy = report(t, 'held-out part', score(heldOut));
    assert.ok(accuracy >= 0.85, `overall accuracy ${(accuracy * 100).toFixed(1)} % < 85 %`);
    assert.ok(heldOutAccuracy >= 0.85, `held-out accuracy ${(heldOutAccuracy * 100).toFixed(1)} % < 85 %`);
  });

  test('the idioms the issue names', () => {
    assert.equal(label('Pas terrible'), 'negative');
    assert.equal(label("C'est vraiment pas terrible"), 'negative');
    assert.equal(label('Je ne recommande pas'), 'negative');
    assert.equal(label('Je ne le recommande pas du tout'), 'negative');
    assert.equal(label('Toujours pas reçu'), 'negative');
    assert.equal(label('Toujours pas reçue !'), 'negative');
    assert.equal(label('Commande 4521 toujours pas reçue, des nouvelles ?'), 'negative');
    assert.equal(label('Pas mal'), 'positive');
    assert.equal(label("C'est pas mal du tout"), 'positive');
    assert.equal(label("C'est une honte"), 'negative');
    assert.equal(label('Arnaque'), 'negative');
    assert.equal(label('Au top'), 'positive');
    assert.equal(label('Nickel'), 'positive');
    assert.equal(label('Trop bien'), 'positive');
    assert.equal(label("J'ai grave kiffé"), 'positive');
    assert.equal(label('Grave bien'), 'positive');
    assert.equal(label('À fuir'), 'negative');
    assert.equal(label('Not bad', 'en'), 'positive');
    assert.equal(label("I don't recommend it", 'en'), 'negative');
    assert.equal(label('Still not received', 'en'), 'negative');
  });

  test('negation: praise turns to blame, blame to faint praise, within its scope only', () => {
    assert.equal(label("Je ne suis pas du tout satisfait"), 'negative');
    assert.equal(label('Je recommande pas'), 'negative', 'spoken French: "pas" after the verb');
    assert.equal(label('Ça marche pas'), 'negative', 'a negated expectation is a complaint');
    assert.equal(label("Je n'ai rien reçu"), 'negative');
    assert.equal(label('Personne ne répond'), 'negative');
    assert.equal(label('Aucun problème, merci'), 'positive');
    assert.equal(label('Pas déçu du tout'), 'positive');
    assert.equal(label('Pas bon, mais le service est excellent'), 'positive', 'the scope ends at the comma; "mais" weighs');
    assert.equal(label("Je n'ai jamais été aussi bien conseillée"), 'positive', '"jamais aussi" praises');
    assert.equal(label('Jamais vu un service aussi nul'), 'negative');
    assert.equal(label('I have never seen such a bad service', 'en'), 'negative');
    assert.equal(label('Never been so happy with a purchase', 'en'), 'positive');
    assert.equal(label('It is not good', 'en'), 'negative');
    assert.equal(label("Doesn't work", 'en'), 'negative');
    assert.equal(label('No complaints', 'en'), 'positive');
    assert.equal(label('une personne très gentille'), 'positive', '"une personne" is no negator');
    assert.equal(label('De rien !'), 'neutral');
  });

  test('questions without an opinion are neutral; complaints asked as questions stay negative', () => {
    assert.equal(label('Le retour est gratuit ?'), 'neutral');
    assert.equal(label('Est-ce que le produit est bien ?'), 'neutral');
    assert.equal(label('Is it any good?', 'en'), 'neutral');
    assert.equal(label('Any update on my order? 🙏', 'en'), 'neutral', 'a 🙏 after a question pleads');
    assert.equal(label('Pourquoi ma commande est toujours pas arrivée ?'), 'negative');
    assert.equal(label('Why is my order still not here?', 'en'), 'negative');
    assert.equal(label('Des nouvelles ? 😡'), 'negative');
  });

  test('emoji and emoticons, alone or with words, in any language', () => {
    for (const [text, expected] of [['😡', 'negative'], ['😍', 'positive'], ['👍', 'positive'], ['🙏', 'positive'], [':(', 'negative'], [':)', 'positive'], ['👎🏽', 'negative'], ['❤️❤️', 'positive'], ['🤬', 'negative']] as const) {
      assert.equal(label(text, null), expected, text);
    }
    assert.equal(label('Muy malo 😡', 'es'), 'negative', 'emoji count whatever the language');
    assert.equal(label('Muy bueno', 'es'), 'neutral', 'no lexicon for Spanish: no guess');
    assert.equal(label('Merci 😡'), 'negative');
  });

  test('capitals, elongation and exclamation marks strengthen what is said, never its sign', () => {
    const scoreOf = (text: string, language = 'fr') => analyzer.analyze(text, language).score;
    assert.ok(scoreOf("C'EST NUL") < scoreOf("C'est nul"));
    assert.ok(scoreOf("C'est nul") < 0);
    assert.ok(scoreOf('Trooop bien') > scoreOf('Trop bien'));
    assert.ok(scoreOf('Trop bien !!!') > scoreOf('Trop bien'));
    assert.ok(scoreOf('Sooo good', 'en') > 0);
    assert.equal(label('NUUUL'), 'negative');
  });

  test('result shape: score within −1 … 1 with the sign of the label, signals say why', () => {
    for (const [text, language] of [...tuned, ...heldOut]) {
      const { label: result, score: value } = analyzer.analyze(text, language);
      assert.ok(value >= -1 && value <= 1, text);
      if (result === 'positive') assert.ok(value > 0, text);
      if (result === 'negative') assert.ok(value < 0, text);
    }
    const result = analyzer.analyze('Pas terrible, je ne recommande pas 😡', 'fr');
    assert.equal(result.language, 'fr');
    assert.deepEqual(result.signals, ['idiom:pas terrible', 'idiom:je ne recommande pas', 'emoji:😡']);
    assert.deepEqual(analyzer.analyze('', 'fr'), { label: 'neutral', score: 0, language: 'fr', signals: [] });
    const long = analyzer.analyze('Nul, je ne recommande pas. '.repeat(20_000), 'fr');
    assert.equal(long.label, 'negative');
    assert.equal(long.score, -1);
    assert.ok(long.signals!.length <= 20, 'signals stay few enough to show');
  });

  test('language: detected when not given, both lexicons when unknown', () => {
    const detecting = createLexiconSentimentAnalyzer({ detectLanguage: (text) => (text.startsWith('Nul') ? 'fr' : null) });
    assert.deepEqual(detecting.analyze('Nul').language, 'fr');
    assert.equal(detecting.analyze('Nickel').language, null);
    assert.equal(detecting.analyze('Nickel').label, 'positive', 'unknown language: French and English lexicons together');
    assert.equal(detecting.analyze('Awful').label, 'negative');
    assert.equal(detecting.analyze('Awful', 'en').language, 'en', 'a given language is not re-detected');
    assert.equal(detecting.analyze('Pas terrible', 'fr-CA').language, 'fr', 'a BCP 47 tag counts by its primary language');
    assert.equal(detecting.analyze('Pas terrible', 'fr-CA').label, 'negative');
    assert.equal(detecting.analyze('Not bad', 'EN_us').label, 'positive');
  });
});
