import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createSecretBox, SecretBoxError } from './secret-box.ts';

const key = randomBytes(32);
const box = createSecretBox(key);
const token = 'mastodon-access-token-7f3a9c';

function flipCharacter(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('secret box', () => {
  test('opens what it sealed, in the versioned format', () => {
    const sealed = box.seal(token);
    assert.match(sealed, /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    assert.equal(box.open(sealed), token);
    assert.equal(box.open(box.seal('')), '', 'the empty string survives too');
    assert.equal(box.open(box.seal('émoji 🎉 ünïcode')), 'émoji 🎉 ünïcode');
  });

  test('another box with the same key opens it (nothing lives in memory only)', () => {
    assert.equal(createSecretBox(Buffer.from(key)).open(box.seal(token)), token);
  });

  test('round-trips JSON values', () => {
    const value = { accessToken: token, refreshToken: 'r', expiresAt: 1_900_000_000, scopes: ['read', 'write'] };
    assert.deepEqual(box.openJson<typeof value>(box.sealJson(value, 'channel:1'), 'channel:1'), value);
    assert.throws(() => box.openJson(box.seal('not json')), (error: unknown) => error instanceof SecretBoxError && error.reason === 'malformed');
  });

  test('two seals of the same text differ, and neither shows the text', () => {
    const first = box.seal(token);
    const second = box.seal(token);
    assert.notEqual(first, second);
    for (const sealed of [first, second]) {
      assert.ok(!sealed.includes(token));
      assert.ok(!sealed.includes(Buffer.from(token).toString('base64url').slice(0, 12)));
      assert.ok(!sealed.includes(Buffer.from(token).toString('hex').slice(0, 12)));
    }
  });

  test('a changed byte in any part is detected', () => {
    const sealed = box.seal(token);
    const [, iv, ciphertext, tag] = sealed.split('.');
    const offsets = { iv: 3, ciphertext: 3 + iv.length + 1, tag: 3 + iv.length + 1 + ciphertext.length + 1 };
    for (const [part, offset] of Object.entries(offsets)) {
      assert.throws(
        () => box.open(flipCharacter(sealed, offset + 1)),
        (error: unknown) => error instanceof SecretBoxError && error.reason === 'authentication_failed',
        `a change in the ${part} must be detected`,
      );
    }
    assert.throws(() => box.open(`v1.${iv}.${ciphertext}.${tag.slice(0, 12)}`), SecretBoxError, 'a truncated tag is refused');
  });

  test('another key cannot open it', () => {
    assert.throws(() => createSecretBox(randomBytes(32)).open(box.seal(token)), (error: unknown) => error instanceof SecretBoxError && error.reason === 'authentication_failed');
  });

  test('associated data binds the secret to its row', () => {
    const sealed = box.seal(token, 'channel:123');
    assert.equal(box.open(sealed, 'channel:123'), token);
    for (const otherRow of ['channel:124', '', undefined]) {
      assert.throws(() => box.open(sealed, otherRow), (error: unknown) => error instanceof SecretBoxError && error.reason === 'authentication_failed');
    }
    assert.throws(() => box.open(box.seal(token), 'channel:123'), SecretBoxError, 'a secret sealed without a row does not open for one');
  });

  test('malformed input and unknown versions are clear errors that do not echo the input', () => {
    for (const garbage of ['', 'plain-token', 'v1.a.b', 'v1.!!.b.c', `v1.${'A'.repeat(16)}.AAAA.${'A'.repeat(22)}.extra`]) {
      assert.throws(() => box.open(garbage), (error: unknown) => error instanceof SecretBoxError && error.reason === 'malformed' && !error.message.includes('plain-token'));
    }
    const sealed = box.seal(token);
    assert.throws(() => box.open(`v2${sealed.slice(2)}`), (error: unknown) => error instanceof SecretBoxError && error.reason === 'unsupported_version');
  });

  test('refuses a key that is not 32 bytes', () => {
    assert.throws(() => createSecretBox(randomBytes(16)), (error: unknown) => error instanceof SecretBoxError && error.reason === 'invalid_key');
  });
});
