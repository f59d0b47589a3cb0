/**
 * Without a filter, `ranking` counts claims only for the entities whose relationships' article
 * counts can reach the top; with one, it counts every claim. A filter that keeps every claim
 * must then give the same ranking: on a generated corpus with popular actors and ties.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../../../src/bench/corpus.ts';
import type { Db } from '../../../src/db/driver.ts';
import { createQueryRunner } from '../../../src/db/query-runner.ts';
import { findRanking } from '../../../src/db/relations.repo.ts';
import { RELATION_TYPES } from '../../../src/domain/vocabulary.ts';
import { fileSources, listArticleFiles, seedSources } from '../../../src/ingest/seed-run.ts';
import { openCleanTestDb } from '../helpers/test-db.ts';

let db: Db;
const folder = mkdtempSync(join(tmpdir(), 'ranking-bounds-'));
beforeAll(async () => {
  db = await openCleanTestDb();
  for (const { file, json } of generateCorpus({ articles: 150, seed: 11 })) writeFileSync(join(folder, file), JSON.stringify(json));
  await seedSources(fileSources(await listArticleFiles([folder])), db);
}, 120_000);
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await db.driver.close();
});

describe('ranking', () => {
  const cases = RELATION_TYPES.flatMap((type) =>
    (['SOURCE', 'TARGET'] as const).flatMap((role) => [false, true].map((includeStatements) => ({ type, role, includeStatements }))),
  );
  test.each(cases)('$type $role (includeStatements $includeStatements): bounded counting ranks as counting every claim', async (options) => {
    const runner = createQueryRunner(db);
    const bounded = await findRanking(runner, { ...options, first: 5, filter: {} });
    const everyClaim = await findRanking(runner, { ...options, first: 5, filter: { from: '1900-01-01' } });
    expect(bounded).toEqual(everyClaim);
  });

  test('the corpus ranks someone for the common types', async () => {
    const rows = await findRanking(createQueryRunner(db), { type: 'CRITICIZES', role: 'TARGET', includeStatements: true, first: 5, filter: {} });
    expect(rows).toHaveLength(5);
    expect(rows[0]!.articleCount).toBeGreaterThan(rows[4]!.articleCount);
  });
});
