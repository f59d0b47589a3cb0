import autocannon from 'autocannon';

/**
 * The normal traffic: an entity by id, a page of relations, a search, round-robin on a fixed
 * number of connections for a fixed time, with autocannon. A request fails when it gets no
 * answer within `timeoutSeconds`, a non-2xx status or a GraphQL error.
 */
export const NORMAL_QUERIES = [
  '{ entity(id: "taliban") { id name type aliases } }',
  '{ relations(filter: { target: "taliban" }, first: 20) { totalCount edges { node { id type source { name } target { name } articleCount } } } }',
  '{ search(query: "Talibn") { id name type } }',
];

export interface LoadFigures {
  /** Requests answered (any status). */
  answered: number;
  /** Milliseconds, over every answer and every timeout (counted as never answered: Infinity). */
  p50: number;
  p99: number;
  /** No answer in time, a non-2xx status or a GraphQL error. */
  failures: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
  /** Still waiting for an answer when the run ended (at most one per connection). */
  unfinished: number;
}

export function runNormalLoad(
  url: string,
  { seconds = 10, connections = 4, timeoutSeconds = 5 } = {},
): Promise<LoadFigures> {
  // autocannon's own percentiles leave out timeouts and non-2xx answers: a run where most
  // requests hang would look fast. These count every request that ended, a timeout as a
  // request never answered, so more than 1% of timeouts makes the p99 infinite.
  const latencies: number[] = [];
  let graphqlErrors = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections,
        duration: seconds,
        timeout: timeoutSeconds,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        requests: NORMAL_QUERIES.map((query) => ({
          method: 'POST' as const,
          body: JSON.stringify({ query }),
          onResponse: (status: number, body: string) => {
            if (status < 300 && body.includes('"errors"')) graphqlErrors += 1;
          },
        })),
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const errors = result.errors;
        resolve({
          answered: latencies.length - result.timeouts,
          p50: percentile(latencies, 0.5),
          p99: percentile(latencies, 0.99),
          failures: errors + result.non2xx + graphqlErrors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          graphqlErrors,
          unfinished: result.requests.sent - result.requests.total - errors,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    instance.on('reqError', (error: Error) => {
      if (/timed out/.test(error.message)) latencies.push(Number.POSITIVE_INFINITY);
    });
  });
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}
