// Calls made together are served together, each gets its own answer, and
// one caller's failure does not fail the others of its batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { batched } from './batched.ts';

test('calls of one turn go in one batch and each gets the answer at its position', async () => {
  const batches: number[][] = [];
  const double = batched(async (keys: readonly number[]) => {
    batches.push([...keys]);
    return keys.map((key) => key * 2);
  });
  assert.deepEqual(await Promise.all([double(1), double(2), double(3)]), [2, 4, 6]);
  assert.deepEqual(batches, [[1, 2, 3]]);
  assert.equal(await double(5), 10);
  assert.deepEqual(batches.at(-1), [5]);
});

test('an Error at a position fails that call only', async () => {
  const check = batched(async (keys: readonly number[]) => keys.map((key) => (key < 0 ? new Error(`negative: ${key}`) : key)));
  const results = await Promise.allSettled([check(1), check(-2), check(3)]);
  assert.deepEqual(results.map((result) => result.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.match(String((results[1] as PromiseRejectedResult).reason), /negative: -2/);
});

test('a batch that throws as a whole is tried again call by call: only the bad call fails', async () => {
  const seen: number[][] = [];
  const write = batched(async (keys: readonly number[]) => {
    seen.push([...keys]);
    if (keys.includes(13)) throw new Error('constraint failed');
    return keys.map(() => 'written');
  });
  const results = await Promise.allSettled([write(1), write(13), write(2)]);
  assert.deepEqual(results.map((result) => result.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.deepEqual(seen, [[1, 13, 2], [1], [13], [2]]);
});

test('with a window, calls arriving one by one while busy share a batch; a lone call is not delayed', async () => {
  const batches: number[][] = [];
  const record = batched(async (keys: readonly number[]) => {
    batches.push([...keys]);
    return keys.map(() => undefined);
  }, { windowMs: 200 });
  const started = performance.now();
  await record(0);
  assert.ok(performance.now() - started < 150, 'after a quiet spell the first call goes at once');
  // Now busy: calls a few milliseconds apart are gathered.
  const pending = [record(1)];
  await sleep(5);
  pending.push(record(2));
  await sleep(5);
  pending.push(record(3));
  await Promise.all(pending);
  assert.deepEqual(batches, [[0], [1, 2, 3]]);
});
