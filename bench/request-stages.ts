// Where an outbound request's time goes, from undici's diagnostics channels:
// from the moment undici has it to the moment it is written on a socket (a
// reused connection is written only after the loop's I/O phase), and from then
// to the moment the answer's headers have been read (the network's latency,
// plus however long the answer waited for the loop). For the publishing
// benchmark's workers; nothing in Relais listens to these channels.
import diagnostics from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';

export interface RequestStages {
  requests: number;
  /** Mean ms from undici's request to its first byte on the socket. */
  toWrittenMs: number;
  /** Mean ms from written to the answer's headers read. */
  toAnsweredMs: number;
}

export function watchRequestStages(): { reset(): void; report(): RequestStages } {
  const seen = new WeakMap<object, { created: number; written?: number }>();
  let requests = 0;
  let toWritten = 0;
  let toAnswered = 0;
  diagnostics.subscribe('undici:request:create', (message) => {
    seen.set((message as { request: object }).request, { created: performance.now() });
  });
  diagnostics.subscribe('undici:client:sendHeaders', (message) => {
    const stages = seen.get((message as { request: object }).request);
    if (stages) stages.written = performance.now();
  });
  diagnostics.subscribe('undici:request:headers', (message) => {
    const stages = seen.get((message as { request: object }).request);
    if (stages?.written === undefined) return;
    const now = performance.now();
    requests += 1;
    toWritten += stages.written - stages.created;
    toAnswered += now - stages.written;
  });
  return {
    reset() {
      requests = toWritten = toAnswered = 0;
    },
    report: () => ({ requests, toWrittenMs: requests ? toWritten / requests : 0, toAnsweredMs: requests ? toAnswered / requests : 0 }),
  };
}
