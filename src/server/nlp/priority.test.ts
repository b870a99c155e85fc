import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { influence, priorityScore, rankByPriority, type PriorityInput } from './priority.ts';

interface Item extends PriorityInput {
  id: string;
}

const negative = (score: number) => ({ label: 'negative' as const, score });
const neutral = { label: 'neutral' as const, score: 0 };
const positive = { label: 'positive' as const, score: 0.8 };

describe('inbox priority', () => {
  test('negative items from influential authors first', () => {
    const items: Item[] = [
      { id: 'praise from a star', sentiment: positive, authorFollowers: 2_000_000 },
      { id: 'question from a nobody', sentiment: neutral, authorFollowers: 12 },
      { id: 'complaint from a nobody', sentiment: negative(-0.5), authorFollowers: 12 },
      { id: 'complaint from an influencer', sentiment: negative(-0.5), authorFollowers: 250_000 },
      { id: 'angry complaint from a nobody', sentiment: negative(-0.9), authorFollowers: 12 },
      { id: 'not analyzed yet', sentiment: null, authorFollowers: null },
    ];
    assert.deepEqual(rankByPriority(items).map((item) => item.id), [
      'complaint from an influencer',
      'angry complaint from a nobody',
      'complaint from a nobody',
      'praise from a star',
      'question from a nobody',
      'not analyzed yet',
    ]);
    assert.equal(items[0].id, 'praise from a star', 'the input is left as it was');
  });

  test('a mild complaint outranks a neutral item from an author 10,000 times more followed, not a million times', () => {
    const complaint = priorityScore({ sentiment: negative(-0.25), authorFollowers: 100 });
    assert.ok(complaint > priorityScore({ sentiment: neutral, authorFollowers: 1_000_000 }));
    assert.ok(complaint < priorityScore({ sentiment: neutral, authorFollowers: 100_000_000 }));
  });

  test('influence grows with the log of followers, capped; unknown counts as none', () => {
    assert.equal(influence(null), 0);
    assert.equal(influence(undefined), 0);
    assert.equal(influence(0), 0);
    assert.equal(influence(-5), 0);
    assert.equal(influence(Number.NaN), 0);
    assert.ok(Math.abs(influence(999_999) - 1) < 1e-9);
    assert.ok(influence(100) < influence(10_000));
    assert.equal(influence(1e12), 1.5);
  });

  test('ties keep their order', () => {
    const items: Item[] = ['a', 'b', 'c'].map((id) => ({ id, sentiment: neutral, authorFollowers: 50 }));
    assert.deepEqual(rankByPriority(items).map((item) => item.id), ['a', 'b', 'c']);
  });
});
