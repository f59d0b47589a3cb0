import type { IncomingHttpHeaders } from 'node:http';

export interface Refusal {
  status: 411 | 413;
  body: { errors: Array<{ message: string; extensions: { code: string; max: number } }> };
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Refuses a request body above `maxBytes` before a byte of it is read: Yoga reads the whole
 * body into memory, so one request of a gigabyte would otherwise be one request too many.
 * Node's parser reads exactly Content-Length bytes, so the header can be trusted; a body
 * without it (chunked) has no size to check and is refused too (GraphQL clients send it).
 */
export function bodySizeRefusal(
  method: string | undefined,
  headers: IncomingHttpHeaders,
  maxBytes: number,
): Refusal | null {
  if (!METHODS_WITH_BODY.has((method ?? 'GET').toUpperCase())) return null;
  const declared = headers['content-length'];
  if (declared === undefined) {
    if (headers['transfer-encoding'] === undefined) return null;
    return refusal(
      411,
      'LENGTH_REQUIRED',
      `A request body needs a Content-Length header (at most ${maxBytes} bytes).`,
      maxBytes,
    );
  }
  if (Number(declared) > maxBytes) {
    return refusal(
      413,
      'PAYLOAD_TOO_LARGE',
      `The request body is ${declared} bytes, above the limit of ${maxBytes}.`,
      maxBytes,
    );
  }
  return null;
}

const refusal = (status: Refusal['status'], code: string, message: string, max: number): Refusal => ({
  status,
  body: { errors: [{ message, extensions: { code, max } }] },
});
