// Many callers asking the database for the same kind of work at the same
// moment (the jobs a worker claimed together all read their row, then all
// claim it) are served by one statement or one transaction: each statement
// costs a round trip, a parse and, outside a transaction, a commit, which
// under load cost more than the rows themselves.
import DataLoader from 'dataloader';

/** Calls this close to the previous batch mean calls keep coming: worth waiting for a few more. */
const BUSY_MS = 50;

/**
 * Returns a function whose calls made during one turn of the event loop are passed together to `all`,
 * which answers each key at the same position (an Error there fails that call only). When the whole
 * batch fails (a transaction rolled back), each call is tried again on its own, so that one caller's
 * bad row does not fail the others: `all` must therefore leave nothing behind when it throws.
 */
export function batched<K, V>(all: (keys: readonly K[]) => Promise<Array<V | Error>>, options: { maxBatchSize?: number; windowMs?: number } = {}): (key: K) => Promise<V> {
  const windowMs = options.windowMs ?? 0;
  let lastDispatch = -Infinity;
  let running: Promise<unknown> | null = null;
  const run = async (keys: readonly K[]): Promise<Array<V | Error>> => {
    if (keys.length === 1) return all(keys);
    try {
      return await all(keys);
    } catch {
      return Promise.all(keys.map((key) => all([key]).then((values) => values[0]!, (error: unknown) => (error instanceof Error ? error : new Error(String(error))))));
    }
  };
  const loader = new DataLoader<K, V>(
    (keys) => {
      const batch = run(keys);
      const settled = batch.then(
        () => undefined,
        () => undefined,
      );
      running = settled;
      void settled.then(() => {
        if (running === settled) running = null;
      });
      return batch;
    },
    {
      cache: false,
      maxBatchSize: options.maxBatchSize ?? 100,
      // Calls that arrive one by one (answers from the network) are gathered for up to `windowMs`, but
      // only while calls keep coming: a lone call, after a quiet spell, is dispatched at once.
      batchScheduleFn: (dispatch) => {
        const now = performance.now();
        const busy = now - lastDispatch < BUSY_MS;
        lastDispatch = now;
        // While a batch is still at the database (a PostgreSQL round trip or several), the next one
        // gathers what arrives meanwhile and goes when it is done: one at a time, each as full as it can be.
        if (windowMs > 0 && running) void running.then(dispatch);
        else if (windowMs > 0 && busy) setTimeout(dispatch, windowMs);
        // As DataLoader does by default: once the promise jobs queued so far have run.
        else void Promise.resolve().then(() => process.nextTick(dispatch));
      },
    },
  );
  return (key) => loader.load(key);
}
