// Valence of emoji and emoticons, whatever the language of the post.
// Emoji: wooorm's emoji-emotion (MIT, 118 emoji rated −5 … +5), completed and
// corrected for complaints and praise on social networks, where 😤 and 🤡 are
// scorn rather than neutral and 🔥 is praise.
import { emojiEmotion } from 'emoji-emotion';
import { normEmoji } from './tokenize.ts';

const corrections: Record<string, number> = {
  '😤': -2, '🤡': -2, '🙄': -2, '👎': -3, '🙏': 2, '😅': 0, '🤔': 0, '😉': 1, '😏': 0, '😆': 2,
  '🤬': -4, '🤮': -3, '🥰': 3, '🔥': 2, '✨': 1, '🥳': 3, '🤩': 3, '🫶': 3, '💪': 2, '✅': 1, '❌': -1,
  '⭐': 1, '🌟': 2, '🤦': -2, '🤦‍♀': -2, '🤦‍♂': -2, '🥲': -1, '🥺': -1, '😑': -1, '😐': -1,
  '😡': -4, '😠': -3, '👌': 2, '🆗': 0, '💔': -3, '🎉': 3, '🎊': 3, '🍾': 2, '🏆': 2, '🥇': 2, '❣': 3,
  '🙂': 1, '🙁': -2, '☹': -2, '😕': -1, '🫤': -1, '🫠': -1, '🤷': 0, '🤷‍♀': 0, '🤷‍♂': 0, '😮‍💨': -1,
};

const emoticons: Record<string, number> = {
  ':)': 2, ':-)': 2, ':))': 3, ':-))': 3, ':)))': 3, ':-)))': 3, '=)': 2, ':d': 3, ':-d': 3, ';)': 1, ';-)': 1,
  ':p': 1, ':-p': 1, '<3': 3, '^^': 2, '^_^': 2, 'xd': 2, ':(': -2, ':-(': -2, ':((': -3, ':-((': -3, ":'(": -2,
  ":'-(": -2, '>:(': -3, '>:-(': -3, '=(': -2, ':[': -2, ':-[': -2, ':/': -1, ':-/': -1, ':|': -1, ':-|': -1,
  '-_-': -1, '</3': -3, 't_t': -2, ':o': 0, ':-o': 0,
};

const emojiValence = new Map<string, number>([
  ...emojiEmotion.map((entry): [string, number] => [normEmoji(entry.emoji), entry.polarity]),
  ...Object.entries(corrections).map(([emoji, valence]): [string, number] => [normEmoji(emoji), valence]),
]);

/** Valence of an emoji as tokenized (variation selectors and skin tones removed); ZWJ sequences fall back to their first emoji. */
export function emojiValenceOf(norm: string): number | undefined {
  const direct = emojiValence.get(norm);
  if (direct !== undefined) return direct;
  const first = norm.split('\u200D')[0];
  return first === norm ? undefined : emojiValence.get(first);
}

/** Valence of an emoticon as tokenized (lower case). */
export function emoticonValenceOf(norm: string): number | undefined {
  return emoticons[norm];
}
