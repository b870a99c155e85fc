import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, type ManualClock } from './manual-clock.ts';
import { createRateLimiter, RateLimitedError, type RateLimiterOptions } from './rate-limiter.ts';

/** Starts an acquire and reports whether it has finished yet. */
function track(promise: Promise<void>) {
  const tracked = { done: false, error: null as unknown };
  promise.then(() => { tracked.done = true; }, (error: unknown) => { tracked.error = error; });
  return tracked;
}

function setup(options: Omit<RateLimiterOptions, 'clock'> = {}): { clock: ManualClock; limiter: ReturnType<typeof createRateLimiter> } {
  const clock = createManualClock();
  return { clock, limiter: createRateLimiter({ ...options, clock }) };
}

/** Asserts that an acquire on `keys` waits exactly `ms` of fake time. */
async function assertWaits(clock: ManualClock, acquire: Promise<void>, ms: number) {
  const pending = track(acquire);
  await clock.advance(0);
  assert.equal(pending.done, false, 'should wait');
  await clock.advance(ms - 1);
  assert.equal(pending.done, false, `should still wait 1 ms before ${ms} ms`);
  await clock.advance(1);
  assert.equal(pending.done, true, `should go after ${ms} ms`);
  assert.equal(pending.error, null);
}

describe('rate limiter', () => {
  test('unknown keys pass at once; status is unknown', async () => {
    const { clock, limiter } = setup();
    await limiter.acquire(['channel:1', 'app:mastodon.social']);
    assert.equal(clock.sleeping, 0);
    assert.equal(limiter.status('channel:1'), null);
  });

  test('IETF RateLimit-* with remaining 0 waits until the reset', async () => {
    const { clock, limiter } = setup();
    limiter.update(['channel:1'], new Headers({ 'RateLimit-Limit': '100', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '30' }), 200);
    assert.deepEqual(limiter.status('channel:1'), { remaining: 0, resetAt: clock.now() + 30_000 });
    await assertWaits(clock, limiter.acquire(['channel:1']), 30_000);
    assert.equal(limiter.status('channel:1'), null, 'after the reset nothing is known');
  });

  test('lowercase ratelimit-* with an epoch reset (Bluesky)', async () => {
    const { clock, limiter } = setup();
    limiter.update(['channel:1'], { 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.floor(clock.now() / 1000) + 20) }, 200);
    await assertWaits(clock, limiter.acquire(['channel:1']), 20_000);
  });

  test('the combined RateLimit header', async () => {
    const { clock, limiter } = setup();
    limiter.update(['channel:1'], { RateLimit: 'limit=10, remaining=0, reset=5' }, 200);
    await assertWaits(clock, limiter.acquire(['channel:1']), 5_000);
    limiter.update(['channel:1'], { RateLimit: '"burst";r=0;t=7' }, 200);
    await assertWaits(clock, limiter.acquire(['channel:1']), 7_000);
  });

  test('X-RateLimit-* with an ISO reset (Mastodon) and with seconds from now', async () => {
    const { clock, limiter } = setup();
    limiter.update(['channel:1'], { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': new Date(clock.now() + 12_000).toISOString() }, 200);
    await assertWaits(clock, limiter.acquire(['channel:1']), 12_000);
    limiter.update(['channel:1'], { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3' }, 200);
    await assertWaits(clock, limiter.acquire(['channel:1']), 3_000);
  });

  test('Retry-After on 429 (seconds) and 503 (HTTP date)', async () => {
    const { clock, limiter } = setup();
    limiter.update(['app:x'], { 'retry-after': '4' }, 429);
    await assertWaits(clock, limiter.acquire(['app:x']), 4_000);
    limiter.update(['app:x'], { 'retry-after': new Date(clock.now() + 9_000).toUTCString() }, 503);
    await assertWaits(clock, limiter.acquire(['app:x']), 9_000);
  });

  test('a 429 that says nothing else still pauses, for the fallback cooldown', async () => {
    const { clock, limiter } = setup({ fallbackCooldownMs: 15_000 });
    limiter.update(['channel:1'], {}, 429);
    await assertWaits(clock, limiter.acquire(['channel:1']), 15_000);
  });

  test('remaining is counted down locally, and the reserve is kept', async () => {
    const { clock, limiter } = setup({ reserve: 1 });
    limiter.update(['channel:1'], { 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '60' }, 200);
    await limiter.acquire(['channel:1']);
    await limiter.acquire(['channel:1']);
    assert.deepEqual(limiter.status('channel:1'), { remaining: 1, resetAt: clock.now() + 60_000 });
    await assertWaits(clock, limiter.acquire(['channel:1']), 60_000);
  });

  test('a static budget paces requests before any header says so (Bluesky points)', async () => {
    const { clock, limiter } = setup({ budgets: (key) => (key.startsWith('bluesky:') ? { points: 10, windowMs: 60_000 } : undefined) });
    await limiter.acquire(['bluesky:did:plc:a'], { cost: 3 }); // t=0
    await clock.advance(10_000);
    await limiter.acquire(['bluesky:did:plc:a'], { cost: 3 }); // t=10 s
    await clock.advance(10_000);
    await limiter.acquire(['bluesky:did:plc:a'], { cost: 3 }); // t=20 s, 9 of 10 points spent
    assert.deepEqual(limiter.status('bluesky:did:plc:a'), { remaining: 1, resetAt: clock.now() - 20_000 + 60_000 });
    await limiter.acquire(['bluesky:did:plc:a'], { cost: 1 });
    // 10 spent: 2 points are free again at t=60 s when the first 3 leave the window: 40 s from now.
    await assertWaits(clock, limiter.acquire(['bluesky:did:plc:a'], { cost: 2 }), 40_000);
    // Now 3+3+1+2 = 9 in the window; a 3-point request must wait for the t=10 s spending to leave (t=70 s).
    await assertWaits(clock, limiter.acquire(['bluesky:did:plc:a'], { cost: 3 }), 10_000);
    await assert.rejects(limiter.acquire(['bluesky:did:plc:a'], { cost: 11 }), RangeError, 'a cost above the budget can never fit');
    assert.equal(limiter.status('mastodon:1'), null, 'keys without a budget have none');
  });

  test('setBudget adds and removes a static budget at run time', async () => {
    const { clock, limiter } = setup();
    limiter.setBudget('channel:9', { points: 1, windowMs: 1_000 });
    await limiter.acquire(['channel:9']);
    await assertWaits(clock, limiter.acquire(['channel:9']), 1_000);
    limiter.setBudget('channel:9', null);
    await limiter.acquire(['channel:9']);
    await limiter.acquire(['channel:9']);
    assert.equal(clock.sleeping, 0);
  });

  test('past the max wait it throws RateLimitedError with retryAt instead of sleeping', async () => {
    const { clock, limiter } = setup({ maxWaitMs: 60_000 });
    limiter.update(['channel:1'], { 'retry-after': '3600' }, 429);
    const error = await limiter.acquire(['app:a', 'channel:1']).then(() => null, (caught: unknown) => caught);
    assert.ok(error instanceof RateLimitedError);
    assert.equal(error.key, 'channel:1');
    assert.equal(error.retryAt, clock.now() + 3_600_000);
    assert.equal(clock.sleeping, 0, 'nothing slept');
    assert.deepEqual(limiter.status('channel:1'), { remaining: 0, resetAt: error.retryAt });

    // A wait just under the maximum is waited out.
    limiter.update(['channel:2'], { 'retry-after': '60' }, 429);
    await assertWaits(clock, limiter.acquire(['channel:2']), 60_000);
  });

  test('keys are independent, and a shared app key holds back every channel', async () => {
    const { clock, limiter } = setup();
    limiter.update(['channel:1'], { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' }, 200);
    await limiter.acquire(['channel:2', 'app:mastodon.social']);
    assert.equal(clock.sleeping, 0, 'another channel is not held back');
    limiter.update(['app:mastodon.social'], { 'retry-after': '10' }, 429);
    const first = track(limiter.acquire(['channel:1', 'app:mastodon.social']));
    const second = track(limiter.acquire(['channel:2', 'app:mastodon.social']));
    await clock.advance(10_000);
    assert.equal(second.done, true, 'channel 2 goes when the app budget is back');
    assert.equal(first.done, false, 'channel 1 still waits for its own reset');
    await clock.advance(20_000);
    assert.equal(first.done, true);
  });

  test('a waiting acquire can be cancelled', async () => {
    const { clock, limiter } = setup();
    limiter.update(['channel:1'], { 'retry-after': '30' }, 429);
    const controller = new AbortController();
    const pending = limiter.acquire(['channel:1'], { signal: controller.signal });
    await clock.advance(1_000);
    controller.abort(new Error('worker stopping'));
    await assert.rejects(pending, /worker stopping/);
    assert.equal(clock.sleeping, 0);
  });
});
