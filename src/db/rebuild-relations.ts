import { executeWrite } from './cypher-trace.ts';
import type { Db } from './driver.ts';
import { CLAIM } from './labels.cypher.ts';
import { parseRows } from './parse-rows.ts';
import {
  ENSURE_RELATIONS,
  IS_AFFIRMATIVE,
  RECOUNT_RELATIONS,
  RelationToRecountSchema,
} from './relation-aggregates.cypher.ts';

const RELATIONS_PER_TRANSACTION = 2000;

/**
 * Recounts the relations of the claims `claimCondition` (on `c`) selects, in transactions of a
 * bounded size; `prepare`, given the same chunk of `$relations`, runs before each recount.
 * Returns how many relations it recounted.
 */
export async function recountRelationsOfClaims(
  db: Db,
  claimCondition: string,
  prepare: string,
  step: string,
): Promise<number> {
  const { records } = await db.driver.executeQuery(
    `MATCH (c:${CLAIM}) WHERE ${claimCondition}
     RETURN DISTINCT c.type AS type, c.sourceId AS sourceId, c.targetId AS targetId, c.relation AS relation`,
    {},
    { database: db.database, routing: 'READ' },
  );
  const relations = parseRows(
    RelationToRecountSchema,
    records.map((record) => record.toObject()),
    'relation of the claims',
  );
  for (let start = 0; start < relations.length; start += RELATIONS_PER_TRANSACTION) {
    const chunk = relations.slice(start, start + RELATIONS_PER_TRANSACTION);
    await executeWrite(db, { step }, async (tx) => {
      await tx.run(prepare, { relations: chunk });
      await tx.run(RECOUNT_RELATIONS, { relations: chunk });
    });
  }
  return relations.length;
}

/**
 * Rebuilds every relation's relationship and aggregates from the affirmative :Claim nodes, in
 * transactions of a bounded size: for graphs whose claims were written by other means than the
 * writer (an upgrade from the old storage model, test fixtures). Idempotent.
 */
export async function rebuildRelations(db: Db): Promise<{ relations: number }> {
  const relations = await recountRelationsOfClaims(
    db,
    `c.relation IS NOT NULL AND ${IS_AFFIRMATIVE}`,
    ENSURE_RELATIONS,
    'rebuild relations',
  );
  return { relations };
}
