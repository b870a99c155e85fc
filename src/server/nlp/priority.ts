// Order in which the inbox shows items: negative items from influential
// authors first. Pure functions, so the same rule can rank a page in memory
// or be stored per item and sorted by the database.
//
// priority = sentiment weight + influence
//   sentiment weight: negative 1 + strength (1 … 2, stronger blame first), neutral 0.5, positive 0
//   influence: log10(followers + 1) / 6, capped at 1.5 — 100 followers 0.33, 10k 0.67, 1M 1.0
// A decade of followers is worth 1/6: the weakest negative item (score ≈ −0.25,
// weight 1.25) outranks a neutral item from an author ~30,000 times more
// followed, and a positive one from an author ~30 million times more followed.
import type { SentimentLabel } from './sentiment.ts';

export interface PriorityInput {
  sentiment: { label: SentimentLabel; score: number } | null;
  /** The author's follower count on the network, when known. */
  authorFollowers?: number | null;
}

const SENTIMENT_WEIGHT: Record<SentimentLabel, number> = { negative: 1, neutral: 0.5, positive: 0 };
/** Items not yet analyzed rank as neutral. */
const UNKNOWN_SENTIMENT_WEIGHT = 0.5;
const FOLLOWERS_DECADES_FOR_FULL_INFLUENCE = 6;
const MAX_INFLUENCE = 1.5;

/** Reach of an author, 0 (no followers or unknown) … 1.5. */
export function influence(followers: number | null | undefined): number {
  if (!followers || !Number.isFinite(followers) || followers <= 0) return 0;
  return Math.min(MAX_INFLUENCE, Math.log10(followers + 1) / FOLLOWERS_DECADES_FOR_FULL_INFLUENCE);
}

/** Higher first. */
export function priorityScore(item: PriorityInput): number {
  const { sentiment } = item;
  let weight = UNKNOWN_SENTIMENT_WEIGHT;
  if (sentiment) {
    weight = SENTIMENT_WEIGHT[sentiment.label];
    if (sentiment.label === 'negative') weight += Math.min(1, Math.max(0, -sentiment.score));
  }
  return weight + influence(item.authorFollowers);
}

/** A new array, highest priority first; items of equal priority keep their order. */
export function rankByPriority<T extends PriorityInput>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index, priority: priorityScore(item) }))
    .sort((a, b) => b.priority - a.priority || a.index - b.index)
    .map(({ item }) => item);
}
