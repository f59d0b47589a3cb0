/**
 * The aggregated relation: exactly one vocabulary relationship per (source, type, target),
 * carrying what queries, rankings and Browser need without reading the claims behind it:
 * `key` ("<sourceId> <targetId>", indexed per type, for pages in order), `claimCount`,
 * `articleCount`, `maxConfidence`, `modalities` (in the vocabulary's order), and its earliest and latest claim (`firstDate`,
 * `firstSeen`, `firstOrder`; `lastDate`, `lastSeen`, `lastOrder`), in the order evidence is
 * listed (src/db/write-rows.ts). Kept exact in the transaction that writes or deletes claims.
 *
 * Relationship types cannot be parameters: one block per vocabulary type, each taking its
 * rows from one list, so the text is the same for every batch (and planned once).
 */
import { z } from 'zod';
import { MODALITIES, RELATION_TYPES, cypherRelationshipType } from '../domain/vocabulary.ts';
import { CLAIM, ENTITY } from './labels.cypher.ts';

/** What a relation's remaining claims are looked up by (the `relation` property of :Claim). */
export const RelationToRecountSchema = z.object({
  type: z.enum(RELATION_TYPES),
  sourceId: z.string(),
  targetId: z.string(),
  relation: z.string(),
});
export type RelationToRecount = z.infer<typeof RelationToRecountSchema>;

/** Modalities as a list literal, in the vocabulary's order (the order `modalities` keeps). */
const MODALITY_ORDER = `[${MODALITIES.map((modality) => `'${modality}'`).join(', ')}]`;

const rowsOfType = (list: string, type: string) => `[row IN $${list} WHERE row.type = '${type}']`;

/** Adds a batch's claims (summed per relation in write-rows.ts) to the relations' aggregates. */
export const ADD_RELATION_DELTAS = RELATION_TYPES.map((type) => {
  const relationshipType = cypherRelationshipType(type);
  return `CALL {
  UNWIND ${rowsOfType('deltas', relationshipType)} AS row
  MATCH (s:${ENTITY} {id: row.sourceId})
  MATCH (t:${ENTITY} {id: row.targetId})
  MERGE (s)-[r:${relationshipType}]->(t)
  ON CREATE SET r.key = row.key, r.claimCount = 0, r.articleCount = 0, r.modalities = []
  WITH r, row,
       r.firstOrder IS NULL OR row.firstOrder < r.firstOrder AS earlier,
       r.lastDate IS NULL OR row.lastDate > r.lastDate OR (row.lastDate = r.lastDate AND row.lastOrder < r.lastOrder) AS later
  SET r.claimCount = r.claimCount + toInteger(row.claimCount),
      r.articleCount = r.articleCount + toInteger(row.articleCount),
      r.maxConfidence = CASE WHEN r.maxConfidence IS NULL OR row.maxConfidence > r.maxConfidence THEN row.maxConfidence ELSE r.maxConfidence END,
      r.modalities = [modality IN ${MODALITY_ORDER} WHERE modality IN r.modalities OR modality IN row.modalities],
      r.firstOrder = CASE WHEN earlier THEN row.firstOrder ELSE r.firstOrder END,
      r.firstDate = CASE WHEN earlier THEN row.firstDate ELSE r.firstDate END,
      r.firstSeen = CASE WHEN earlier THEN row.firstSeen ELSE r.firstSeen END,
      r.lastOrder = CASE WHEN later THEN row.lastOrder ELSE r.lastOrder END,
      r.lastDate = CASE WHEN later THEN row.lastDate ELSE r.lastDate END,
      r.lastSeen = CASE WHEN later THEN row.lastSeen ELSE r.lastSeen END
}`;
}).join('\n');

/**
 * Whether claim `c` counts in its relation. The writer gives only affirmative claims a
 * `relation`; a claim written before `affirmative` existed (until src/db/upgrade-storage.ts has
 * run) counted unless denied, the one v1 modality that does not affirm.
 */
export const IS_AFFIRMATIVE = "coalesce(c.affirmative, c.modality <> 'denied')";

/**
 * Recomputes relations from the affirmative claims that remain (after an article was replaced
 * or removed: a minimum cannot be decremented); a relation left without any is deleted.
 */
export const RECOUNT_RELATIONS = RELATION_TYPES.map((type) => {
  const relationshipType = cypherRelationshipType(type);
  return `CALL {
  UNWIND ${rowsOfType('relations', relationshipType)} AS row
  MATCH (:${ENTITY} {id: row.sourceId})-[r:${relationshipType}]->(:${ENTITY} {id: row.targetId})
  CALL (row) {
    MATCH (c:${CLAIM} {relation: row.relation}) WHERE ${IS_AFFIRMATIVE}
    WITH c, c.dateStart + ' ' + c.dateEnd + ' ' + c.articleId + ' ' + right('00000' + toString(c.ordinal), 6) AS evidenceOrder
    ORDER BY evidenceOrder
    RETURN count(c) AS claimCount, count(DISTINCT c.articleId) AS articleCount, max(c.confidence) AS maxConfidence,
           max(c.dateEnd) AS lastDate, collect(DISTINCT c.modality) AS modalities,
           collect({order: evidenceOrder, dateStart: c.dateStart, dateEnd: c.dateEnd, seen: c.effectiveDate}) AS listed
  }
  CALL (r, claimCount) {
    WITH r WHERE claimCount = 0
    DELETE r
  }
  WITH r, claimCount, articleCount, maxConfidence, modalities, listed, lastDate,
       [x IN listed WHERE x.dateEnd = lastDate][0] AS last
  WHERE claimCount > 0
  SET r.claimCount = claimCount,
      r.articleCount = articleCount,
      r.maxConfidence = maxConfidence,
      r.modalities = [modality IN ${MODALITY_ORDER} WHERE modality IN modalities],
      r.firstOrder = listed[0].order,
      r.firstDate = listed[0].dateStart,
      r.firstSeen = listed[0].seen,
      r.lastOrder = last.order,
      r.lastDate = lastDate,
      r.lastSeen = last.seen
}`;
}).join('\n');

/** Creates the relationship of each relation that has none yet (counted by RECOUNT_RELATIONS after). */
export const ENSURE_RELATIONS = RELATION_TYPES.map((type) => {
  const relationshipType = cypherRelationshipType(type);
  return `CALL {
  UNWIND ${rowsOfType('relations', relationshipType)} AS row
  MATCH (s:${ENTITY} {id: row.sourceId})
  MATCH (t:${ENTITY} {id: row.targetId})
  MERGE (s)-[r:${relationshipType}]->(t)
  ON CREATE SET r.key = s.id + ' ' + t.id
}`;
}).join('\n');
