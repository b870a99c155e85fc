// The publishing benchmark's check of its stand-in network: from its own
// process, this creates statuses on the Mastodon replay server as fast as
// `inFlight` concurrent requests allow (each account in turn, as the workers
// would), so the server's capacity is measured without Relais in the way. It
// uses undici's request API, as Relais' HTTP client does (fetch costs more CPU
// per request and would measure itself rather than the server).
import { Agent, request } from 'undici';

export interface PublishingLoadOptions {
  origin: string;
  tokens: string[];
  requests: number;
  inFlight: number;
}

export interface PublishingLoadReport {
  seconds: number;
  failures: number;
}

if (process.argv[1] === import.meta.filename) {
  const { origin, tokens, requests, inFlight } = JSON.parse(process.argv[2]!) as PublishingLoadOptions;
  const dispatcher = new Agent();
  let next = 0;
  let failures = 0;
  process.send!('ready');
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < requests) {
        const i = next++;
        const response = await request(`${origin}/api/v1/statuses`, {
          method: 'POST',
          dispatcher,
          headers: { authorization: `Bearer ${tokens[i % tokens.length]}`, 'content-type': 'application/json', 'idempotency-key': `load-${i}` },
          body: JSON.stringify({ status: `Capacity check ${i}` }),
        });
        await response.body.arrayBuffer();
        if (response.statusCode !== 200) failures += 1;
      }
    }),
  );
  const report: PublishingLoadReport = { seconds: (performance.now() - started) / 1000, failures };
  await dispatcher.close();
  process.send!(report, () => process.exit(0));
}
