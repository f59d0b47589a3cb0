/**
 * Upgrades a graph written by the first storage model (one vocabulary relationship per claim
 * per article, carrying its evidence) to claims as :Claim nodes behind one aggregated
 * relationship per (source, type, target). Such a graph is recognised by the indexes that model
 * kept on each relationship type's `articleId`; a graph without them has nothing to upgrade.
 */
import { RELATION_TYPES, cypherRelationshipType } from '../domain/vocabulary.ts';
import type { Db } from './driver.ts';
import { ARTICLE, ATTRIBUTED_TO, CLAIM, CLAIMS, ENTITY, OBJECT, SUBJECT } from './labels.cypher.ts';
import { parseRow } from './parse-rows.ts';
import { TextListSchema } from './rows.ts';
import { rebuildRelations } from './rebuild-relations.ts';

const LEGACY_INDEXES = RELATION_TYPES.flatMap((type) => {
  const name = cypherRelationshipType(type).toLowerCase();
  return [`rel_${name}_article`, `rel_${name}_attributed_to`];
});

export interface StorageUpgrade {
  /** Claims moved from relationships to :Claim nodes (0: nothing to upgrade). */
  claims: number;
  relations: number;
}

export async function upgradeStorage(db: Db): Promise<StorageUpgrade> {
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
