import { randomUUID } from 'node:crypto';

/** An id a caller or proxy sent is kept when it looks like one; anything else could forge log lines. */
const SENT_ID = /^[\w.:-]{1,100}$/;

const ids = new WeakMap<object, string>();

/**
 * The request's id: the `x-request-id` it came with, else a new UUID; the same for the whole
 * request (its log lines, its transactions' metadata, the response header).
 */
export function requestIdOf(request: Pick<Request, 'headers'>): string {
  let id = ids.get(request);
  if (id === undefined) {
    const sent = request.headers.get('x-request-id');
    id = sent !== null && SENT_ID.test(sent) ? sent : randomUUID();
    ids.set(request, id);
  }
  return id;
}
