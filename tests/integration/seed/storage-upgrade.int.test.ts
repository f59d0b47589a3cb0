/**
 * `npm run db:migrate` upgrades a graph the first storage model wrote (a relationship per claim
 * per article) to claims as nodes behind aggregated relationships, with nothing lost.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../../src/db/driver.ts';
import { migrate } from '../../../src/db/migrate.ts';
import { RELATION_TYPES, cypherRelationshipType } from '../../../src/domain/vocabulary.ts';
import { fileSources, listArticleFiles, seedSources } from '../../../src/ingest/seed-run.ts';
import { aggregateMismatches, cypher, graphFingerprint, openCleanTestDb } from '../helpers/test-db.ts';

let db: Db;
beforeAll(async () => {
  db = await openCleanTestDb();
});
afterAll(async () => {
  for (const type of RELATION_TYPES) await cypher(db, `DROP INDEX rel_${type.toLowerCase()}_article IF EXISTS`);
  await db.driver.close();
});

/** Rewrites the graph the way the first model stored it, indexes included. */
async function downgradeToFirstModel(): Promise<void> {
  for (const type of RELATION_TYPES) {
    const relationshipType = cypherRelationshipType(type);
    await cypher(db, `MATCH ()-[r:${relationshipType}]->() DELETE r`);
    await cypher(
      db,
      `MATCH (s:Entity)<-[:SUBJECT]-(c:Claim {type: '${relationshipType}'})-[:OBJECT]->(t:Entity)
       CREATE (s)-[r:${relationshipType}]->(t)
       SET r = properties(c)
       REMOVE r.id, r.type, r.sourceId, r.targetId, r.relation`,
    );
    await cypher(db, `CREATE INDEX rel_${relationshipType.toLowerCase()}_article IF NOT EXISTS FOR ()-[r:${relationshipType}]-() ON (r.articleId)`);
  }
  await cypher(db, 'MATCH (c:Claim) DETACH DELETE c');
}

describe('upgrading a graph of the first storage model', () => {
  test('moves every claim to a Claim node and rebuilds the same relations and aggregates', async () => {
    await seedSources(fileSources(await listArticleFiles(['seed'])), db);
    const written = await graphFingerprint(db);
    await downgradeToFirstModel();
    expect(await cypher(db, 'MATCH (c:Claim) RETURN c')).toEqual([]);

    const { upgrade } = await migrate(db);
    expect(upgrade.claims).toBe(written.filter((line) => line.startsWith('claim ')).length);
    expect(await graphFingerprint(db)).toEqual(written);
    expect(await aggregateMismatches(db)).toEqual([]);
    expect(await cypher(db, "SHOW INDEXES YIELD name WHERE name ENDS WITH '_article' AND name STARTS WITH 'rel_' RETURN name")).toEqual([]);
  });

  test('a graph of the current model has nothing to upgrade', async () => {
    const { upgrade } = await migrate(db);
    expect(upgrade).toEqual({ claims: 0, relations: 0 });
  });
});
