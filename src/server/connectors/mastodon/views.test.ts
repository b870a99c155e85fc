import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MastoAccount, MastoStatus } from './api-types.ts';
import { compareIds, handleOf, threadOf } from './views.ts';

const serverUrl = 'https://relais-node.example';

function account(acct: string, url: string): MastoAccount {
  return { id: acct, username: acct.split('@')[0]!, acct, display_name: '', url, avatar: '' } as MastoAccount;
}

function status(id: string, replyTo: string | null, content: string, mentions: Array<{ username: string; acct: string }> = []): MastoStatus {
  return {
    id,
    uri: `${serverUrl}/statuses/${id}`,
    url: `${serverUrl}/@brand/${id}`,
    created_at: '2026-03-29T07:00:00.000Z',
    content: `<p>${content}</p>`,
    in_reply_to_id: replyTo,
    account: account('brand', `${serverUrl}/@brand`),
    mentions,
  } as unknown as MastoStatus;
}

test('ids compare as numbers when both are (snowflakes longer than a double), as strings otherwise', () => {
  assert.ok(compareIds('9', '10') < 0);
  assert.ok(compareIds('113000000000000000001', '113000000000000000002') < 0);
  assert.equal(compareIds('0042', '42'), 0);
  assert.ok(compareIds('abc', 'abd') < 0);
});

test('a local account is named with the domain of its profile, a remote one as the instance spells it', () => {
  assert.equal(handleOf(account('maison', 'https://social.maison.example/@maison'), serverUrl), 'maison@social.maison.example');
  assert.equal(handleOf(account('ada@elsewhere.example', 'https://elsewhere.example/@ada'), serverUrl), 'ada@elsewhere.example');
  assert.equal(handleOf(account('maison', ''), serverUrl), 'maison@relais-node.example');
});

test('a thread whose first post is not visible starts at the highest post shown, replies oldest first, our mention dropped', () => {
  const self = [{ username: 'brand', acct: 'brand' }];
  const statuses = [
    // 100 (the original) is not visible to the account: 101 replies to it.
    status('101', '100', 'a reply to a hidden post'),
    status('103', '101', '@brand later reply', self),
    status('102', '101', '@brand first reply', self),
    status('104', '102', 'deeper'),
  ];
  const thread = threadOf('102', statuses, { serverUrl, self });
  assert.equal(thread.remoteId, '101');
  assert.deepEqual(
    thread.replies.map((reply) => [reply.remoteId, reply.text]),
    [
      ['102', 'first reply'],
      ['103', 'later reply'],
    ],
  );
  assert.deepEqual(thread.replies[0]!.replies.map((reply) => reply.remoteId), ['104']);
  assert.equal(thread.author.handle, 'brand@relais-node.example');
});
