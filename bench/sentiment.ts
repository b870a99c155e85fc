// Language and sentiment per inbox item (no database involved), on a
// realistic mix: 20,000 generated French and English posts, mostly a few
// words to a tweet's length, some review-length, with mentions, links,
// hashtags, emoji and the occasional post in another language or emoji only.
//  - load: time until the first item is analyzed (language model + lexicons)
//    and the heap it holds (info);
//  - throughput of createNlp().analyze(text) — detection then sentiment —
//    in a warm process, target ≥ 5,000 items/s on one core (an inbox takes in
//    far fewer), and in the first pass after loading (info);
//  - detection alone and sentiment alone (language known), and the slowest
//    items (info).
import { createNlp } from '../src/server/nlp/index.ts';
import { percentile, type BenchResult } from './support.ts';

const ITEMS = 20_000;
const THROUGHPUT_TARGET = 5_000;

// Fragments to build posts from (written for this benchmark).
const fragments: Record<'fr' | 'en', string[]> = {
  fr: [
    'Commande 4521 toujours pas reçue, des nouvelles ?', 'Service client au top, merci !', 'Pas terrible la nouvelle formule',
    'Je ne recommande pas du tout', 'Livraison rapide et soignée', 'Vous êtes ouverts dimanche ?', 'Trop bien 😍',
    "C'est une honte, personne ne répond depuis dix jours", 'Pas mal du tout ce modèle', 'Le colis est arrivé abîmé 😡',
    'Merci pour votre réactivité 🙏', 'Quelle arnaque ces frais de port', 'Le retour est gratuit ?', 'Nickel, rien à redire',
    "J'ai grave kiffé l'événement d'hier", "L'appli plante encore après la mise à jour", 'Bravo à toute l’équipe pour le lancement',
    'Franchement déçue par la qualité, le tissu a bougé au premier lavage', 'On attend toujours le remboursement',
    'Super accueil en boutique, vendeuse adorable', 'Des nouvelles de ma réclamation ?', 'Prix correct mais délai trop long',
  ],
  en: [
    'Order 4521 still not received, any news?', 'Customer service is top notch, thanks!', 'Not great, the new formula',
    "I don't recommend it at all", 'Fast and careful delivery', 'Are you open on Sunday?', 'Love it 😍',
    'What a shame, nobody has answered for ten days', 'Not bad at all, this model', 'Parcel arrived damaged 😡',
    'Thanks for the quick reply 🙏', 'Shipping costs are a total scam', 'Is the return free?', 'Perfect, no complaints',
    'Really enjoyed the event yesterday', 'The app keeps crashing after the update', 'Congrats to the whole team on the launch',
    'Honestly disappointed with the quality, the fabric shrank after one wash', 'Still waiting for my refund',
    'Great welcome in store, lovely staff', 'Any news on my complaint?', 'Fair price but the delay is too long',
  ],
};
const others = ['¿Dónde está mi pedido?', 'Vielen Dank für die schnelle Lieferung!', 'Grazie mille 🙏', '👍👍', '😡😡😡', '🔥🔥🔥'];
const decorations = ['@relais_shop ', '', '', '', ' #SAV', ' https://example.com/p/4521', ' 🙏', ' !!!', ''];

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same mix. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makePosts(count: number): string[] {
  const next = random(4521);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, () => {
    if (next() < 0.05) return pick(others);
    const language = next() < 0.5 ? 'fr' : 'en';
    // Mostly one or two sentences; one post in ten is review-length.
    const sentences = next() < 0.1 ? 5 + Math.floor(next() * 5) : 1 + Math.floor(next() * 2);
    const body = Array.from({ length: sentences }, () => pick(fragments[language])).join(' ');
    return `${pick(decorations).startsWith('@') ? '@relais_shop ' : ''}${body}${pick(decorations)}`;
  });
}

function timeEach(posts: string[], work: (text: string) => unknown): { perSecond: number; samples: number[] } {
  const samples: number[] = [];
  const started = performance.now();
  for (const post of posts) {
    const itemStarted = performance.now();
    work(post);
    samples.push(performance.now() - itemStarted);
  }
  const perSecond = Math.round(posts.length / ((performance.now() - started) / 1000));
  return { perSecond, samples: samples.sort((a, b) => a - b) };
}

export async function run(): Promise<BenchResult[]> {
  const posts = makePosts(ITEMS);
  const words = posts.reduce((sum, post) => sum + post.split(/\s+/).length, 0);
  console.log(`  ${ITEMS} posts, ${(words / ITEMS).toFixed(1)} words on average`);

  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStarted = performance.now();
  const nlp = createNlp();
  nlp.analyze('Premier message, pour charger les modèles');
  const loadMs = performance.now() - loadStarted;
  globalThis.gc?.();
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;

  // The first pass right after loading runs cold (JIT, and the collector reclaiming what
  // parsing the 4 MB model left behind): shown for information, then a warm pass is measured.
  const cold = timeEach(posts, (text) => nlp.analyze(text));
  const both = timeEach(posts, (text) => nlp.analyze(text));
  const detection = timeEach(posts, (text) => nlp.detectLanguage(text));
  const languages = posts.map((text) => nlp.detectLanguage(text));
  let index = 0;
  const sentiment = timeEach(posts, (text) => nlp.analyze(text, languages[index++]));

  const labels = { positive: 0, neutral: 0, negative: 0 };
  for (const post of posts) labels[nlp.analyze(post).label] += 1;
  console.log(`  labels: ${labels.positive} positive, ${labels.neutral} neutral, ${labels.negative} negative`);

  const rate = (perSecond: number) => `${perSecond.toLocaleString('en')} items/s`;
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  return [
    { bench: 'nlp: load (language model + lexicons)', engine: '-', measured: `${(loadMs / 1000).toFixed(1)} s, ${Math.round(heapGrowth / 1e6)} MB heap`, target: '(info)', pass: true },
    { bench: 'nlp: language + sentiment, first pass after load', engine: '-', measured: rate(cold.perSecond), target: '(info)', pass: true },
    { bench: 'nlp: language + sentiment, realistic mix', engine: '-', measured: rate(both.perSecond), target: `≥ ${rate(THROUGHPUT_TARGET)}`, pass: both.perSecond >= THROUGHPUT_TARGET },
    { bench: 'nlp: per item p50 / p99', engine: '-', measured: `${ms(percentile(both.samples, 50))} / ${ms(percentile(both.samples, 99))}`, target: '(info)', pass: true },
    { bench: 'nlp: language detection alone', engine: '-', measured: rate(detection.perSecond), target: '(info)', pass: true },
    { bench: 'nlp: sentiment alone (language known)', engine: '-', measured: rate(sentiment.perSecond), target: '(info)', pass: true },
  ];
}
