// Connector tokens are stored encrypted: a copy of the database (a backup, a
// dump attached to a bug report) must not hand out access to people's social
// accounts. AES-256-GCM authenticates as well as encrypts, so a changed byte is
// detected rather than decrypted into garbage.
//
// Sealed format: `v1.<iv>.<ciphertext>.<tag>`, each part base64url. The version
// lets a later key or algorithm coexist with rows sealed today.
//
// Associated data (e.g. the channel id) is authenticated but not stored: a
// token copied into another channel's row no longer opens there.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export type SecretBoxFailure = 'malformed' | 'unsupported_version' | 'authentication_failed' | 'invalid_key';

/** A sealed value that cannot be opened. The message never contains the value. */
export class SecretBoxError extends Error {
  readonly reason: SecretBoxFailure;
  constructor(reason: SecretBoxFailure, message: string) {
    super(message);
    this.name = 'SecretBoxError';
    this.reason = reason;
  }
}

export interface SecretBox {
  seal(plaintext: string, aad?: string): string;
  open(sealed: string, aad?: string): string;
  sealJson(value: unknown, aad?: string): string;
  openJson<T>(sealed: string, aad?: string): T;
}

const version = 'v1';
const algorithm = 'aes-256-gcm';
const ivBytes = 12; // the size GCM is designed for
const tagBytes = 16; // full-length tag; shorter ones are refused when opening
const base64url = /^[A-Za-z0-9_-]*$/;

export function createSecretBox(secretKey: Buffer): SecretBox {
  if (secretKey.length !== 32) throw new SecretBoxError('invalid_key', 'the secret key must be 32 bytes');
  // The raw key also signs sessions; a key derived for this purpose alone keeps
  // the two uses independent.
  const key = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'relais:secret-box:v1', 32));

  function seal(plaintext: string, aad = ''): string {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv(algorithm, key, iv, { authTagLength: tagBytes });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [version, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  function open(sealed: string, aad = ''): string {
    const parts = sealed.split('.');
    if (parts.length !== 4) throw new SecretBoxError('malformed', 'not a sealed secret');
    if (parts[0] !== version) throw new SecretBoxError('unsupported_version', `unsupported sealed secret version "${parts[0].slice(0, 8)}"`);
    if (!parts.slice(1).every((part) => base64url.test(part))) throw new SecretBoxError('malformed', 'not a sealed secret');
    const [iv, ciphertext, tag] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
    if (iv.length !== ivBytes || tag.length !== tagBytes) throw new SecretBoxError('malformed', 'not a sealed secret');
    const decipher = createDecipheriv(algorithm, key, iv, { authTagLength: tagBytes });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('authentication_failed', 'the sealed secret was altered, or sealed with another key or for another record');
    }
  }

  return {
    seal,
    open,
    sealJson(value, aad) {
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) throw new TypeError('sealJson needs a JSON-serialisable value');
      return seal(text, aad);
    },
    openJson<T>(sealed: string, aad?: string): T {
      const text = open(sealed, aad);
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new SecretBoxError('malformed', 'the sealed secret is not JSON');
      }
    },
  };
}
