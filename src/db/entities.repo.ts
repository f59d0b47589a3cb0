/**
 * Entities: by id (following the merge log), by full-text search, and the entities linked to
 * a batch of anchors (attendees of meetings, issuers of statements, ...). Each function is one
 * query for however many ids it is given, which is what the per-request DataLoaders need.
 */
import type { EntityType } from '../domain/vocabulary.ts';
import { z } from 'zod';
import {
  ARTICLE,
  AUTHORED,
  ENTITY,
  MENTIONS,
  MERGE,
  MERGED_INTO,
  entityTypeLabel,
  relationshipType,
} from './labels.cypher.ts';
import { parseRows } from './parse-rows.ts';
import { PUBLISHED_BY, articleProjection, entityProjection } from './projections.cypher.ts';
import { integer, type QueryRunner } from './query-runner.ts';
import { ArticleRowSchema, EntityRowSchema, type ArticleRow, type EntityRow } from './rows.ts';

const EntityByIdRecord = z.object({ requested: z.string(), entity: EntityRowSchema.nullable() });
const SearchHitRecord = z.object({ entity: EntityRowSchema, score: z.number() });
const LinkedEntitiesRecord = z.object({ anchorId: z.string(), entities: z.array(EntityRowSchema) });
const ArticlesOfEntityRecord = z.object({ entityId: z.string(), articles: z.array(ArticleRowSchema) });

/** The full-text index over `:Entity(name, aliases)` (schema/*.cypher). */
export const ENTITY_NAMES_INDEX = 'entity_names';

/** Keyed by the requested id: an id that was merged maps to the canonical entity. */
export async function findEntitiesByIds(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<Map<string, EntityRow | null>> {
  const records = await runner.read(
    `UNWIND $ids AS requested
     OPTIONAL MATCH (direct:${ENTITY} {id: requested})
     OPTIONAL MATCH (:${MERGE} {fromId: requested})-[:${MERGED_INTO}]->(merged:${ENTITY})
     WITH requested, coalesce(direct, merged) AS n
     RETURN requested, CASE WHEN n IS NULL THEN null ELSE ${entityProjection('n')} END AS entity`,
    { ids },
  );
  return new Map(parseRows(EntityByIdRecord, records, 'entities by id').map((row) => [row.requested, row.entity]));
}

export interface SearchHit {
  entity: EntityRow;
  score: number;
}

/** `query` is Lucene syntax, already built from escaped user input (src/graphql/lucene.ts). */
export async function searchEntities(
  runner: QueryRunner,
  query: string,
  types: readonly EntityType[] | null,
  limit: number,
): Promise<SearchHit[]> {
  const records = await runner.read(
    `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
     WHERE node:${ENTITY} AND ($types IS NULL OR node.type IN $types)
     RETURN ${entityProjection('node')} AS entity, score
     ORDER BY score DESC, node.id
     LIMIT $limit`,
    { index: ENTITY_NAMES_INDEX, query, types, limit: integer(limit) },
  );
  return parseRows(SearchHitRecord, records, 'search hits');
}

const [MEETING, STATEMENT, PERSON, PLACE, EVENT, COLLECTIVE] = (
  ['Meeting', 'Statement', 'Person', 'Place', 'Event', 'Collective'] as const
).map(entityTypeLabel);
const [ATTENDED, ISSUED, LOCATED_IN, PARTICIPATED_IN, MEMBER_OF] = (
  ['ATTENDED', 'ISSUED', 'LOCATED_IN', 'PARTICIPATED_IN', 'MEMBER_OF'] as const
).map(relationshipType);

/** Structural links, each a pattern from an anchor (`anchorId`) to the linked entities `n`. */
const LINKS = {
  attendees: `(n:${ENTITY})-[:${ATTENDED}]->(:${ENTITY}&${MEETING} {id: anchorId})`,
  meetingStatements: `(:${ENTITY}&${MEETING} {id: anchorId})-[:${ISSUED}]->(n:${ENTITY}&${STATEMENT})`,
  issuers: `(n:${ENTITY})-[:${ISSUED}]->(:${ENTITY}&${STATEMENT} {id: anchorId})`,
  articleAuthors: `(n:${ENTITY}&${PERSON})-[:${AUTHORED}]->(:${ARTICLE} {id: anchorId})`,
  articleEntities: `(:${ARTICLE} {id: anchorId})-[:${MENTIONS}]->(n:${ENTITY})`,
  articlePublisher: `(:${ARTICLE} {id: anchorId})-[:${PUBLISHED_BY}]->(n:${ENTITY})`,
  /** Where a meeting or an event took place. */
  place: `(:${ENTITY} {id: anchorId})-[:${LOCATED_IN}]->(n:${ENTITY}&${PLACE})`,
  participants: `(n:${ENTITY})-[:${PARTICIPATED_IN}]->(:${ENTITY}&${EVENT} {id: anchorId})`,
  members: `(n:${ENTITY})-[:${MEMBER_OF}]->(:${ENTITY}&${COLLECTIVE} {id: anchorId})`,
} as const;

export type EntityLink = keyof typeof LINKS;

/** For each anchor id, the distinct entities linked to it, by name. */
export async function findLinkedEntities(
  runner: QueryRunner,
  link: EntityLink,
  anchorIds: readonly string[],
): Promise<Map<string, EntityRow[]>> {
  const records = await runner.read(
    `UNWIND $ids AS anchorId
     CALL (anchorId) {
       MATCH ${LINKS[link]}
       WITH DISTINCT n ORDER BY n.name, n.id
       RETURN collect(${entityProjection('n')}) AS entities
     }
     RETURN anchorId, entities`,
    { ids: anchorIds },
  );
  return new Map(
    parseRows(LinkedEntitiesRecord, records, 'linked entities').map((row) => [row.anchorId, row.entities]),
  );
}

const ARTICLE_LINKS = {
  mentioning: `(a:${ARTICLE})-[:${MENTIONS}]->(:${ENTITY} {id: entityId})`,
  authored: `(:${ENTITY} {id: entityId})-[:${AUTHORED}]->(a:${ARTICLE})`,
} as const;

/** For each entity id, the articles that mention it (or that it wrote), newest first. */
export async function findArticlesOfEntities(
  runner: QueryRunner,
  link: keyof typeof ARTICLE_LINKS,
  ids: readonly string[],
  first: number,
): Promise<Map<string, ArticleRow[]>> {
  const records = await runner.read(
    `UNWIND $ids AS entityId
     CALL (entityId) {
       MATCH ${ARTICLE_LINKS[link]}
       WITH DISTINCT a ORDER BY a.publishedAt DESC, a.id LIMIT $first
       RETURN collect(${articleProjection('a')}) AS articles
     }
     RETURN entityId, articles`,
    { ids, first: integer(first) },
  );
  const rows = parseRows(ArticlesOfEntityRecord, records, 'articles of entities');
  return new Map(rows.map((row) => [row.entityId, row.articles]));
}
