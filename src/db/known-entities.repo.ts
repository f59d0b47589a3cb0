import neo4j from 'neo4j-driver';
import { ARTICLE_LABEL, ENTITY_LABEL, MERGE_LABEL, DERIVED_RELATIONSHIP_TYPES, cypherLabel, type EntityType } from '../domain/vocabulary.ts';
import type { KnownEntity, KnownEntityLookup } from '../ingest/resolve-run.ts';
import type { Db } from './driver.ts';

const ENTITY = cypherLabel(ENTITY_LABEL);
const MERGE = cypherLabel(MERGE_LABEL);
const MERGED_INTO = DERIVED_RELATIONSHIP_TYPES.mergedInto;

/**
 * `wikidataArticles`: up to two articles whose mention gives the entity's wikidata id, enough to
 * tell whether anyone but the article being (re)loaded stands behind it.
 */
const PROJECTION = `{ id: n.id, type: n.type, name: n.name, aliases: coalesce(n.aliases, []), wikidata: n.wikidata,
  wikidataArticles: CASE WHEN n.wikidata IS NULL THEN [] ELSE COLLECT {
    MATCH (a:${cypherLabel(ARTICLE_LABEL)})-[m:${DERIVED_RELATIONSHIP_TYPES.mentions}]->(n) WHERE m.wikidata = n.wikidata
    RETURN a.id LIMIT 2
  } END }`;

/** Entity resolution's view of the graph: one read query per call, batched per file. */
export function graphEntityLookup(db: Db): KnownEntityLookup {
  async function read(query: string, parameters: Record<string, unknown>): Promise<KnownEntity[]> {
    const { records } = await db.driver.executeQuery(query, parameters, { database: db.database, routing: neo4j.routing.READ });
    return records.map((record) => record.get('entity') as KnownEntity);
  }
  return {
    byIds: (ids) =>
      read(
        `UNWIND $ids AS askedId
         OPTIONAL MATCH (direct:${ENTITY} {id: askedId})
         OPTIONAL MATCH (:${MERGE} {fromId: askedId})-[:${MERGED_INTO}]->(merged:${ENTITY})
         WITH askedId, coalesce(direct, merged) AS n
         WHERE n IS NOT NULL
         RETURN ${PROJECTION.slice(0, -1)}, matchedId: askedId } AS entity`,
        { ids },
      ),
    byWikidata: (qids) =>
      read(`MATCH (n:${ENTITY}) WHERE n.wikidata IN $qids RETURN ${PROJECTION} AS entity`, { qids }),
    byNormalizedNames: (type: EntityType, names) =>
      read(
        `MATCH (n:${cypherLabel(type)})
         WHERE any(name IN n.normalizedNames WHERE name IN $names)
         RETURN ${PROJECTION} AS entity`,
        { names },
      ),
  };
}
