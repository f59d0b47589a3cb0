/**
 * `claims` for an entity with most of the graph's claims walks every claim in evidence order
 * instead of sorting the entity's own (src/db/claims.repo.ts): the pages must be the same as
 * those read from the entity, which another condition (here `types`, true of every claim of
 * the entity) makes the query do.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { ingestDocuments } from '../../../src/ingest/seed-run.ts';
import { openApi } from './harness.ts';

const api = await openApi({ graph: 'empty' });

const TARGETS = 45;
const critic = (index: number) => ({
  formatVersion: 2,
  article: { id: `walk-${index % 3}`, title: `Article ${index % 3}`, publishedAt: `2024-0${(index % 3) + 1}-15` },
});

beforeAll(async () => {
  const documents = [0, 1, 2].map((article) => ({
    ...critic(article),
    entities: [
      { id: 'pakistan', type: 'State', name: 'Pakistan' },
      ...Array.from({ length: TARGETS }, (_, i) => ({ id: `group-${i}`, type: 'Group', name: `Group ${i}` })),
    ],
    relations: Array.from({ length: TARGETS }, (_, i) => ({
      type: 'CRITICIZES',
      source: 'pakistan',
      target: `group-${i}`,
      quote: `Pakistan criticized group ${i}`,
      ...(i % 5 === 0 && { date: `2024-0${article + 1}-0${(i % 9) + 1}` }),
    })),
  }));
  await ingestDocuments(
    documents.map((json, index) => ({ file: `walk-${index}.json`, json })),
    api.db,
  );
}, 60_000);

const PAGE = `query ($filter: ClaimFilter, $after: String) {
  claims(filter: $filter, first: 40, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
}`;

async function allPages(filter: Record<string, unknown>): Promise<{ ids: string[]; totalCount: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await api.data(PAGE, { filter, after });
    ids.push(...data.claims.edges.map((edge: { node: { id: string } }) => edge.node.id));
    if (!data.claims.pageInfo.hasNextPage) return { ids, totalCount: data.claims.totalCount };
    after = data.claims.pageInfo.endCursor;
  }
}

describe('claims of an entity with most of the claims', () => {
  test('walking every claim in order gives the pages reading the entity’s claims gives', async () => {
    const walked = await allPages({ subject: 'pakistan' });
    const read = await allPages({ subject: 'pakistan', types: ['CRITICIZES'] });
    expect(walked.ids).toHaveLength(3 * TARGETS);
    expect(new Set(walked.ids).size).toBe(3 * TARGETS);
    expect(walked.ids).toEqual(read.ids);
    expect(walked.totalCount).toBe(3 * TARGETS);
  });
});
