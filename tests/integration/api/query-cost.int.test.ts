/**
 * Cost discipline: a request runs a bounded number of Cypher queries, set by the shape of the
 * query (its nesting and the kinds of fields), never by the number of rows it returns.
 * `extensions.cypherQueries` reports the count of each response.
 */
import { describe, expect, test } from 'vitest';
import { addFixtureCopies } from './fixture.ts';
import { openApi } from './harness.ts';

// NESTED reaches every kind of nested load at once, deeper and costlier than the default
// operation limits allow: this file measures Cypher queries per request, not those limits.
const api = await openApi({ env: { MAX_DEPTH: '10', MAX_COST: '100000000' } });

async function cost(
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ queries: number; body: Awaited<ReturnType<typeof api.gql>>['body'] }> {
  const { body } = await api.gql(query, variables);
  expect(body.errors).toBeUndefined();
  return { queries: body.extensions?.cypherQueries ?? Number.NaN, body };
}

/** Every kind of nested field: entities, their relations and articles, evidence, authors, statements. */
const NESTED = `query Nested($first: Int!) {
  relations(first: $first, filter: { includeStatements: true }) {
    totalCount
    edges { node {
      source {
        name
        relations(first: 3) { target { name } evidence { article { title } } }
        articles(first: 2) { title }
        ... on Meeting { attendees { name } }
      }
      target { name ... on Statement { issuedBy { name } claims { type } } }
      via { name }
      evidence { quote attributedTo { name } article { title authors { name } entities { name } relations { type } } }
    } }
  }
}`;

describe('query cost', () => {
  test('a nested request costs the same when the graph, and so the response, is four times larger', async () => {
    const before = await cost(NESTED, { first: 200 });
    await addFixtureCopies(api.db, 3);
    const after = await cost(NESTED, { first: 200 });
    const rows = (body: typeof before.body) => body.data.relations.edges.length as number;
    expect(rows(after.body)).toBe(4 * rows(before.body));
    expect(after.queries).toBe(before.queries);
    // One per kind of load and level of nesting: relations; entities (two levels); Entity.relations;
    // Entity.articles; Meeting.attendees; Statement.issuedBy; Statement.claims; articles (two levels);
    // Article.authors; Article.entities; Article.relations; evidence (two levels).
    expect(after.queries).toBeLessThanOrEqual(15);
  });

  test('the cost grows with nesting depth, not with rows', async () => {
    const counts: number[] = [];
    for (const first of [1, 10, 50, 200]) {
      counts.push(
        (
          await cost(
            `query($first: Int!) { relations(first: $first) { edges { node { source { name } target { name } } } } }`,
            { first },
          )
        ).queries,
      );
    }
    expect(counts).toEqual([1, 1, 1, 1]);
  });

  // The numbers docs/api.md lists, per operation.
  const operations: Array<[string, string, number]> = [
    ['entity', '{ entity(id: "taliban") { name aliases } }', 1],
    [
      'entity with relations and articles',
      '{ entity(id: "taliban") { relations { type source { name } target { name } } articles { title } } }',
      3,
    ],
    ['search', '{ search(query: "iskp") { name } }', 1],
    ['relations page', '{ relations(first: 20) { totalCount edges { node { type articleCount } } } }', 1],
    [
      'relations with endpoints and evidence articles',
      '{ relations(first: 20) { edges { node { source { name } target { name } evidence { article { title } } } } } }',
      1,
    ],
    [
      'path',
      '{ path(from: "china", to: "balochistan-liberation-army") { nodes { name } relations { type source { name } target { name } } } }',
      1,
    ],
    [
      'neighborhood',
      '{ neighborhood(id: "taliban", depth: 2) { nodes { name } relations { source { name } target { name } } } }',
      2,
    ],
    [
      'article',
      '{ article(id: "2024-10-03-korybko-quadrilateral-statement") { title authors { name } entities { name } relations { type } } }',
      4,
    ],
    ['articles', '{ articles { title } }', 1],
    [
      'dyad',
      '{ dyad(a: "pakistan", b: "taliban") { a { name } b { name } relations { source { name } target { name } } timeline { date } } }',
      2,
    ],
    ['ranking', '{ ranking(type: CRITICIZES, includeStatements: true) { entity { name } articleCount } }', 1],
    [
      'timeline',
      '{ timeline(id: "china") { date relation { type source { name } target { name } } evidence { quote } } }',
      2,
    ],
  ];
  test.each(operations)('%s: %#', async (_name, query, expected) => {
    expect((await cost(query)).queries).toBe(expected);
  });
});
