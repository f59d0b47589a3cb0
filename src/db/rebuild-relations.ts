import { executeWrite } from './cypher-trace.ts';
import type { Db } from './driver.ts';
import { CLAIM } from './labels.cypher.ts';
import { parseRows } from './parse-rows.ts';
import { ENSURE_RELATIONS, RECOUNT_RELATIONS, RelationToRecountSchema } from './relation-aggregates.cypher.ts';

const RELATIONS_PER_TRANSACTION = 2000;

/**
 * Rebuilds every relation's relationship and aggregates from the :Claim nodes, in
 * transactions of a bounded size: for graphs whose claims were written by other means than the
 * writer (an upgrade from the old storage model, test fixtures). Idempotent.
 */
export async function rebuildRelations(db: Db): Promise<{ relations: number }> {
  const { records } = await db.driver.executeQuery(
    `MATCH (c:${CLAIM})
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
    await executeWrite(db, { step: 'rebuild relations' }, async (tx) => {
      await tx.run(ENSURE_RELATIONS, { relations: chunk });
      await tx.run(RECOUNT_RELATIONS, { relations: chunk });
    });
  }
  return { relations: relations.length };
}
