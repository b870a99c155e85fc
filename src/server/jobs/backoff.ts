// Delay before retrying a failed job. Exponential with "full jitter": a random
// delay between 0 and base·2^(attempt-1), capped, so a burst of jobs failing
// together (an API outage) does not come back as a synchronised burst.

export type Backoff = (attempt: number) => number;

export function exponentialBackoff(options: { baseMs?: number; capMs?: number; random?: () => number } = {}): Backoff {
  const baseMs = options.baseMs ?? 1_000;
  const capMs = options.capMs ?? 3_600_000;
  const random = options.random ?? Math.random;
  return (attempt) => {
    // Math.min before the power would overflow to Infinity for large attempts.
    const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 52));
    return Math.floor(random() * ceiling);
  };
}

export const defaultBackoff: Backoff = exponentialBackoff();
