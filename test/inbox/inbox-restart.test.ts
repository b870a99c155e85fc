// A worker killed while it polls, on both engines: a customer keeps
// mentioning the brand on a Mastodon instance (the replay server, answering
// slowly); the worker process polling the channel is SIGKILLed mid-way, another
// starts; in the end every mention is in the inbox exactly once — nothing
// lost (the cursor only moves with the items it covers), nothing doubled.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startMastodonReplay } from '../peers/mastodon/replay-server.ts';
import { engines } from '../support/engines.ts';
import { onCleanup } from '../support/cleanup.ts';
import { startTestRelais, setUpAdminAndWorkspace } from '../support/relais.ts';
import { startWorkerProcess } from '../support/worker-process.ts';
import { waitFor } from '../support/wait.ts';
import { connectMastodonAccount } from '../support/inbox.ts';

const workerEnv = { RELAIS_ALLOW_PRIVATE_URLS: 'true', RELAIS_JOB_LEASE_SECONDS: '3', RELAIS_INBOX_POLL_MIN_SECONDS: '1', RELAIS_INBOX_POLL_MAX_SECONDS: '1' };
const TOTAL = 240;

for (const engine of engines) {
  describe(`inbox polling through a crash (${engine})`, () => {
    test('a worker killed mid-poll, another started: every mention once, none lost', async () => {
      const server = await startMastodonReplay({ latencyMs: 15 });
      onCleanup(() => server.close());
      server.createAccount('maison', { displayName: 'Maison Dupont' });
      server.createAccount('cliente', { displayName: 'Une cliente' });
      const fanToken = server.issueToken('cliente', ['read', 'write']);
      const relais = await startTestRelais(engine, { ...workerEnv, RELAIS_ROLES: 'web,scheduler' });
      const { admin, workspaceId } = await setUpAdminAndWorkspace(relais);
      const services = relais.relais.services;
      const channel = await connectMastodonAccount(relais, admin, workspaceId, server, 'maison');
      const db = services.database.db;
      const count = async () => Number((await db.selectFrom('inbox_item').select((eb) => eb.fn.countAll<number>().as('n')).where('channel_id', '=', channel.id).executeTakeFirstOrThrow()).n);

      let first = startWorkerProcess(relais, workerEnv);
      // The first poll (nothing yet) sets the cursor.
      await waitFor(async () => ((await db.selectFrom('inbox_poll_state').select('last_polled_at').where('channel_id', '=', channel.id).executeTakeFirst())?.last_polled_at ? true : null), { timeoutMs: 30_000, what: 'a first poll' });

      const mention = async (n: number) => {
        const response = await fetch(`${server.origin}/api/v1/statuses`, {
          method: 'POST',
          headers: { authorization: `Bearer ${fanToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status: `@maison question n°${n} : ma commande ? (${engine})`, visibility: 'public' }),
        });
        assert.equal(response.status, 200, await response.text());
      };
      let written = 0;
      const writing = (async () => {
        // About one a twentieth of a second: polls (every few seconds) happen while they come.
        for (; written < TOTAL; written += 1) {
          // Halfway, the customer waits for the worker to have taken some in (a busy machine may be slow to start it),
          // so that the kill below lands mid-way whatever the machine.
          if (written === TOTAL / 2) await waitFor(async () => ((await count()) > 20 ? true : null), { timeoutMs: 60_000, what: 'the worker to take mentions in' });
          await mention(written);
          await new Promise((resolve) => setTimeout(resolve, 40));
        }
      })();
      // Kill the worker once it has taken some of them in, with more still coming.
      await waitFor(async () => {
        const n = await count();
        return n > 20 && written < TOTAL - 60 ? n : null;
      }, { intervalMs: 5, timeoutMs: 60_000, what: 'some mentions polled' }).catch(async (error: Error) => {
        const state = await db.selectFrom('inbox_poll_state').selectAll().execute();
        throw new Error(`${error.message}: ${written} written; poll state ${JSON.stringify(state)}; worker: ${first.output().slice(-2000)}`);
      });
      await first.kill('SIGKILL');
      const atKill = await count();
      await writing;
      assert.ok(atKill < TOTAL, `killed mid-way (${atKill} of ${TOTAL} in)`);

      first = startWorkerProcess(relais, workerEnv);
      const final = await waitFor(async () => {
        const n = await count();
        return n >= TOTAL ? n : null;
      }, { timeoutMs: 60_000, what: 'every mention in the inbox' });
      // A few more polls: nothing more comes.
      const polled = async () => Number((await db.selectFrom('inbox_poll_state').select('last_polled_at').where('channel_id', '=', channel.id).executeTakeFirstOrThrow()).last_polled_at);
      const since = await polled();
      await waitFor(async () => ((await polled()) > since + 2_000 ? true : null), { timeoutMs: 30_000, what: 'more polls' });
      await first.kill('SIGTERM');

      const rows = await db.selectFrom('inbox_item').select(['text', 'remote_key']).where('channel_id', '=', channel.id).execute();
      assert.equal(final, TOTAL);
      assert.equal(rows.length, TOTAL, 'nothing doubled');
      const numbers = new Set(rows.map((row) => Number(/n°(\d+)/.exec(row.text)?.[1])));
      assert.equal(numbers.size, TOTAL, 'nothing lost: every question is there once');
      assert.equal(new Set(rows.map((row) => row.remote_key)).size, TOTAL);
    });
  });
}
