/**
 * `npm run db:migrate` upgrades a graph the first storage model wrote (a relationship per claim
 * per article) to claims as nodes behind aggregated relationships, with nothing lost.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../../src/db/driver.ts';
import { resetGraph } from '../../../src/db/article-writer.ts';
import { migrate } from '../../../src/db/migrate.ts';
import { rebuildRelations } from '../../../src/db/rebuild-relations.ts';
import { RELATION_TYPES, cypherRelationshipType } from '../../../src/domain/vocabulary.ts';
import { fileSources, ingestDocuments, listArticleFiles, seedSources } from '../../../src/ingest/seed-run.ts';
import { articleDoc } from '../../fixtures/article-builder.ts';
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
    expect(upgrade).toEqual({ claims: 0, relations: 0, claimsToV2: 0, relationsRecounted: 0 });
  });
});

/** The properties evidence model v2 added to claims: what a claim written before it lacks. */
const V2_CLAIM_PROPS = [
  'polarity',
  'condition',
  'hypothetical',
  'validFrom',
  'validTo',
  'ended',
  'validStart',
  'validEnd',
  'credibility',
  'section',
  'quoteStart',
  'quoteEnd',
  'sourceReliability',
  'affirmative',
];

/**
 * Rewrites the graph the way the writer stored it before evidence model v2: no HELD_BY, none
 * of the v2 claim properties, every claim (denied ones too) with its relation and counted in
 * its aggregates.
 */
async function downgradeToV1Claims(): Promise<void> {
  await cypher(db, 'MATCH (:Claim)-[h:HELD_BY]->() DELETE h');
  await cypher(db, 'MATCH (:Article)-[p:PUBLISHED_BY]->() DELETE p');
  await cypher(
    db,
    `MATCH (c:Claim)
     SET c.relation = c.type + ' ' + c.sourceId + ' ' + c.targetId, c.affirmative = true`,
  );
  // Every claim counted, as the first writer did: the recount reads `affirmative`, set for that.
  await rebuildRelations(db);
  await cypher(db, `MATCH (c:Claim) REMOVE ${V2_CLAIM_PROPS.map((key) => `c.${key}`).join(', ')}`);
}

/** Each claim's v2 properties and holders, as text: what the upgrade must give back. */
async function claimsAsV2(): Promise<string[]> {
  const rows = await cypher<{ line: string }>(
    db,
    `MATCH (c:Claim)
     RETURN c.id + ' relation=' + coalesce(c.relation, '-') + ' affirmative=' + toString(c.affirmative)
            + ' polarity=' + c.polarity + ' hypothetical=' + toString(c.hypothetical) + ' ended=' + toString(c.ended)
            + ' section=' + c.section + ' validStart=' + c.validStart
            + ' held by' + reduce(s = '', h IN COLLECT {
                MATCH (c)-[r:HELD_BY]->(x) RETURN toString(r.order) + ':' + r.stance + ':' + coalesce(x.id, '?')
                       + CASE WHEN x:Article THEN '(article)' ELSE '' END + ':' + coalesce(toString(r.reportedBy), '-') AS h
                ORDER BY h
              } | s + ' ' + h) AS line`,
  );
  return rows.map((row) => row.line).sort();
}

const v1Article = articleDoc('v1-article')
  .add('State', 'pakistan')
  .add('Group', 'taliban')
  .add('State', 'china')
  .add('Group', 'ttp')
  .claim('CRITICIZES', 'pakistan', 'taliban')
  .claim('CRITICIZES', 'pakistan', 'taliban', { modality: 'alleged', attributedTo: 'pakistan' })
  .claim('SHELTERS', 'taliban', 'ttp', { modality: 'denied', attributedTo: 'taliban' })
  .claim('OPPOSES', 'china', 'pakistan', { modality: 'denied' })
  .claim('OPPOSES', 'china', 'pakistan', { modality: 'speculated', attributedTo: 'china' })
  .build();

describe('upgrading claims written before evidence model v2', () => {
  test('gives every claim the v2 defaults and holders, and takes denied claims out of their relations, as the v2 writer does', async () => {
    await resetGraph(db);
    await ingestDocuments([{ file: 'v1-article.json', json: v1Article }], db);
    const written = await graphFingerprint(db);
    const writtenClaims = await claimsAsV2();
    await downgradeToV1Claims();
    expect(await cypher(db, 'MATCH ()-[:SHELTERS]->() RETURN 1 AS one')).toHaveLength(1);

    const { upgrade } = await migrate(db);
    expect(upgrade).toMatchObject({ claimsToV2: 5, relationsRecounted: 2 });
    expect(await claimsAsV2()).toEqual(writtenClaims);
    expect(await graphFingerprint(db)).toEqual(written);
    expect(await aggregateMismatches(db)).toEqual([]);
  });

  test('the voice of a v1 claim is its attributed actor with the stance of its modality, else the article asserting it', async () => {
    expect(await claimsAsV2()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^v1-article#0 relation=CRITICIZES pakistan taliban affirmative=true .* held by 0:asserts:v1-article\(article\):-$/),
        expect.stringMatching(/^v1-article#1 .* held by 0:alleges:pakistan:-$/),
      ]),
    );
  });

  test('a relation whose only claim is denied is deleted; one with another claim left is recounted without it', async () => {
    expect(await cypher(db, 'MATCH ()-[r:SHELTERS]->() RETURN r')).toEqual([]);
    const [opposes] = await cypher<{ claimCount: number; modalities: string[] }>(
      db,
      `MATCH (:State {id: 'china'})-[r:OPPOSES]->(:State {id: 'pakistan'}) RETURN r.claimCount AS claimCount, r.modalities AS modalities`,
    );
    expect(opposes).toEqual({ claimCount: 1, modalities: ['speculated'] });
    expect(await claimsAsV2()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^v1-article#2 relation=- affirmative=false .* held by 0:denies:taliban:-$/)]),
    );
  });

  test('upgrading again changes nothing', async () => {
    const before = await claimsAsV2();
    const { upgrade } = await migrate(db);
    expect(upgrade).toEqual({ claims: 0, relations: 0, claimsToV2: 0, relationsRecounted: 0 });
    expect(await claimsAsV2()).toEqual(before);
  });

  test('an upgrade interrupted after the claims resumes with the recount', async () => {
    await resetGraph(db);
    await ingestDocuments([{ file: 'v1-article.json', json: v1Article }], db);
    const written = await graphFingerprint(db);
    await downgradeToV1Claims();
    // As if stopped between the steps: claims upgraded, denied ones still counted.
    await cypher(db, "MATCH (c:Claim) SET c.affirmative = c.modality <> 'denied'");
    await cypher(
      db,
      "MATCH (c:Claim) WHERE NOT EXISTS { (c)-[:HELD_BY]->() } MATCH (a:Article)-[:CLAIMS]->(c) CREATE (c)-[:HELD_BY {order: 0, stance: 'asserts'}]->(a)",
    );
    const { upgrade } = await migrate(db);
    expect(upgrade.relationsRecounted).toBe(2);
    expect(await graphFingerprint(db)).toEqual(written);
    expect(await aggregateMismatches(db)).toEqual([]);
  });
});
