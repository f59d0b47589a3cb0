import { z } from 'zod';
import { ENTITY_TYPES, type EntityType } from '../domain/vocabulary.ts';
import type { KnownEntity, KnownEntityLookup } from '../domain/write-plan.ts';
import { executeRead } from './cypher-trace.ts';
import type { Db } from './driver.ts';
import { ARTICLE, ENTITY, MENTIONS, MERGE, MERGED_INTO, entityTypeLabel } from './labels.cypher.ts';
import { parseRows } from './parse-rows.ts';
import { ENTITY_NORMALIZED_NAMES_INDEX } from './schema-statements.ts';

/** What PROJECTION returns (with `matchedId` from `byIds`). */
const KnownEntitySchema = z.object({
  id: z.string(),
  type: z.enum(ENTITY_TYPES),
  name: z.string(),
  aliases: z.array(z.string()),
  wikidata: z.string().nullable(),
  normalizedNames: z.array(z.string()),
  wikidataArticles: z.array(z.string()),
  matchedId: z.string().optional(),
}) satisfies z.ZodType<KnownEntity>;

/**
 * `wikidataArticles`: up to two articles whose mention gives the entity's wikidata id, enough to
 * tell whether anyone but the article being (re)loaded stands behind it.
 */
const PROJECTION = `{ id: n.id, type: n.type, name: n.name, aliases: coalesce(n.aliases, []), wikidata: n.wikidata,
  normalizedNames: coalesce(n.normalizedNames, []),
  wikidataArticles: CASE WHEN n.wikidata IS NULL THEN [] ELSE COLLECT {
    MATCH (a:${ARTICLE})-[m:${MENTIONS}]->(n) WHERE m.wikidata = n.wikidata
    RETURN a.id LIMIT 2
  } END }`;

/**
 * A Lucene query for exactly one term of a `keyword`-analyzed index: a phrase, with the two
 * characters a phrase gives meaning to (`"` and `\`) escaped, so that operators, wildcards,
 * field names and whitespace in a name are matched as characters, never read as syntax.
 */
export function exactTermQuery(term: string): string {
  return `"${term.replace(/[\\"]/g, (special) => `\\${special}`)}"`;
}

/**
 * Entity resolution's view of the graph: one read query per call, batched per chunk of
 * files, each an index lookup (`id` and `Merge.fromId` uniqueness, the `wikidata` range
 * index, the `normalizedNames` full-text index).
 */
export function graphEntityLookup(db: Db): KnownEntityLookup {
  async function read(query: string, parameters: Record<string, unknown>): Promise<KnownEntity[]> {
    const { records } = await executeRead(db, query, parameters, { detail: { step: 'resolve entities' } });
    return parseRows(
      KnownEntitySchema,
      records.map((record) => record.get('entity')),
      'known entity',
    );
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
    // One index lookup per name. Several names as one OR query would hit Lucene's clause limit
    // (1,024) on a chunk's names. The IN re-check keeps the answer exact whatever the analyzer.
    byNormalizedNames: (type: EntityType, names) =>
      read(
        `UNWIND $asked AS asked
         CALL db.index.fulltext.queryNodes($index, asked.query) YIELD node
         WITH node AS n, asked.name AS name
         WHERE n:${entityTypeLabel(type)} AND name IN n.normalizedNames
         WITH DISTINCT n
         RETURN ${PROJECTION} AS entity`,
        { index: ENTITY_NORMALIZED_NAMES_INDEX, asked: names.map((name) => ({ name, query: exactTermQuery(name) })) },
      ),
  };
}
