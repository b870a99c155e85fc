// The secret in a client approval link: 32 random bytes (base64url, 43
// characters). Only its SHA-256 is stored — a 256-bit random secret needs no
// slow hash — so a database dump opens no link.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hex SHA-256 of a token; null when the text cannot be one of ours (no database lookup needed). */
export function hashLinkToken(token: string): string | null {
  return tokenShape.test(token) ? createHash('sha256').update(token).digest('hex') : null;
}

/** Compares two hex hashes in constant time. */
export function sameTokenHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
