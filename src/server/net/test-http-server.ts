// Real HTTP servers on 127.0.0.1 for the network tests (never another address:
// the machine has no network but loopback, and a test must not try one).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onCleanup } from '../../../test/support/cleanup.ts';

export interface TestServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** Requests received so far, with their bodies. */
  hits: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, hit: number) => void;

export async function startTestServer(handler: Handler): Promise<TestServer> {
  const hits: TestServer['hits'] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      hits.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      handler(request, response, hits.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, port, hits };
}
