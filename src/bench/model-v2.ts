/**
 * Storage model v2 as the bench's references spell it: every name comes from the project
 * (src/domain/vocabulary.ts, src/db/write-rows.ts), so the raw loaders and the comparison
 * servers write and read exactly what the project's writer does (docs/graph-model.md).
 */
import { dateBounds } from '../domain/dates.ts';
import {
  CLAIM_LABEL,
  DERIVED_RELATIONSHIP_TYPES,
  RELATION_TYPES,
  cypherRelationshipType,
  type RelationType,
} from '../domain/vocabulary.ts';
export { claimId, claimRelation, relationKey } from '../db/write-rows.ts';

export { CLAIM_LABEL };
const { claims, subject, object, attributedTo, heldBy, publishedBy, authored } = DERIVED_RELATIONSHIP_TYPES;
export const CLAIM_LINKS = { claims, subject, object, attributedTo } as const;
/** Evidence model v2's links: a claim's holders, an article's publisher and authors. */
export const EVIDENCE_LINKS = { heldBy, publishedBy, authored } as const;

/** Every vocabulary relationship type, checked against the whitelist once. */
export const RELATIONSHIP_TYPES: readonly RelationType[] = RELATION_TYPES.map(
  (type) => cypherRelationshipType(type) as RelationType,
);

export interface ClaimDates {
  effectiveDate: string;
  dateStart: string;
  dateEnd: string;
}

/** The claim's date, else the article's, and the calendar days it can mean. */
export function claimDates(date: string | undefined, publishedAt: string): ClaimDates {
  const effectiveDate = date ?? publishedAt;
  const { start, end } = dateBounds(effectiveDate);
  return { effectiveDate, dateStart: start, dateEnd: end };
}
