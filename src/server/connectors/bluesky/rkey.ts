// Record keys derived from Relais' own keys, so that the PDS itself guarantees
// "at most one": a repository holds at most one record per (collection, key),
// so a retried createRecord with the same key cannot publish a second post.
//
// app.bsky.feed.post (and .like) keys must be TIDs: 13 characters of
// base32-sortable, the 64-bit value `0 | 53-bit microseconds | 10-bit clock id`.
// The derived TID takes its timestamp and clock id from a SHA-256 of the key.
// The timestamp is kept within 2023-01-01 … 2025-03-25 (2^46 µs): always in the
// past, so no tool that reads a time from a key sees a post from the future.
// That leaves 56 bits of hash: a collision between two keys of one account
// is out of reach (birthday bound ~2^28 posts).
import { createHash } from 'node:crypto';

const alphabet = '234567abcdefghijklmnopqrstuvwxyz';
const epochMicros = BigInt(Date.UTC(2023, 0, 1)) * 1000n;
const timestampBits = 46n;

/**
 * The PDS refuses record keys its slur filter matches; the only one of its
 * patterns that can match inside a 13-character key is this one (widened
 * here to be safe). A key that matches is skipped for the next candidate.
 */
const refusedByPds = /n[iloa4ı][gq]{2}/;

export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/** Encodes a 63-bit value as a TID (13 characters, the first one carrying the top bits). */
export function encodeTid(value: bigint): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < 13; i += 1) {
    out = alphabet[Number(rest & 31n)] + out;
    rest >>= 5n;
  }
  return out;
}

/** The microseconds since the epoch a TID encodes. */
export function tidTimestamp(tid: string): Date {
  let value = 0n;
  for (const char of tid) value = (value << 5n) | BigInt(alphabet.indexOf(char));
  return new Date(Number(value >> 10n) / 1000);
}

/**
 * The record key for `key` in `namespace` ('post', 'like', …): always the same
 * for the same pair, a valid TID, different across namespaces.
 */
export function deriveRecordKey(namespace: string, key: string): string {
  if (key.length === 0) throw new RangeError('an empty key cannot give a record key');
  for (let attempt = 0; ; attempt += 1) {
    const digest = createHash('sha256').update(`relais:bluesky:rkey:v1\n${namespace}\n${key}\n${attempt}`).digest();
    const timestamp = digest.readBigUInt64BE(0) & ((1n << timestampBits) - 1n);
    const clockId = BigInt(digest.readUInt16BE(8) & 0x3ff);
    const tid = encodeTid(((epochMicros + timestamp) << 10n) | clockId);
    if (!refusedByPds.test(tid)) return tid;
  }
}

/** The key of the post published for a Relais idempotency key. */
export function postRecordKey(idempotencyKey: string): string {
  return deriveRecordKey('post', idempotencyKey);
}

/** The key of this account's like of a post (one like per post, whoever asks twice). */
export function likeRecordKey(subjectUri: string): string {
  return deriveRecordKey('like', subjectUri);
}
