import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, test } from 'vitest';
import { queryClasses, type HttpRequestSpec } from '../../../src/bench/compare/query-classes.ts';
import { loadConfig } from '../../../src/config.ts';
import { GRAPHIQL_TABS } from '../../../src/graphql/graphiql-examples.ts';
import { operationCost } from '../../../src/graphql/query-cost.ts';
import { buildSchema } from '../../../src/graphql/schema.ts';

const schema = buildSchema();
const costOf = (query: string, variables?: Record<string, unknown>): number => {
  const result = operationCost(schema, parse(query), variables, undefined);
  if (!('cost' in result)) throw new Error(`no cost for ${query}: ${JSON.stringify(result)}`);
  return result.cost;
};

/** Every document of the ```graphql blocks of a Markdown file. */
function markdownQueries(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((match) =>
    (match[1] ?? '')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n')
      .split(/\n(?=\{|mutation|query)/)
      .map((query) => query.trim())
      .filter(Boolean),
  );
}

describe('query cost', () => {
  test('a field costs 1, a list its first times its selection', () => {
    expect(costOf('{ articles(first: 3) { id } }')).toBe(3 * (1 + 1));
    expect(costOf('{ articles(first: 3) { id title } }')).toBe(3 * (1 + 2));
  });

  test('nested lists multiply', () => {
    const inner = costOf('{ entity(id: "x") { relations(first: 10) { id } } }');
    const nested = costOf('{ relations(first: 10) { edges { node { source { relations(first: 10) { id } } } } } }');
    expect(inner).toBe(1 + 10 * 2);
    expect(nested).toBe(10 * (1 + 1 + 1 + 1 + 10 * 2));
  });

  test('a list without first costs its default page; above its cap, the cap (the resolver then refuses it)', () => {
    expect(costOf('{ articles { id } }')).toBe(20 * 2);
    expect(costOf('{ articles(first: 100000) { id } }')).toBe(costOf('{ articles(first: 100) { id } }'));
  });

  test('a page size in a variable costs like a literal one', () => {
    expect(costOf('query($n: Int) { articles(first: $n) { id } }', { n: 7 })).toBe(
      costOf('{ articles(first: 7) { id } }'),
    );
  });

  test('a neighborhood costs its node and relation caps, whatever its depth', () => {
    expect(costOf('{ neighborhood(id: "x", depth: 3) { nodes { id } relations { id } } }')).toBe(
      1 + 200 * 2 + 1000 * 2,
    );
  });

  test('introspection is free: it reads the schema, never the database', () => {
    expect(costOf('{ __schema { types { name fields { name args { name } } } } }')).toBe(0);
  });

  const EXAMPLE_VARIABLES = { d: {}, text: 'ISKP' };
  /** The project's requests of `npm run bench`, with the variables they are sent with. */
  const benchQueries = queryClasses({ popular: 'a', second: 'b', middle: 'c', searchText: 'xyz' }).flatMap(
    (queryClass): Array<[string, string, Record<string, unknown>]> =>
      [queryClass.requests.project, queryClass.paged?.specs.project?.at('cursor')]
        .filter((spec): spec is HttpRequestSpec => spec !== undefined)
        .map((spec) => [
          `bench: ${queryClass.name}`,
          String(spec.body.query),
          (spec.body.variables ?? {}) as Record<string, unknown>,
        ]),
  );
  const documented: Array<[string, string, Record<string, unknown>]> = [
    ...markdownQueries('README.md').map((query): [string, string, Record<string, unknown>] => [
      `README: ${query.slice(0, 50)}`,
      query,
      EXAMPLE_VARIABLES,
    ]),
    ...markdownQueries('docs/api.md').map((query): [string, string, Record<string, unknown>] => [
      `docs/api.md: ${query.slice(0, 50)}`,
      query,
      EXAMPLE_VARIABLES,
    ]),
    ...GRAPHIQL_TABS.map((tab): [string, string, Record<string, unknown>] => [
      `GraphiQL: ${tab.query.split('\n')[0]}`,
      tab.query,
      EXAMPLE_VARIABLES,
    ]),
    ...benchQueries,
  ];

  test('there are documented and benchmarked queries to check', () => {
    expect(documented.length).toBeGreaterThan(20);
    expect(benchQueries.length).toBeGreaterThan(8);
  });

  test.each(documented)('%s fits the default budget', (_name, query, variables) => {
    expect(costOf(query, variables)).toBeLessThanOrEqual(loadConfig({}).MAX_COST);
  });
});
