/**
 * A bounded stream of GraphQL requests: a few sequential workers, each sending, waiting for the
 * answer and pausing briefly, until told to stop, `maxRequests` were sent or `maxMs` passed.
 * Every answer is kept with its timing, HTTP status and error code.
 */
export interface Outcome {
  sentAt: number;
  doneAt: number;
  status: number | null;
  /** OK, the first error's extensions.code, NO_CODE (an error without one) or NETWORK_ERROR. */
  code: string;
  message?: string;
}

export interface StreamOptions {
  url: string;
  query: string;
  workers?: number;
  pauseMs?: number;
  requestTimeoutMs?: number;
  maxRequests?: number;
  maxMs?: number;
}

export interface RequestStream {
  outcomes: readonly Outcome[];
  stop(): Promise<Outcome[]>;
}

export function startRequestStream(options: StreamOptions): RequestStream {
  const {
    url,
    query,
    workers = 2,
    pauseMs = 50,
    requestTimeoutMs = 30_000,
    maxRequests = 4000,
    maxMs = 150_000,
  } = options;
  const outcomes: Outcome[] = [];
  const deadline = Date.now() + maxMs;
  let sent = 0;
  let stopping = false;
  const running = () => !stopping && sent < maxRequests && Date.now() < deadline;

  async function worker(): Promise<void> {
    while (running()) {
      sent += 1;
      outcomes.push(await send(url, query, requestTimeoutMs));
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
  const all = Promise.all(Array.from({ length: workers }, worker));
  return {
    outcomes,
    async stop() {
      stopping = true;
      await all;
      return outcomes;
    },
  };
}

async function send(url: string, query: string, timeoutMs: number): Promise<Outcome> {
  const sentAt = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    const [error] = body.errors ?? [];
    return {
      sentAt,
      doneAt: Date.now(),
      status: response.status,
      code: error ? (error.extensions?.code ?? 'NO_CODE') : 'OK',
      ...(error && { message: error.message }),
    };
  } catch (error) {
    return { sentAt, doneAt: Date.now(), status: null, code: 'NETWORK_ERROR', message: (error as Error).message };
  }
}
