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
/** Attributions the files give (a v1 relation and a v2 one without any have one: the article's or attributedTo's). */
const attributionsIn = (docs: ReturnType<typeof corpus>) =>
  docs.reduce(
    (sum, doc) =>
      sum +
      (doc.json.relations as Array<{ attributions?: unknown[] }>).reduce(
        (inner, relation) => inner + (relation.attributions?.length ?? 1),
        0,
      ),
    0,
  );

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

  it('holds each claim by its attributions in order: HELD_BY the holder entity, or the article for its own voice', async () => {
    const docs = corpus();
    const [row] = await cypher<{ holdings: number; misordered: number; toArticle: number; reported: number }>(
      db,
      `MATCH (c:Claim)-[h:HELD_BY]->(x)
       WITH c, collect(h) AS holdings, count(h) AS n, sum(h.order) AS orders,
            sum(CASE WHEN x:Article AND x.id = c.articleId THEN 1 ELSE 0 END) AS toArticle,
            sum(CASE WHEN h.reportedBy IS NOT NULL AND h.reportedBy < h.order THEN 1 ELSE 0 END) AS reported
       RETURN sum(n) AS holdings, sum(CASE WHEN orders = n * (n - 1) / 2 THEN 0 ELSE 1 END) AS misordered,
              sum(toArticle) AS toArticle, sum(reported) AS reported`,
    );
    expect(row).toMatchObject({ holdings: attributionsIn(docs), misordered: 0 });
    expect(row?.toArticle).toBeGreaterThan(0);
    expect(row?.reported).toBeGreaterThan(0);
    const [links] = await cypher<{ published: number; authored: number; attributed: number; firstHeld: number }>(
      db,
      `RETURN COUNT { (:Article)-[:PUBLISHED_BY]->(:Group) } AS published,
              COUNT { (:Person)-[:AUTHORED]->(:Article) } AS authored,
              COUNT { (:Claim)-[:ATTRIBUTED_TO]->(:Entity) } AS attributed,
              COUNT { (:Claim)-[:HELD_BY {order: 0}]->(:Entity) } AS firstHeld`,
    );
    const v2Files = docs.filter((doc) => doc.json.formatVersion === 2).length;
    expect(links).toEqual({
      published: v2Files,
      authored: v2Files,
      attributed: links?.firstHeld,
      firstHeld: links?.firstHeld,
    });
  });

  it('names the relation of affirmative claims only; the others keep their properties but no relation', async () => {
    const rows = await cypher<{ affirmative: boolean; named: number; claims: number }>(
      db,
      `MATCH (c:Claim)
       RETURN c.affirmative AS affirmative, count(c.relation) AS named, count(*) AS claims ORDER BY affirmative`,
    );
    const [denied, affirmed] = rows;
    expect(denied).toMatchObject({ affirmative: false, named: 0 });
    expect(denied?.claims).toBeGreaterThan(0);
    expect(affirmed?.named).toBe(affirmed?.claims);
    const [negative] = await cypher<{ missing: number }>(
      db,
      `MATCH (c:Claim)
       WHERE c.polarity IS NULL OR c.section IS NULL OR c.validStart IS NULL OR c.hypothetical IS NULL
          OR (c.quote IS NOT NULL AND c.quoteStart IS NULL)
       RETURN count(c) AS missing`,
    );
    expect(negative?.missing).toBe(0);
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
      `MATCH (c:Claim) WHERE c.affirmative
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
      `MATCH (:Entity)-[r]->(:Entity) WITH count(r) AS claims
       MATCH (e:Entity) WHERE size(labels(e)) = 2 RETURN claims, count(e) AS entities`,
    );
    const ids = new Set(docs.flatMap((doc) => (doc.json.entities as Array<{ id: string }>).map((entity) => entity.id)));
    expect(result.claims).toBe(relationsIn(docs));
    expect(row).toEqual({ claims: relationsIn(docs), entities: ids.size });
  });
});
