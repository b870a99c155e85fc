// Request bodies are encoded once, up front, into bytes or text: the same body
// can then be sent again by a retry or a 307/308 redirect. Responses are read
// whole but only up to a size cap, so a hostile or broken server cannot fill
// the memory of a worker.
import type { Readable } from 'node:stream';
import { FormData as UndiciFormData, Response as UndiciResponse } from 'undici';

/** string and bytes are sent as they are; URLSearchParams and FormData as forms; any other object as JSON. */
export type RequestBody = string | Uint8Array | URLSearchParams | FormData | UndiciFormData | Blob | object;

export interface EncodedBody {
  body: string | Uint8Array | undefined;
  contentType: string | undefined;
}

export class ResponseTooLargeError extends Error {
  readonly limitBytes: number;
  constructor(limitBytes: number) {
    super(`the response is larger than ${limitBytes} bytes`);
    this.name = 'ResponseTooLargeError';
    this.limitBytes = limitBytes;
  }
}

export async function encodeRequestBody(body: RequestBody | undefined | null): Promise<EncodedBody> {
  if (body === undefined || body === null) return { body: undefined, contentType: undefined };
  if (typeof body === 'string' || body instanceof Uint8Array) return { body, contentType: undefined };
  if (body instanceof URLSearchParams) return { body: body.toString(), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (body instanceof Blob) return { body: new Uint8Array(await body.arrayBuffer()), contentType: body.type || undefined };
  if (body instanceof FormData || body instanceof UndiciFormData) {
    // Node's global FormData and undici's are different classes that do not
    // recognise each other; each one's own Response writes its multipart body.
    const encoded = body instanceof FormData ? new globalThis.Response(body) : new UndiciResponse(body);
    return { body: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? undefined };
  }
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

/** Reads the whole body, or throws ResponseTooLargeError as soon as it passes `maxBytes` (and stops downloading). */
export async function readCappedBody(response: { headers: Headers; body: Readable & { dump(options?: { limit: number }): Promise<unknown> } }, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Closes the connection rather than downloading what will not be read.
    await response.body.dump({ limit: 1 });
    throw new ResponseTooLargeError(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      // The loop's iterator listens for the stream's end: destroying it here leaves nothing unhandled.
      response.body.destroy();
      throw new ResponseTooLargeError(maxBytes);
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
