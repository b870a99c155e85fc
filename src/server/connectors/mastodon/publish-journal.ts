// What Relais remembers of a publication attempt, so that `findPublished` can
// recognise the status an earlier attempt created even on a server that
// ignores the Idempotency-Key header (snac2 does, and Mastodon forgets keys
// after an hour). Relais embeds nothing in the text; it matches what it knows:
// the text, the post replied to, the number of media, and the time the first
// attempt started. The default journal lives in memory; a caller that wants
// reconciliation to survive a restart passes one backed by the database (or
// passes the attempt itself to `findPublished`).

export interface PublishAttempt {
  /** The instance (ids are only unique on one). */
  serverUrl: string;
  idempotencyKey: string;
  text: string;
  replyToId: string | null;
  mediaCount: number;
  /** Epoch ms when the first attempt started (kept across retries). */
  startedAt: number;
  /** The status, once an attempt got an answer or reconciliation found it. */
  remoteId?: string;
}

export interface PublishJournal {
  get(serverUrl: string, idempotencyKey: string): Promise<PublishAttempt | undefined>;
  put(attempt: PublishAttempt): Promise<void>;
  /** The key of the attempt that already owns this status, if any (two identical posts must not both claim one). */
  claimedBy(serverUrl: string, remoteId: string): Promise<string | undefined>;
}

export function createMemoryJournal(maxEntries = 1000): PublishJournal {
  const attempts = new Map<string, PublishAttempt>();
  const claims = new Map<string, string>();
  return {
    async get(serverUrl, key) {
      const attempt = attempts.get(`${serverUrl} ${key}`);
      return attempt && { ...attempt };
    },
    async put(attempt) {
      const id = `${attempt.serverUrl} ${attempt.idempotencyKey}`;
      attempts.delete(id);
      attempts.set(id, { ...attempt });
      if (attempt.remoteId) claims.set(`${attempt.serverUrl} ${attempt.remoteId}`, attempt.idempotencyKey);
      while (attempts.size > maxEntries) {
        const [oldest, dropped] = attempts.entries().next().value as [string, PublishAttempt];
        attempts.delete(oldest);
        if (dropped.remoteId) claims.delete(`${dropped.serverUrl} ${dropped.remoteId}`);
      }
    },
    async claimedBy(serverUrl, remoteId) {
      return claims.get(`${serverUrl} ${remoteId}`);
    },
  };
}

/** The journal connectors share when given none: it lasts as long as this process. */
export const processJournal: PublishJournal = createMemoryJournal(10_000);
