/**
 * Operation limits: a request that asks for too much is refused before any Cypher runs, with a
 * code per limit and HTTP 400 (docs/api.md, "Limits"). The attacks are those of the probe that
 * took the API down: deep nesting, many aliases, huge documents, deep literals.
 */
import { describe, expect, test } from 'vitest';
import { API_TOKEN, firstError, openApi } from './harness.ts';
import { spyOn } from './spy-db.ts';

const api = await openApi();
const spy = spyOn(api.db);
const guarded = await openApi({ db: spy, graph: 'as-is' });
const strict = await openApi({
  graph: 'as-is',
  db: api.db,
  env: { MAX_DEPTH: '2', MAX_ALIASES: '1', MAX_COST: '5', MAX_TOKENS: '30' },
});
const small = await openApi({ graph: 'as-is', db: api.db, env: { MAX_RESPONSE_BYTES: '100' } });

/** `relations(first: 50)` nested through `source { relations … }` `levels` times: the probe's query. */
function nestedRelations(levels: number): string {
  let selection = 'id';
  for (let level = 0; level < levels; level += 1) selection = `source { id relations(first: 50) { ${selection} } }`;
  return `{ relations(first: 50) { edges { node { ${selection} } } } }`;
}

const aliases = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`;
const NEIGHBORHOOD = 'neighborhood(id: "taliban", depth: 3) { nodes { id } relations { source { id } target { id } } }';
const nestedList = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
const nestedObject = (depth: number) => `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;

/** The request is refused with `code` and HTTP 400, and no Cypher query was sent for it. */
async function expectRefused(request: Promise<{ status: number; body: { errors?: unknown[] } }>, code: string) {
  spy.reset();
  const { status, body } = await request;
  expect(firstError(body as never).extensions.code).toBe(code);
  expect(status).toBe(400);
  expect(spy.calls).toEqual([]);
}

describe('operation limits', () => {
  test('relations nested 13 levels deep are refused with DEPTH_LIMIT_EXCEEDED before any Cypher runs', async () => {
    await expectRefused(guarded.gql(nestedRelations(13)), 'DEPTH_LIMIT_EXCEEDED');
  });

  test('a refusal names the limit and what the request had', async () => {
    // relations, edges, node; then source and relations 13 times; then id.
    expect(firstError((await guarded.gql(nestedRelations(13))).body).extensions).toMatchObject({
      max: 6,
      found: 3 + 2 * 13 + 1,
    });
  });

  test('1,000 aliases of neighborhood(depth: 3) are refused before any Cypher runs, at the first limit they meet: tokens', async () => {
    await expectRefused(guarded.gql(aliases(1000, NEIGHBORHOOD)), 'TOKEN_LIMIT_EXCEEDED');
  });

  test('16 aliases are refused with ALIAS_LIMIT_EXCEEDED', async () => {
    await expectRefused(guarded.gql(aliases(16, 'articles(first: 1) { id }')), 'ALIAS_LIMIT_EXCEEDED');
  });

  test('a document of more than 1,000 tokens is refused with TOKEN_LIMIT_EXCEEDED', async () => {
    await expectRefused(guarded.gql(`{ ${'__typename '.repeat(1001)} }`), 'TOKEN_LIMIT_EXCEEDED');
  });

  test('more than 50 directives are refused with DIRECTIVE_LIMIT_EXCEEDED', async () => {
    await expectRefused(
      guarded.gql(`{ articles { id ${'@include(if: true) '.repeat(51)} } }`),
      'DIRECTIVE_LIMIT_EXCEEDED',
    );
  });

  test('nested lists multiply the cost: relations(first: 200) inside relations(first: 200) is refused with COST_LIMIT_EXCEEDED', async () => {
    const query = '{ relations(first: 200) { edges { node { source { relations(first: 200) { id } } } } } }';
    await expectRefused(guarded.gql(query), 'COST_LIMIT_EXCEEDED');
  });

  test('ten aliases of neighborhood(depth: 3) stay within depth and aliases but not within the cost limit', async () => {
    await expectRefused(guarded.gql(aliases(10, NEIGHBORHOOD)), 'COST_LIMIT_EXCEEDED');
  });

  test('a page size given in a variable counts in the cost like a literal one', async () => {
    const query =
      'query($n: Int) { relations(first: $n) { edges { node { source { relations(first: $n) { id } } } } } }';
    await expectRefused(guarded.gql(query, { n: 200 }), 'COST_LIMIT_EXCEEDED');
    const { body } = await guarded.gql(query, { n: 2 });
    expect(body.errors).toBeUndefined();
  });

  test('fragments spread over and over are refused, however short the document', async () => {
    const fragments = Array.from(
      { length: 12 },
      (_, index) => `fragment F${index} on Query { ...F${index + 1} ...F${index + 1} }`,
    ).join('\n');
    const query = `{ ...F0 }\n${fragments}\nfragment F12 on Query { articles { id } }`;
    const { status, body } = await guarded.gql(query);
    expect(status).toBe(400);
    expect(firstError(body).extensions.code).toMatch(/_LIMIT_EXCEEDED$|GRAPHQL_VALIDATION_FAILED/);
  });

  test('a list literal nested 5,000 levels deep in the query is a 400, not a 500', async () => {
    await expectRefused(
      guarded.gql(`{ relations(filter: { types: ${nestedList(5000)} }) { totalCount } }`),
      'TOKEN_LIMIT_EXCEEDED',
    );
  });

  test('an object literal nested 5,000 levels deep in the query is a 400, not a 500', async () => {
    await expectRefused(
      guarded.gql(`mutation { ingestArticle(document: ${nestedObject(5000)}) { outcome } }`, undefined, {
        token: API_TOKEN,
      }),
      'TOKEN_LIMIT_EXCEEDED',
    );
  });

  // Written by hand: JSON.stringify itself overflows the stack on such values.
  const withVariables = (query: string, variables: string) =>
    `{"query":${JSON.stringify(query)},"variables":${variables}}`;

  test('a list nested 5,000 levels deep in the variables is BAD_USER_INPUT, not a 500', async () => {
    const query = 'query($types: [RelationType!]) { relations(filter: { types: $types }) { totalCount } }';
    const { status, body } = await guarded.post(withVariables(query, `{"types":${nestedList(5000)}}`));
    expect(status).toBeLessThan(500);
    expect(firstError(body).extensions.code).toBe('BAD_USER_INPUT');
  });

  test('an object nested 5,000 levels deep in a JSON variable is BAD_USER_INPUT, not a 500', async () => {
    const document = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const query = 'mutation($d: JSON!) { ingestArticle(document: $d) { outcome } }';
    const { status, body } = await guarded.post(withVariables(query, `{"d":${document}}`), { token: API_TOKEN });
    expect(status).toBeLessThan(500);
    expect(firstError(body).extensions.code).toBe('BAD_USER_INPUT');
  });

  test('field suggestions ("Did you mean …?") are not given outside development', async () => {
    const { body } = await guarded.gql('{ entiy(id: "taliban") { name } }');
    expect(firstError(body).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(firstError(body).message).not.toContain('Did you mean');
  });
});

describe('operation limits follow the environment', () => {
  test('MAX_DEPTH', async () => {
    expect(
      firstError((await strict.gql('{ search(query: "x", first: 1) { relations(first: 1) { id } } }')).body).extensions
        .code,
    ).toBe('DEPTH_LIMIT_EXCEEDED');
  });

  test('MAX_ALIASES', async () => {
    expect(
      firstError((await strict.gql('{ a: articles(first: 1) { id } b: articles(first: 1) { id } }')).body).extensions
        .code,
    ).toBe('ALIAS_LIMIT_EXCEEDED');
  });

  test('MAX_COST', async () => {
    expect(firstError((await strict.gql('{ articles(first: 3) { id } }')).body).extensions.code).toBe(
      'COST_LIMIT_EXCEEDED',
    );
  });

  test('MAX_TOKENS', async () => {
    expect(firstError((await strict.gql(`{ ${'__typename '.repeat(31)} }`)).body).extensions.code).toBe(
      'TOKEN_LIMIT_EXCEEDED',
    );
  });
});

describe('response size', () => {
  test('an answer above MAX_RESPONSE_BYTES is RESPONSE_TOO_LARGE with HTTP 400, without the data', async () => {
    const { status, body } = await small.gql('{ search(query: "ta", first: 50) { id name aliases description } }');
    expect(status).toBe(400);
    expect(firstError(body).extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', max: 100 });
    expect(body.data).toBeNull();
  });

  test('an answer within MAX_RESPONSE_BYTES is untouched', async () => {
    const { status, body } = await small.gql('{ entity(id: "taliban") { name } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ entity: { name: 'Taliban' } });
  });
});
