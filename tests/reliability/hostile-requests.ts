/**
 * Requests an attacker (or a careless client) sends to a public GraphQL API, each a valid HTTP
 * POST to /graphql. Built once: every body is a string ready to send.
 */
export interface HostileRequest {
  kind: string;
  body: string;
}

const json = (query: string) => JSON.stringify({ query });

/** `relations { source { relations { source { ... } } } }`, `levels` relation levels deep. */
export function deeplyNestedRelations(levels: number): string {
  let selection = 'id name';
  for (let level = 0; level < levels; level += 1) selection = `relations { source { ${selection} } }`;
  return `{ entity(id: "taliban") { ${selection} } }`;
}

/** The costliest field repeated under aliases: `n0: neighborhood(depth: 3) ... n999: ...`. */
export function aliasedNeighborhoods(count: number): string {
  const fields = Array.from(
    { length: count },
    (_, index) => `n${index}: neighborhood(id: "taliban", depth: 3) { nodes { id } }`,
  );
  return `{ ${fields.join(' ')} }`;
}

/** About `bytes` of query: one field under ever more aliases. */
export function hugeQuery(bytes: number): string {
  const fields: string[] = [];
  let length = 0;
  for (let index = 0; length < bytes; index += 1) {
    const field = `f${index}: name `;
    fields.push(field);
    length += field.length;
  }
  return `{ entity(id: "taliban") { ${fields.join('')}} }`;
}

/** An argument holding a list literal nested `levels` deep: `types: [[[[...]]]]`. */
export function nestedListLiteral(levels: number): string {
  return `{ search(query: "taliban", types: ${'['.repeat(levels)}${']'.repeat(levels)}) { id } }`;
}

/** Bodies that are not JSON, or not the JSON a GraphQL request is. */
export const GARBAGE_BODIES = [
  '{"query": "{ entity(id: \\"taliban',
  '\u0000\u00ff\u0001not json at all',
  '[[[[[[[[[[',
  '{"query": 42}',
  'x'.repeat(10_000),
];

/** One group per kind of attack; each group gets a sender of its own, so every kind runs at once. */
export function hostileRequestGroups(): HostileRequest[][] {
  return [
    [8, 9, 10, 11, 12, 13].map((levels) => ({
      kind: `nested relations, ${levels} levels`,
      body: json(deeplyNestedRelations(levels)),
    })),
    [{ kind: '1,000 aliases of neighborhood(depth: 3)', body: json(aliasedNeighborhoods(1000)) }],
    [{ kind: '1 MB query', body: json(hugeQuery(1_000_000)) }],
    [{ kind: '5,000-level nested list literal', body: json(nestedListLiteral(5000)) }],
    GARBAGE_BODIES.map((body) => ({ kind: 'garbage JSON body', body })),
  ];
}

export interface HostileReport {
  sent: number;
  /** Per kind: how many, and the HTTP statuses (or "no answer") they got. */
  byKind: Record<string, { sent: number; statuses: Record<string, number> }>;
}

/**
 * Sends every group's requests in a loop of its own until `signal` aborts (and at most
 * `maxPerGroup` each). A request is abandoned after `requestTimeoutMs`: the client gives up,
 * as an attacker would, whatever the server still does with it.
 */
export async function sendHostileRequests(
  url: string,
  signal: AbortSignal,
  { requestTimeoutMs = 5_000, maxPerGroup = 200 } = {},
): Promise<HostileReport> {
  const report: HostileReport = { sent: 0, byKind: {} };
  async function sender(group: HostileRequest[]): Promise<void> {
    for (let index = 0; !signal.aborted && index < maxPerGroup; index += 1) {
      const request = group[index % group.length]!;
      report.sent += 1;
      const entry = (report.byKind[request.kind] ??= { sent: 0, statuses: {} });
      entry.sent += 1;
      // One controller per request rather than AbortSignal.any(), whose timeout signals Node 20
      // may collect before they fire.
      const giveUp = new AbortController();
      const timer = setTimeout(() => giveUp.abort(), requestTimeoutMs);
      const onStop = () => giveUp.abort();
      signal.addEventListener('abort', onStop);
      let status: string;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: request.body,
          signal: giveUp.signal,
        });
        await response.arrayBuffer();
        status = String(response.status);
      } catch {
        status = 'no answer';
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', onStop);
      }
      entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
    }
  }
  await Promise.all(hostileRequestGroups().map(sender));
  return report;
}
