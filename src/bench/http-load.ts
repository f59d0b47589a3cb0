/**
 * Load on one request class of one target: a sample request first (its answer must be a 2xx
 * without GraphQL `errors`, else the class is FAILED and not loaded), then autocannon on
 * loopback at a fixed concurrency for a fixed time. Percentiles are computed here over every
 * request that ended, a timeout counting as never answered (autocannon's own leave out
 * timeouts and non-2xx answers, which would make a failing run look fast). Any error,
 * timeout, non-2xx or GraphQL error during the run makes the class FAILED too.
 */
import autocannon from 'autocannon';
import type { HttpRequestSpec } from './compare/query-classes.ts';

export interface LoadSettings {
  connections: number;
  /** Seconds of load per class. */
  duration: number;
  /** Seconds before a request counts as timed out. */
  timeout?: number;
}

export interface ClassFigures {
  /** null when the class ran clean; else why it is FAILED. */
  failure: string | null;
  requests: number;
  reqPerSec: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
  /** Cypher queries per request, as the sample response reported it (`extensions.cypherQueries`). */
  cypherQueries: number | null;
}

export interface SampleAnswer {
  status: number;
  body: unknown;
  ms: number;
}

/** One request, answered as parsed JSON (or the text when it is not JSON). */
export async function sendOnce(origin: string, spec: HttpRequestSpec): Promise<SampleAnswer> {
  const started = performance.now();
  const response = await fetch(`${origin}${spec.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(spec.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: reported as it is.
  }
  return { status: response.status, body, ms: performance.now() - started };
}

/** Why a sample answer is a failure, or null: a non-2xx status, GraphQL `errors`, or the raw handler's `error`. */
export function sampleFailure(answer: SampleAnswer): string | null {
  const body = answer.body as { errors?: unknown; error?: unknown } | string;
  const detail = typeof body === 'string' ? body : JSON.stringify(body.errors ?? body.error ?? null);
  if (answer.status < 200 || answer.status >= 300) return `HTTP ${answer.status}: ${detail.slice(0, 300)}`;
  if (typeof body === 'object' && body !== null && (body.errors !== undefined || body.error !== undefined))
    return detail.slice(0, 300);
  return null;
}

/** `extensions.cypherQueries` (GraphQL) or `cypherQueries` (the raw handler). */
export function cypherQueriesOf(body: unknown): number | null {
  if (body === null || typeof body !== 'object') return null;
  const record = body as { extensions?: { cypherQueries?: unknown }; cypherQueries?: unknown };
  const count = record.extensions?.cypherQueries ?? record.cypherQueries;
  return typeof count === 'number' ? count : null;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] as number;
}

/** The figures of a class that could not be measured: why, and no numbers. */
export const failed = (failure: string, cypherQueries: number | null): ClassFigures => ({
  failure,
  requests: 0,
  reqPerSec: 0,
  p50: Number.NaN,
  p99: Number.NaN,
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  graphqlErrors: 0,
  cypherQueries,
});

export async function loadClass(origin: string, spec: HttpRequestSpec, settings: LoadSettings): Promise<ClassFigures> {
  let sample: SampleAnswer;
  try {
    sample = await sendOnce(origin, spec);
  } catch (error) {
    return failed(`no answer: ${error instanceof Error ? error.message : String(error)}`, null);
  }
  const cypherQueries = cypherQueriesOf(sample.body);
  const sampleProblem = sampleFailure(sample);
  if (sampleProblem) return failed(sampleProblem, cypherQueries);

  const latencies: number[] = [];
  let graphqlErrors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${origin}${spec.path}`,
        method: 'POST',
        connections: settings.connections,
        duration: settings.duration,
        timeout: settings.timeout ?? 10,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        requests: [
          {
            method: 'POST' as const,
            body: JSON.stringify(spec.body),
            onResponse: (status: number, body: string) => {
              if (
                status < 300 &&
                (body.startsWith('{"errors"') || body.includes('"errors":[') || body.startsWith('{"error"'))
              )
                graphqlErrors += 1;
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    instance.on('reqError', (error: Error) => {
      if (/timed out/.test(error.message)) latencies.push(Number.POSITIVE_INFINITY);
    });
  });
  latencies.sort((a, b) => a - b);
  const problems = [
    result.errors > 0 && `${result.errors} connection errors (${result.timeouts} timeouts)`,
    result.non2xx > 0 && `${result.non2xx} non-2xx answers`,
    graphqlErrors > 0 && `${graphqlErrors} answers with errors`,
  ].filter((problem): problem is string => typeof problem === 'string');
  return {
    failure: problems.length > 0 ? problems.join(', ') : null,
    requests: result.requests.total,
    reqPerSec: result.requests.total / Math.max(result.duration, 1e-9),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    cypherQueries,
  };
}
