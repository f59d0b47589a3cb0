/**
 * The examples people copy: every GraphQL block of the README and every GraphiQL tab must
 * run without errors on the seed and return data, so the documentation cannot drift from
 * the API.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { GRAPHIQL_TABS } from '../../../src/graphql/graphiql-examples.ts';
import { API_TOKEN, openApi } from './harness.ts';

const seed = JSON.parse(readFileSync('seed/2024-10-03-korybko-quadrilateral-statement.json', 'utf8')) as unknown;
const api = await openApi({ graph: 'empty' });

beforeAll(async () => {
  const { body } = await api.gql(
    'mutation($d: JSON!) { ingestArticle(document: $d) { relationsWritten } }',
    { d: seed },
    { token: API_TOKEN },
  );
  expect(body.errors).toBeUndefined();
});

/** Each `{ ... }` document of a ```graphql block, comments dropped. */
function readmeQueries(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return blocks.flatMap((block) =>
    block
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n')
      .split(/\n(?=\{)/)
      .map((query) => query.trim())
      .filter(Boolean),
  );
}

const hasData = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : value !== null && typeof value === 'object'
      ? Object.values(value).every(hasData)
      : value !== null;

describe('documented examples', () => {
  test('the README has GraphQL examples to check', () => {
    expect(readmeQueries().length).toBeGreaterThanOrEqual(5);
  });

  test.each(readmeQueries().map((query) => [query.split('\n')[0]!.slice(0, 70), query]))(
    'README: %s',
    async (_, query) => {
      const { body } = await api.gql(query);
      expect(body.errors).toBeUndefined();
      expect(hasData(body.data)).toBe(true);
    },
  );

  test.each(
    GRAPHIQL_TABS.map((tab) => [
      tab.query.split('\n').find((line) => line.startsWith('query')) ?? tab.query.slice(0, 60),
      tab,
    ]),
  )('GraphiQL tab: %s', async (_, tab) => {
    const { body } = await api.gql(
      tab.query,
      tab.variables ? (JSON.parse(tab.variables) as Record<string, unknown>) : undefined,
    );
    expect(body.errors).toBeUndefined();
    expect(hasData(body.data)).toBe(true);
  });
});
