/**
 * Every label and relationship type the data layer writes into Cypher text, taken from the
 * vocabulary through its whitelist guards: a typo is a compile error here, not a pattern that
 * silently matches nothing (tests/unit/db/cypher-vocabulary.test.ts checks what is left as text).
 */
import {
  ACTOR_TYPES,
  ARTICLE_LABEL,
  CLAIM_LABEL,
  DERIVED_RELATIONSHIP_TYPES,
  ENTITY_LABEL,
  INGEST_LOCK_LABEL,
  MERGE_LABEL,
  cypherLabel,
  cypherRelationshipType,
  type EntityType,
  type RelationType,
} from '../domain/vocabulary.ts';

export const ENTITY = cypherLabel(ENTITY_LABEL);
export const ARTICLE = cypherLabel(ARTICLE_LABEL);
export const CLAIM = cypherLabel(CLAIM_LABEL);
export const MERGE = cypherLabel(MERGE_LABEL);
export const INGEST_LOCK = cypherLabel(INGEST_LOCK_LABEL);
/** The label of one entity type (`Statement`, ...). */
export const entityTypeLabel = (type: EntityType): string => cypherLabel(type);
/** `State|Group|Person`: a label expression for "an actor". */
export const ACTOR_LABELS = ACTOR_TYPES.map(cypherLabel).join('|');

/** The relationship type of one vocabulary relation (`ISSUED`, ...). */
export const relationshipType = (type: RelationType): string => cypherRelationshipType(type);

export const {
  authored: AUTHORED,
  mentions: MENTIONS,
  mergedInto: MERGED_INTO,
  claims: CLAIMS,
  subject: SUBJECT,
  object: OBJECT,
  attributedTo: ATTRIBUTED_TO,
  heldBy: HELD_BY,
  publishedBy: PUBLISHED_BY,
} = DERIVED_RELATIONSHIP_TYPES;
