/**
 * Storage model v2 (issue 9), as the bench loaders and comparison servers use it. The
 * project's own writer moves to this model on main; until then this file is where the bench
 * spells it, from the vocabulary (src/domain/vocabulary.ts) plus the few new names below.
 *
 * - `(:Claim {id: "<articleId>#<ordinal>", type, articleId, ordinal, sourceId, targetId,
 *    relation: "<TYPE> <sourceId> <targetId>", quote, modality, confidence, attributedTo, date,
 *    effectiveDate, dateStart, dateEnd, demand, note})`, one per element of an article's
 *   `relations`, linked `(:Article)-[:CLAIMS]->(:Claim)`, `(:Claim)-[:SUBJECT]->(source)`,
 *   `(:Claim)-[:OBJECT]->(target)`, `(:Claim)-[:ATTRIBUTED_TO]->(actor)` (when attributed).
 * - Exactly one vocabulary-typed relationship per (source, type, target):
 *   `(s)-[r:TYPE {key: "<sourceId> <targetId>", claimCount, articleCount, firstDate, lastDate,
 *    firstSeen, lastSeen, maxConfidence}]->(t)`; firstDate/lastDate are the min dateStart / max
 *   dateEnd of its claims, firstSeen/lastSeen the effectiveDate of the earliest / latest claim.
 * - Evidence of (s, TYPE, t) is `MATCH (c:Claim {relation: 'TYPE s t'})`, an index seek.
 */
import { dateBounds } from '../domain/dates.ts';
import { RELATION_TYPES, cypherRelationshipType, type RelationType } from '../domain/vocabulary.ts';

export const CLAIM_LABEL = 'Claim';
export const CLAIM_LINKS = { claims: 'CLAIMS', subject: 'SUBJECT', object: 'OBJECT', attributedTo: 'ATTRIBUTED_TO' } as const;

/** Every vocabulary relationship type, checked against the whitelist once. */
export const RELATIONSHIP_TYPES: readonly RelationType[] = RELATION_TYPES.map((type) => cypherRelationshipType(type) as RelationType);

export const relationKey = (sourceId: string, targetId: string) => `${sourceId} ${targetId}`;
export const claimRelation = (type: string, sourceId: string, targetId: string) => `${type} ${sourceId} ${targetId}`;
export const claimId = (articleId: string, ordinal: number) => `${articleId}#${ordinal}`;

/**
 * The v2 schema the loaders and the comparison servers rely on. Entity.id and Article.id
 * constraints and the `entity_names` full-text index come from the project's
 * `npm run db:migrate`; the Claim constraint and indexes and the per-type `key` indexes are
 * here until main's schema has them (IF NOT EXISTS: a no-op once it does).
 */
export function modelV2SchemaStatementsUntilMainHasThem(): string[] {
  return [
    'CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT article_id_unique IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
    'CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]',
    `CREATE CONSTRAINT claim_id_unique IF NOT EXISTS FOR (n:${CLAIM_LABEL}) REQUIRE n.id IS UNIQUE`,
    `CREATE INDEX claim_relation IF NOT EXISTS FOR (n:${CLAIM_LABEL}) ON (n.relation)`,
    `CREATE INDEX claim_article_id IF NOT EXISTS FOR (n:${CLAIM_LABEL}) ON (n.articleId)`,
    ...RELATIONSHIP_TYPES.map((type) => `CREATE INDEX rel_${type.toLowerCase()}_key IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.key)`),
  ];
}

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
