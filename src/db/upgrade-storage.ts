/**
 * Upgrades graphs older versions wrote, in two steps, each a no-op on a graph that has had it:
 *
 * 1. The first storage model (one vocabulary relationship per claim per article, carrying its
 *    evidence) to claims as :Claim nodes behind one aggregated relationship per (source, type,
 *    target). Such a graph is recognised by the indexes that model kept on each relationship
 *    type's `articleId`; a graph without them has nothing to upgrade.
 * 2. Claims written before evidence model v2 (docs/evidence-model-v2.md) to v2 claims: the
 *    defaults of the new properties, one HELD_BY for the voice the v1 modality and
 *    `attributedTo` describe, `affirmative`; and a denied claim, no longer evidence of its
 *    relation, loses its `relation` and its share of the aggregates. Recognised claim by claim
 *    (no `affirmative`, or no HELD_BY), so an upgrade interrupted half-way resumes.
 */
import { DEFAULT_POLARITY, DEFAULT_SECTION, STANCE_OF_V1_MODALITY } from '../domain/evidence-vocabulary.ts';
import { RELATION_TYPES, cypherRelationshipType } from '../domain/vocabulary.ts';
import { transactionMetadata } from './cypher-trace.ts';
import type { Db } from './driver.ts';
import { ARTICLE, ATTRIBUTED_TO, CLAIM, CLAIMS, ENTITY, HELD_BY, OBJECT, SUBJECT } from './labels.cypher.ts';
import { parseRow } from './parse-rows.ts';
import { IS_AFFIRMATIVE } from './relation-aggregates.cypher.ts';
import { TextListSchema } from './rows.ts';
import { rebuildRelations, recountRelationsOfClaims } from './rebuild-relations.ts';

const LEGACY_INDEXES = RELATION_TYPES.flatMap((type) => {
  const name = cypherRelationshipType(type).toLowerCase();
  return [`rel_${name}_article`, `rel_${name}_attributed_to`];
});

export interface StorageUpgrade {
  /** Claims moved from relationships to :Claim nodes (0: nothing to upgrade). */
  claims: number;
  relations: number;
  /** Claims given the v2 properties and holders (0: every claim had them). */
  claimsToV2: number;
  /** Relations recounted without the claims that stopped counting (deleted when none remained). */
  relationsRecounted: number;
}

export async function upgradeStorage(db: Db): Promise<StorageUpgrade> {
  const firstModel = await upgradeFirstModel(db);
  const claimsToV2 = await upgradeClaimsToV2(db);
  const relationsRecounted = await withdrawNonAffirmativeClaims(db);
  return { ...firstModel, claimsToV2, relationsRecounted };
}

async function upgradeFirstModel(db: Db): Promise<{ claims: number; relations: number }> {
  const { records } = await db.driver.executeQuery(
    'SHOW INDEXES YIELD name WHERE name IN $names RETURN collect(name) AS names',
    { names: LEGACY_INDEXES },
    { database: db.database, routing: 'READ' },
  );
  const legacy = parseRow(TextListSchema, records[0]?.get('names'), 'legacy index names');
  if (legacy.length === 0) return { claims: 0, relations: 0 };

  const session = db.driver.session({ database: db.database });
  let claims = 0;
  try {
    for (const type of RELATION_TYPES) {
      const relationshipType = cypherRelationshipType(type);
      // In batches (CALL … IN TRANSACTIONS needs an auto-commit transaction), each claim moved
      // whole: node, links, and the old relationship deleted in the same inner transaction.
      const result = await session.run(
        `MATCH (s:${ENTITY})-[r:${relationshipType}]->(t:${ENTITY}) WHERE r.articleId IS NOT NULL
         CALL (s, r, t) {
           CREATE (c:${CLAIM})
           SET c = properties(r), c.id = r.articleId + '#' + toString(toInteger(r.ordinal)), c.ordinal = toInteger(r.ordinal), c.type = '${relationshipType}',
               c.sourceId = s.id, c.targetId = t.id, c.relation = '${relationshipType} ' + s.id + ' ' + t.id
           CREATE (c)-[:${SUBJECT}]->(s), (c)-[:${OBJECT}]->(t)
           WITH c, r
           OPTIONAL MATCH (a:${ARTICLE} {id: r.articleId})
           OPTIONAL MATCH (x:${ENTITY} {id: r.attributedTo})
           FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | CREATE (a)-[:${CLAIMS}]->(c))
           FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | CREATE (c)-[:${ATTRIBUTED_TO}]->(x))
           DELETE r
         } IN TRANSACTIONS OF 2000 ROWS`,
      );
      claims += result.summary.counters.updates().nodesCreated;
    }
  } finally {
    await session.close();
  }
  const { relations } = await rebuildRelations(db);
  const drop = db.driver.session({ database: db.database });
  try {
    for (const name of legacy) await drop.run(`DROP INDEX ${name} IF EXISTS`);
  } finally {
    await drop.close();
  }
  return { claims, relations };
}

const CLAIMS_PER_TRANSACTION = 2000;

/** The v2 stance a v1 modality names (a modality the vocabulary does not know reads as asserted). */
const STANCE_OF_MODALITY = `CASE c.modality ${Object.entries(STANCE_OF_V1_MODALITY)
  .map(([modality, stance]) => `WHEN '${modality}' THEN '${stance}'`)
  .join(' ')} ELSE 'asserts' END`;

/**
 * Step 2, per claim: the v2 properties (a value already there is kept), and, when it has no
 * HELD_BY, the one voice v1 stored: its ATTRIBUTED_TO entity, else the article, with the
 * stance of its modality. `relation` stays until the relation is recounted without the claim.
 */
async function upgradeClaimsToV2(db: Db): Promise<number> {
  const session = db.driver.session({ database: db.database });
  try {
    const result = await session.run(
      `MATCH (c:${CLAIM}) WHERE c.affirmative IS NULL OR NOT EXISTS { (c)-[:${HELD_BY}]->() }
       CALL (c) {
         SET c.polarity = coalesce(c.polarity, '${DEFAULT_POLARITY}'),
             c.hypothetical = coalesce(c.hypothetical, false),
             c.ended = coalesce(c.ended, false),
             c.section = coalesce(c.section, '${DEFAULT_SECTION}'),
             c.validStart = coalesce(c.validStart, c.dateStart),
             c.affirmative = ${IS_AFFIRMATIVE}
         WITH c WHERE NOT EXISTS { (c)-[:${HELD_BY}]->() }
         CALL (c) {
           OPTIONAL MATCH (c)-[:${ATTRIBUTED_TO}]->(x:${ENTITY})
           OPTIONAL MATCH (a:${ARTICLE})-[:${CLAIMS}]->(c)
           RETURN coalesce(head(collect(x)), head(collect(a))) AS holder
         }
         FOREACH (h IN CASE WHEN holder IS NULL THEN [] ELSE [holder] END |
           CREATE (c)-[:${HELD_BY} {order: 0, stance: ${STANCE_OF_MODALITY}}]->(h))
       } IN TRANSACTIONS OF ${CLAIMS_PER_TRANSACTION} ROWS
       RETURN count(c) AS upgraded`,
      {},
      { metadata: transactionMetadata(db, { step: 'upgrade claims to v2' }) },
    );
    return Number(result.records[0]?.get('upgraded') ?? 0);
  } finally {
    await session.close();
  }
}

/**
 * Relations still counting claims that are not affirmative (denied ones, after step 2) are
 * recounted without them, in bounded transactions: each takes the claims' `relation` away and
 * recounts, so the relation is deleted when nothing affirmative remains. Found through the
 * index on `affirmative`: on an upgraded graph, a seek that finds nothing.
 */
function withdrawNonAffirmativeClaims(db: Db): Promise<number> {
  return recountRelationsOfClaims(
    db,
    'c.affirmative = false AND c.relation IS NOT NULL',
    `UNWIND $relations AS row
     MATCH (c:${CLAIM} {relation: row.relation}) WHERE c.affirmative = false
     REMOVE c.relation`,
    'withdraw non-affirmative claims',
  );
}
