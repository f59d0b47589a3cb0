/**
 * The caps are ones the database can afford: a document at every count cap, and just under
 * the byte cap, is written whole; one over is refused before the database is touched.
 */
import { describe, expect, test } from 'vitest';
import { resetGraph } from '../../src/db/article-writer.ts';
import { DEFAULT_INGEST_LIMITS } from '../../src/ingest/ingest-limits.ts';
import { SeedValidationError, ingestDocuments } from '../../src/ingest/seed-run.ts';
import { graphCounts, openCleanTestDb } from '../integration/helpers/test-db.ts';

const db = await openCleanTestDb();
const { maxEntities, maxRelations, maxBytes } = DEFAULT_INGEST_LIMITS;

function documentAtCaps(entities: number, relations: number) {
  return {
    formatVersion: 1,
    article: { id: 'at-the-caps', title: 'At the caps', publishedAt: '2024' },
    entities: Array.from({ length: entities }, (_, index) => ({
      id: `g-${index}`,
      type: 'Group',
      name: `Group number ${index}`,
      aliases: [`G${index}`],
      description: 'd'.repeat(100),
    })),
    relations: Array.from({ length: relations }, (_, index) => ({
      type: 'FIGHTS',
      source: `g-${index % entities}`,
      target: `g-${(index * 7 + 1) % entities}`,
      quote: `Group ${index} fights another group, says a quote of ordinary length.`,
    })),
  };
}

describe('a document at the caps', () => {
  test(`${maxEntities} entities and ${maxRelations} relations under ${maxBytes} bytes are written whole`, async () => {
    await resetGraph(db);
    const doc = documentAtCaps(maxEntities, maxRelations);
    expect(Buffer.byteLength(JSON.stringify(doc))).toBeLessThan(maxBytes);
    const startedAt = performance.now();
    const report = await ingestDocuments([{ file: 'at-caps', json: doc }], db);
    console.log(
      `[caps] ${maxEntities} entities, ${maxRelations} relations written in ${Math.round(performance.now() - startedAt)} ms`,
    );
    expect(report).toMatchObject({ entitiesCreated: maxEntities, relationsWritten: maxRelations });
  });

  test('one entity more is refused, and the graph is unchanged', async () => {
    const before = await graphCounts(db);
    await expect(
      ingestDocuments([{ file: 'over', json: documentAtCaps(maxEntities + 1, 10) }], db),
    ).rejects.toBeInstanceOf(SeedValidationError);
    expect(await graphCounts(db)).toEqual(before);
  });
});
