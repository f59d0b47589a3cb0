import {
  ARTICLE_LABEL,
  CLAIM_LABEL,
  DERIVED_RELATIONSHIP_TYPES,
  ENTITY_LABEL,
  INGEST_LOCK_LABEL,
  MERGE_LABEL,
  RELATION_TYPES,
  cypherLabel,
  cypherRelationshipType,
} from '../domain/vocabulary.ts';

/** Name of the full-text index over entity names and aliases (used by `search`). */
export const ENTITY_NAMES_INDEX = 'entity_names';

/**
 * Name of the full-text index over `normalizedNames`, one exact term per list element
 * (keyword analyzer), so entity resolution finds a name without scanning a label.
 */
export const ENTITY_NORMALIZED_NAMES_INDEX = 'entity_normalized_names';

/**
 * The Neo4j schema, derived from the vocabulary. `schema/neo4j-schema.cypher` is this list
 * written out (`npm run schema:export`); a test keeps the two equal. Every statement is
 * idempotent (IF NOT EXISTS), so migrating twice is harmless.
 */
export function schemaStatements(): string[] {
  const entity = cypherLabel(ENTITY_LABEL);
  const article = cypherLabel(ARTICLE_LABEL);
  const merge = cypherLabel(MERGE_LABEL);
  const claim = cypherLabel(CLAIM_LABEL);
  return [
    `CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:${entity}) REQUIRE n.id IS UNIQUE`,
    `CREATE CONSTRAINT article_id_unique IF NOT EXISTS FOR (n:${article}) REQUIRE n.id IS UNIQUE`,
    `CREATE CONSTRAINT merge_from_id_unique IF NOT EXISTS FOR (n:${merge}) REQUIRE n.fromId IS UNIQUE`,
    // Writers MERGE the lock node; without the constraint two could create one each.
    `CREATE CONSTRAINT ingest_lock_name_unique IF NOT EXISTS FOR (n:${cypherLabel(INGEST_LOCK_LABEL)}) REQUIRE n.name IS UNIQUE`,
    `CREATE INDEX entity_type IF NOT EXISTS FOR (n:${entity}) ON (n.type)`,
    `CREATE INDEX entity_wikidata IF NOT EXISTS FOR (n:${entity}) ON (n.wikidata)`,
    `CREATE INDEX article_published_at IF NOT EXISTS FOR (n:${article}) ON (n.publishedAt)`,
    // An unchanged re-run finds every file it has already loaded with one lookup per file.
    `CREATE INDEX article_file_hash IF NOT EXISTS FOR (n:${article}) ON (n.fileHash)`,
    `CREATE FULLTEXT INDEX ${ENTITY_NAMES_INDEX} IF NOT EXISTS FOR (n:${entity}) ON EACH [n.name, n.aliases]`,
    // Entity resolution: Neo4j's range indexes cannot look up an element of a list. Updated in
    // the committing transaction (not eventually consistent), as resolution reads what was written.
    `CREATE FULLTEXT INDEX ${ENTITY_NORMALIZED_NAMES_INDEX} IF NOT EXISTS FOR (n:${entity}) ON EACH [n.normalizedNames] ` +
      "OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } }",
    // Claims: one node each. Their evidence is looked up by relation (never by expanding an
    // entity's relationships), removed by article.
    `CREATE CONSTRAINT claim_id_unique IF NOT EXISTS FOR (n:${claim}) REQUIRE n.id IS UNIQUE`,
    `CREATE INDEX claim_relation IF NOT EXISTS FOR (n:${claim}) ON (n.relation)`,
    `CREATE INDEX claim_article IF NOT EXISTS FOR (n:${claim}) ON (n.articleId)`,
    // `claims` without an entity, article or stance to start from walks the claims in evidence order from its cursor.
    `CREATE INDEX claim_date_start IF NOT EXISTS FOR (n:${claim}) ON (n.dateStart)`,
    // The claims no relationship counts (`affirmative: false`): few, so a filter on them, and
    // the storage upgrade's search for denied claims still counted, is a seek.
    `CREATE INDEX claim_affirmative IF NOT EXISTS FOR (n:${claim}) ON (n.affirmative)`,
    // "What is alleged, by anyone": a holder's claims are its HELD_BY relationships, but a stance
    // alone has no node to start from.
    `CREATE INDEX held_by_stance IF NOT EXISTS FOR ()-[r:${DERIVED_RELATIONSHIP_TYPES.heldBy}]-() ON (r.stance)`,
    // One aggregated relationship per (source, type, target): pages walk this index in key order.
    ...RELATION_TYPES.map((type) => {
      const relationshipType = cypherRelationshipType(type);
      return `CREATE INDEX rel_${relationshipType.toLowerCase()}_key IF NOT EXISTS FOR ()-[r:${relationshipType}]-() ON (r.key)`;
    }),
  ];
}

export function renderSchemaFile(): string {
  return [
    '// Generated from src/domain/vocabulary.ts by `npm run schema:export`; do not edit by hand.',
    '// Applied statement by statement by `npm run db:migrate` (also run by `seed` and `up`).',
    ...schemaStatements().map((statement) => `${statement};`),
    '',
  ].join('\n');
}
