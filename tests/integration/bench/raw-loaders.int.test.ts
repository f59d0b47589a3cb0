import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../src/bench/corpus.ts';
import { loadModel, loadSimple } from '../../../src/bench/raw-loaders.ts';
import { resetGraph } from '../../../src/db/article-writer.ts';
import type { Db } from '../../../src/db/driver.ts';
import { cypher, openCleanTestDb } from '../helpers/test-db.ts';

let db: Db;
beforeAll(async () => {
  db = await openCleanTestDb();
});
afterAll(async () => {
  await resetGraph(db);
  await db.driver.close();
});

const corpus = () => [...generateCorpus({ articles: 30, seed: 7 })];
const relationsIn = (docs: ReturnType<typeof corpus>) =>
  docs.reduce((sum, doc) => sum + (doc.json.relations as unknown[]).length, 0);

describe('loadModel (storage model v2)', () => {
  it('loads every claim as a :Claim node with its CLAIMS, SUBJECT and OBJECT links', async () => {
    await resetGraph(db);
    const docs = corpus();
    // Small batches: aggregates are merged across several transactions.
    const result = await loadModel(docs, db.driver, { database: db.database, batchClaims: 200 });
    expect(result.articles).toBe(30);
    expect(result.claims).toBe(relationsIn(docs));

    const [counts] = await cypher<{ claims: number; articles: number; withoutLinks: number }>(
      db,
      `RETURN COUNT { (:Claim) } AS claims, COUNT { (:Article) } AS articles,
              COUNT {
                MATCH (c:Claim)
                WHERE COUNT { (:Article {id: c.articleId})-[:CLAIMS]->(c) } <> 1
                   OR COUNT { (c)-[:SUBJECT]->(:Entity {id: c.sourceId}) } <> 1
                   OR COUNT { (c)-[:OBJECT]->(:Entity {id: c.targetId}) } <> 1
                   OR COUNT { (c)-[:SUBJECT|OBJECT]->() } <> 2
              } AS withoutLinks`,
    );
    expect(counts).toEqual({ claims: relationsIn(docs), articles: 30, withoutLinks: 0 });
  });

  it('keeps exactly one aggregated relation per (source, type, target), equal to a recount from the claims', async () => {
    const stored = await cypher<Record<string, unknown>>(
      db,
      `MATCH (s:Entity)-[r]->(t:Entity)
       WHERE type(r) <> 'MENTIONS'
       RETURN type(r) + ' ' + s.id + ' ' + t.id AS relation, r.key AS key, r.claimCount AS claimCount,
              r.articleCount AS articleCount, r.firstDate AS firstDate, r.lastDate AS lastDate,
              r.firstSeen AS firstSeen, r.lastSeen AS lastSeen, r.maxConfidence AS maxConfidence
       ORDER BY relation`,
    );
    const recounted = await cypher<Record<string, unknown>>(
      db,
      `MATCH (c:Claim)
       WITH c.relation AS relation, c ORDER BY c.dateStart, c.effectiveDate
       WITH relation, collect(c) AS claims
       WITH relation, claims, head(claims).effectiveDate AS firstSeen,
            [c IN claims | [c.dateEnd, c.effectiveDate]] AS ends
       UNWIND claims AS c
       WITH relation, firstSeen, ends, head(claims) AS first, c
       ORDER BY c.dateEnd DESC, c.effectiveDate DESC
       WITH relation, firstSeen, first, collect(c) AS byEnd
       UNWIND byEnd AS c
       RETURN relation, first.sourceId + ' ' + first.targetId AS key, count(c) AS claimCount,
              count(DISTINCT c.articleId) AS articleCount, min(c.dateStart) AS firstDate, max(c.dateEnd) AS lastDate,
              firstSeen, head(byEnd).effectiveDate AS lastSeen, max(c.confidence) AS maxConfidence
       ORDER BY relation`,
    );
    expect(stored.length).toBeGreaterThan(100);
    expect(stored).toEqual(recounted);
    // Popular pairs recur across articles and batches: the merge into existing counts is exercised.
    expect(stored.some((row) => Number(row.articleCount) > 1)).toBe(true);
  });
});

describe('loadSimple (the old model)', () => {
  it('writes one typed relationship per claim', async () => {
    await resetGraph(db);
    const docs = corpus();
    const result = await loadSimple(docs, db.driver, { database: db.database, batchClaims: 200 });
    const [row] = await cypher<{ claims: number; entities: number }>(
      db,
      `MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS' WITH count(r) AS claims
       MATCH (e:Entity) WHERE size(labels(e)) = 2 RETURN claims, count(e) AS entities`,
    );
    const ids = new Set(docs.flatMap((doc) => (doc.json.entities as Array<{ id: string }>).map((entity) => entity.id)));
    expect(result.claims).toBe(relationsIn(docs));
    expect(row).toEqual({ claims: relationsIn(docs), entities: ids.size });
  });
});
