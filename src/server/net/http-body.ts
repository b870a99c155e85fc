// Request bodies are encoded once, up front, into bytes or text: the same body
// can then be sent again by a retry or a 307/308 redirect. Responses are read
// whole but only up to a size cap, so a hostile or broken server cannot fill
// the memory of a worker.
import { FormData as UndiciFormData, Response as UndiciResponse, type Response } from 'undici';

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
export async function readCappedBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new ResponseTooLargeError(maxBytes);
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ResponseTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
