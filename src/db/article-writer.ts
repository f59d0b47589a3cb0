import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { ENTITY_PROPERTY_KEYS, type ClaimProps } from '../domain/graph-properties.ts';
import { ENTITY_TYPES } from '../domain/vocabulary.ts';
import type { ArticleWritePlan } from '../domain/write-plan.ts';
import { executeRead, transactionMetadata } from './cypher-trace.ts';
import type { Db } from './driver.ts';
import { inLeasedWrite, type IngestLease } from './ingest-lease.ts';
import {
  ARTICLE,
  ATTRIBUTED_TO,
  AUTHORED,
  CLAIM,
  CLAIMS,
  ENTITY,
  HELD_BY,
  INGEST_LOCK,
  MENTIONS,
  MERGE,
  MERGED_INTO,
  OBJECT,
  PUBLISHED_BY,
  SUBJECT,
  entityTypeLabel,
} from './labels.cypher.ts';
import { parseRow } from './parse-rows.ts';
import {
  ADD_RELATION_DELTAS,
  RECOUNT_RELATIONS,
  RelationToRecountSchema,
  type RelationToRecount,
} from './relation-aggregates.cypher.ts';
import { TextListSchema } from './rows.ts';
import { batchRows, type BatchRows, type ClaimRow } from './write-rows.ts';

/** First non-null value wins: what an earlier-loaded article said about an entity is kept. */
const KEEP_FIRST_PROPS = `{${ENTITY_PROPERTY_KEYS.map((key) => `${key}: coalesce(n.${key}, e.props.${key})`).join(', ')}}`;

/** What this article says of the entity, kept on its MENTIONS so it can be recomputed without it. */
const MENTION_PROPS = `{${ENTITY_PROPERTY_KEYS.map((key) => `${key}: m.props.${key}`).join(', ')}}`;

/**
 * Each property again from the mentions that remain, in load order (`mentions` is ordered):
 * the first article that gives a value wins, as when they were loaded one after another.
 */
const PROPS_FROM_MENTIONS = ENTITY_PROPERTY_KEYS.map(
  (key) => `n.${key} = head([m IN mentions WHERE m.${key} IS NOT NULL | m.${key}])`,
).join(',\n         ');

/** An article written before content hashes were kept has none. */
const PreviousHashSchema = z.string().nullable();
const TakenBackRecord = z.object({
  mentioned: TextListSchema,
  named: TextListSchema,
  relations: z.array(RelationToRecountSchema),
});

/** Load order: transactions in time, articles of one transaction in the order they were given. */
const LOAD_ORDER = 'a.loadedAt, a.loadIndex, a.id';

/** For each of these values of an Article property that some article has, another property of it. */
async function articlePropertyBy(
  db: Db,
  key: 'id' | 'fileHash',
  values: string[],
  wanted: 'id' | 'contentHash',
): Promise<Map<string, string>> {
  if (values.length === 0) return new Map();
  const { records } = await executeRead(
    db,
    `UNWIND $values AS value
     MATCH (a:${ARTICLE} {${key}: value})
     RETURN value, a.${wanted} AS wanted`,
    { values },
  );
  return new Map(records.map((record) => [String(record.get('value')), String(record.get('wanted'))]));
}

/** The stored content hash of each of these articles that is in the graph. */
export const findContentHashes = (db: Db, articleIds: string[]) =>
  articlePropertyBy(db, 'id', articleIds, 'contentHash');

/** For each of these file hashes that an article in the graph was written from, that article's id. */
export const findArticlesByFileHash = (db: Db, fileHashes: string[]) =>
  articlePropertyBy(db, 'fileHash', fileHashes, 'id');

/** The rows of `$list` of one type; the type is the vocabulary's (whitelisted), never input. */
const rowsOfType = (list: string, type: string) => `[row IN $${list} WHERE row.type = '${type}']`;

const WRITE_ARTICLES = `UNWIND $articles AS row
MERGE (a:${ARTICLE} {id: row.id})
SET a += row.props, a.loadedAt = datetime(), a.loadIndex = toInteger(row.loadIndex)`;

/** Per entity type, a row per entity: created with the first name given, each property kept from the first article giving one. */
const mergeEntities = (then: string) =>
  ENTITY_TYPES.map(
    (type) => `CALL {
  UNWIND ${rowsOfType('entities', entityTypeLabel(type))} AS e
  MERGE (n:${ENTITY} {id: e.id})
  ON CREATE SET n:${entityTypeLabel(type)}, n.type = e.type, n.name = e.name, n.createdAt = datetime()
  SET n += ${KEEP_FIRST_PROPS}${then}
}`,
  ).join('\n');

/** One row per entity of the batch (src/db/write-rows.ts); names a union. */
const WRITE_ENTITIES = mergeEntities(`
  SET n.aliases = COLLECT {
        UNWIND coalesce(n.aliases, []) + e.names AS alias
        WITH DISTINCT alias WHERE alias <> n.name
        RETURN alias ORDER BY alias
      },
      n.normalizedNames = COLLECT {
        UNWIND coalesce(n.normalizedNames, []) + e.normalizedNames AS normalized
        WITH DISTINCT normalized
        RETURN normalized ORDER BY normalized
      }`);

/** Like WRITE_ENTITIES, for a replaced article: its names are recomputed from the mentions afterwards. */
const WRITE_ENTITY_PROPERTIES = mergeEntities('');

const WRITE_MENTIONS = `UNWIND $mentions AS m
MATCH (a:${ARTICLE} {id: m.articleId})
MATCH (n:${ENTITY} {id: m.entityId})
MERGE (a)-[r:${MENTIONS} {localId: m.localId}]->(n)
SET r += ${MENTION_PROPS.replaceAll('m.props', 'm.props')}, r.name = m.name, r.aliases = m.aliases, r.normalizedNames = m.normalizedNames`;

/** Bare entities (type and name) that a later file of the run defines in full. */
const CREATE_FORWARD_REFERENCES = ENTITY_TYPES.map(
  (type) => `CALL {
  UNWIND ${rowsOfType('references', entityTypeLabel(type))} AS e
  MERGE (n:${ENTITY} {id: e.id})
  ON CREATE SET n:${entityTypeLabel(type)}, n.type = e.type, n.name = e.name, n.createdAt = datetime()
}`,
).join('\n');

/** Claim properties the format gives as whole numbers, stored as integers (JSON numbers arrive as floats). */
const INTEGER_CLAIM_PROPS = ['credibility', 'quoteStart', 'quoteEnd'] as const satisfies ReadonlyArray<
  keyof ClaimProps
>;

/**
 * One node per claim, linked to its article, its two entities and its holders (HELD_BY to the
 * holder entity, or to the article for its own voice; ATTRIBUTED_TO to attribution 0's holder
 * entity); the relation it is evidence of is counted separately. A holder matched by id in a
 * unit subquery: the claim row survives a missing one, which the counters then reveal.
 */
const WRITE_CLAIMS = `UNWIND $claims AS row
MATCH (a:${ARTICLE} {id: row.articleId})
MATCH (s:${ENTITY} {id: row.sourceId})
MATCH (t:${ENTITY} {id: row.targetId})
CREATE (c:${CLAIM})
SET c = row.props, c.id = row.id, c.type = row.type, c.articleId = row.articleId, c.ordinal = toInteger(row.ordinal),
    c.sourceId = row.sourceId, c.targetId = row.targetId, c.relation = row.relation,
    ${INTEGER_CLAIM_PROPS.map((key) => `c.${key} = toInteger(row.props.${key})`).join(', ')}
CREATE (a)-[:${CLAIMS}]->(c), (c)-[:${SUBJECT}]->(s), (c)-[:${OBJECT}]->(t)
WITH a, c, row
CALL (a, c, row) {
  UNWIND row.heldBy AS h
  WITH h WHERE h.holderId IS NULL
  CREATE (c)-[:${HELD_BY} {order: toInteger(h.order), stance: h.stance, reportedBy: toInteger(h.reportedBy)}]->(a)
}
CALL (c, row) {
  UNWIND row.heldBy AS h
  MATCH (x:${ENTITY} {id: h.holderId})
  CREATE (c)-[:${HELD_BY} {order: toInteger(h.order), stance: h.stance, reportedBy: toInteger(h.reportedBy)}]->(x)
  FOREACH (_ IN CASE WHEN h.order = 0 THEN [1] ELSE [] END | CREATE (c)-[:${ATTRIBUTED_TO}]->(x))
}`;

/** Relationships WRITE_CLAIMS creates for these claims when every entity they name is in the graph. */
const claimRelationshipCount = (claims: readonly ClaimRow[]): number =>
  claims.reduce((sum, claim) => sum + 3 + claim.heldBy.length + (claim.heldBy[0]?.holderId == null ? 0 : 1), 0);

const WRITE_PUBLISHERS = `UNWIND $publishers AS row
MATCH (a:${ARTICLE} {id: row.articleId})
MATCH (p:${ENTITY} {id: row.publisherId})
MERGE (a)-[:${PUBLISHED_BY}]->(p)`;

const WRITE_AUTHORSHIPS = `UNWIND $authorships AS row
MATCH (a:${ARTICLE} {id: row.articleId})
MATCH (p:${ENTITY} {id: row.personId}) WHERE p:${entityTypeLabel('Person')}
MERGE (p)-[:${AUTHORED} {articleId: row.articleId}]->(a)`;

const WRITE_MERGES = `UNWIND $merges AS m
MATCH (into:${ENTITY} {id: m.intoId})
MERGE (g:${MERGE} {fromId: m.fromId})
ON CREATE SET g.at = datetime()
SET g.intoId = m.intoId, g.reason = m.reason, g.matched = m.matched, g.articleId = m.articleId,
    g.fromName = m.fromName, g.fromType = m.fromType
MERGE (g)-[:${MERGED_INTO}]->(into)`;

export type ArticleWriteOutcome = 'created' | 'replaced' | 'unchanged';

export interface BatchWriteResult {
  entitiesCreated: number;
  relationsWritten: number;
}

/**
 * Runs each statement once for the whole batch. Statement texts never change and list
 * parameters always hold maps of the same shape, so Neo4j plans each statement once per run.
 */
async function writeRows(
  tx: ManagedTransaction,
  rows: BatchRows,
  options: { namesFromMentions: boolean },
): Promise<BatchWriteResult> {
  await tx.run(WRITE_ARTICLES, { articles: rows.articles });
  const entities = await tx.run(options.namesFromMentions ? WRITE_ENTITY_PROPERTIES : WRITE_ENTITIES, {
    entities: rows.entities,
  });
  const entitiesCreated = entities.summary.counters.updates().nodesCreated;
  await tx.run(WRITE_MENTIONS, { mentions: rows.mentions });
  if (rows.forwardReferences.length > 0)
    await tx.run(CREATE_FORWARD_REFERENCES, { references: rows.forwardReferences });

  if (rows.publishers.length > 0) await tx.run(WRITE_PUBLISHERS, { publishers: rows.publishers });

  let relationsWritten = 0;
  if (rows.claims.length > 0) {
    const written = await tx.run(WRITE_CLAIMS, { claims: rows.claims });
    const counters = written.summary.counters.updates();
    relationsWritten = counters.nodesCreated;
    // A claim whose endpoint or holder is missing would be dropped by a MATCH without a word:
    // fail the whole batch instead (its transaction rolls back).
    const expectedLinks = claimRelationshipCount(rows.claims);
    if (relationsWritten !== rows.claims.length || counters.relationshipsCreated !== expectedLinks) {
      const articles = [...new Set(rows.claims.map((claim) => claim.articleId))].join(', ');
      const missing =
        relationsWritten !== rows.claims.length
          ? `${rows.claims.length - relationsWritten} of ${rows.claims.length} relations name`
          : 'a relation attributes a claim to';
      throw new Error(`Articles ${articles}: ${missing} an entity the graph does not hold`);
    }
    if (rows.relationDeltas.length > 0) await tx.run(ADD_RELATION_DELTAS, { deltas: rows.relationDeltas });
  }
  if (rows.authorships.length > 0) await tx.run(WRITE_AUTHORSHIPS, { authorships: rows.authorships });
  if (rows.merges.length > 0) {
    await tx.run(WRITE_MERGES, {
      merges: rows.merges.map(({ fromId, intoId, reason, matched, articleId, fromName, fromType }) => ({
        fromId,
        intoId,
        reason,
        matched,
        articleId,
        fromName,
        fromType,
      })),
    });
  }
  return { entitiesCreated, relationsWritten };
}

/**
 * Writes articles that are not in the graph yet, all in one transaction: a failure or a kill
 * leaves none of them or all of them. The caller (holding the lease) checked they are new; the
 * transaction checks again, so a retry by the driver ends the same.
 */
export function writeNewArticles(
  db: Db,
  plans: readonly ArticleWritePlan[],
  lease: IngestLease,
): Promise<BatchWriteResult> {
  const rows = batchRows(plans);
  const step = { step: 'write new articles', articles: plans.length, firstArticle: plans[0]?.article.id ?? '' };
  return inLeasedWrite(db, lease, step, async (tx) => {
    const existing = await tx.run(`UNWIND $ids AS id MATCH (a:${ARTICLE} {id: id}) RETURN collect(a.id) AS ids`, {
      ids: rows.articles.map((article) => article.id),
    });
    const present = parseRow(TextListSchema, existing.records[0]?.get('ids'), 'ids of present articles');
    if (present.length > 0) throw new Error(`Expected new articles, but the graph already holds ${present.join(', ')}`);
    return writeRows(tx, rows, { namesFromMentions: false });
  });
}

export interface ArticleWriteResult extends BatchWriteResult {
  outcome: ArticleWriteOutcome;
}

/**
 * Writes one article whose previous version may be in the graph, in one transaction: what the
 * previous version said (claims, mentions, authorship, merges it caused, what it said of
 * entities) is taken back, and the relations it touched are recounted from the claims that remain.
 */
export function writeArticle(db: Db, plan: ArticleWritePlan, lease: IngestLease): Promise<ArticleWriteResult> {
  const rows = batchRows([plan]);
  return inLeasedWrite(db, lease, { step: 'write article', article: plan.article.id }, async (tx) => {
    const articleId = plan.article.id;
    const existing = await tx.run(`MATCH (a:${ARTICLE} {id: $articleId}) RETURN a.contentHash AS contentHash`, {
      articleId,
    });
    const [previous] = existing.records;
    const previousHash = previous && parseRow(PreviousHashSchema, previous.get('contentHash'), 'content hash');
    if (previousHash === plan.article.contentHash)
      return { outcome: 'unchanged', entitiesCreated: 0, relationsWritten: 0 };
    if (previousHash === undefined)
      return { outcome: 'created', ...(await writeRows(tx, rows, { namesFromMentions: false })) };

    const { mentioned, relations } = await takeBackArticle(tx, articleId, { keepArticleNode: true });
    await recountRelations(tx, relations);
    const written = await writeRows(tx, rows, { namesFromMentions: true });
    const stillMentioned = new Set(plan.entities.map((entity) => entity.id));
    await deleteOrphans(
      tx,
      mentioned.filter((id) => !stillMentioned.has(id)),
    );
    await refreshEntities(tx, [...new Set([...mentioned, ...stillMentioned])]);
    // Merge records stay until the new version is written: a merged id it still uses keeps
    // meaning its entity, and resolves through the record without a new merge.
    await takeBackMerges(tx, articleId);
    return { outcome: 'replaced', ...written };
  });
}

/**
 * Deletes what an article said: its claims (with their holders), mentions, authorship and
 * publisher (and the Article node unless kept). Returns the entities it mentioned, those its
 * claims named (endpoints and holders), and the relations its affirmative claims counted in.
 */
async function takeBackArticle(
  tx: ManagedTransaction,
  articleId: string,
  options: { keepArticleNode: boolean },
): Promise<{ mentioned: string[]; named: string[]; relations: RelationToRecount[]; claimsDeleted: number }> {
  const found = await tx.run(
    `MATCH (a:${ARTICLE} {id: $articleId})
     RETURN COLLECT { MATCH (a)-[:${MENTIONS}]->(n) RETURN DISTINCT n.id } AS mentioned,
            COLLECT { MATCH (a)-[:${CLAIMS}]->(:${CLAIM})-[:${SUBJECT}|${OBJECT}|${HELD_BY}]->(n:${ENTITY}) RETURN DISTINCT n.id } AS named,
            COLLECT { MATCH (a)-[:${CLAIMS}]->(c:${CLAIM}) WHERE c.relation IS NOT NULL
                      RETURN DISTINCT {type: c.type, sourceId: c.sourceId, targetId: c.targetId, relation: c.relation} } AS relations`,
    { articleId },
  );
  const [record] = found.records;
  const { mentioned, named, relations } = record
    ? parseRow(TakenBackRecord, record.toObject(), 'article taken back')
    : { mentioned: [], named: [], relations: [] };
  const deleted = await tx.run(`MATCH (c:${CLAIM} {articleId: $articleId}) DETACH DELETE c`, { articleId });
  await tx.run(
    options.keepArticleNode
      ? `MATCH (a:${ARTICLE} {id: $articleId})-[r:${MENTIONS}|${AUTHORED}|${PUBLISHED_BY}]-() DELETE r`
      : `MATCH (a:${ARTICLE} {id: $articleId}) DETACH DELETE a`,
    { articleId },
  );
  return { mentioned, named, relations, claimsDeleted: deleted.summary.counters.updates().nodesDeleted };
}

/** Each relation's aggregates again from its remaining claims; a relation with none is deleted. */
async function recountRelations(tx: ManagedTransaction, relations: RelationToRecount[]): Promise<void> {
  if (relations.length > 0) await tx.run(RECOUNT_RELATIONS, { relations });
}

/**
 * Deletes the entities among `entityIds` that no article mentions or is written by, and no
 * claim names (as subject, object, or the actor making it), with their merge records.
 */
async function deleteOrphans(tx: ManagedTransaction, entityIds: string[]): Promise<number> {
  if (entityIds.length === 0) return 0;
  const result = await tx.run(
    `UNWIND $entityIds AS entityId
     MATCH (n:${ENTITY} {id: entityId})
     WHERE NOT EXISTS { (n)<-[:${MENTIONS}|${SUBJECT}|${OBJECT}|${ATTRIBUTED_TO}|${HELD_BY}|${PUBLISHED_BY}]-() }
       AND NOT EXISTS { (n)-[:${AUTHORED}]->() }
     OPTIONAL MATCH (g:${MERGE})-[:${MERGED_INTO}]->(n)
     DETACH DELETE g, n
     RETURN count(DISTINCT n) AS deleted`,
    { entityIds },
  );
  return Number(result.records[0]?.get('deleted') ?? 0);
}

/**
 * An entity is what the articles that mention it say, and nothing more: its name (the first
 * loaded article's), aliases and normalized names (every article's), and each property (the
 * first loaded article that gives one). Replacing or removing an article recomputes them from
 * the mentions that remain, so nothing a removed version said outlives it. An entity no
 * mention describes any more (kept because other claims still need it) keeps what it had.
 */
export async function refreshEntities(tx: ManagedTransaction, entityIds: string[]): Promise<void> {
  if (entityIds.length === 0) return;
  await tx.run(
    `UNWIND $entityIds AS entityId
     MATCH (n:${ENTITY} {id: entityId})
     CALL (n) {
       MATCH (a:${ARTICLE})-[m:${MENTIONS}]->(n)
       WITH a, m ORDER BY ${LOAD_ORDER}
       RETURN collect(m) AS mentions
     }
     WITH n, mentions WHERE size(mentions) > 0
     SET n.name = mentions[0].name,
         ${PROPS_FROM_MENTIONS}
     SET n.aliases = COLLECT {
           UNWIND mentions AS m
           UNWIND [m.name] + m.aliases AS alias
           WITH DISTINCT alias WHERE alias <> n.name
           RETURN alias ORDER BY alias
         },
         n.normalizedNames = COLLECT {
           UNWIND mentions AS m
           UNWIND m.normalizedNames AS normalized
           WITH DISTINCT normalized
           RETURN normalized ORDER BY normalized
         }`,
    { entityIds },
  );
}

/**
 * Merge records an article caused go with it, unless an article still uses the merged id
 * (mentions an entity under it): the first loaded of those then owns the record. Run after
 * the article was removed, or after its new version was written (which may use the id again).
 */
async function takeBackMerges(tx: ManagedTransaction, articleId: string): Promise<void> {
  await tx.run(
    `MATCH (g:${MERGE} {articleId: $articleId})-[:${MERGED_INTO}]->(into:${ENTITY})
     CALL (g, into) {
       OPTIONAL MATCH (a:${ARTICLE})-[m:${MENTIONS}]->(into)
       WHERE m.localId = g.fromId
       WITH a ORDER BY ${LOAD_ORDER}
       RETURN collect(a.id)[0] AS stillUsedBy
     }
     FOREACH (_ IN CASE WHEN stillUsedBy IS NULL THEN [1] ELSE [] END | DETACH DELETE g)
     FOREACH (_ IN CASE WHEN stillUsedBy IS NULL THEN [] ELSE [1] END | SET g.articleId = stillUsedBy)`,
    { articleId },
  );
}

export interface RemoveArticleResult {
  removed: boolean;
  relationsDeleted: number;
  entitiesDeleted: number;
}

/**
 * Removes an article and only what it supports: its claims (and the relations they alone
 * made), its mentions and authorship, its merge records, and the entities that no other
 * article mentions and no remaining claim names.
 */
export function deleteArticle(db: Db, articleId: string, lease: IngestLease): Promise<RemoveArticleResult> {
  return inLeasedWrite(db, lease, { step: 'remove article', article: articleId }, async (tx) => {
    const exists = await tx.run(`MATCH (a:${ARTICLE} {id: $articleId}) RETURN a.id AS id`, { articleId });
    if (exists.records.length === 0) return { removed: false, relationsDeleted: 0, entitiesDeleted: 0 };
    const { mentioned, named, relations, claimsDeleted } = await takeBackArticle(tx, articleId, {
      keepArticleNode: false,
    });
    await recountRelations(tx, relations);
    await takeBackMerges(tx, articleId);
    const entitiesDeleted = await deleteOrphans(tx, [...new Set([...mentioned, ...named])]);
    await refreshEntities(tx, mentioned);
    return { removed: true, relationsDeleted: claimsDeleted, entitiesDeleted };
  });
}

/**
 * Empties the graph in batches, so a large graph does not need one huge transaction:
 * relationships first, so deleting a node (an entity most claims name) never takes its
 * thousands of relationships into one batch.
 */
export async function resetGraph(db: Db): Promise<void> {
  const session = db.driver.session({ database: db.database, bookmarkManager: db.driver.executeQueryBookmarkManager });
  try {
    // CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeWrite.
    // The lock node stays: a writer may hold its lease (the caller of --reset does).
    const named = { metadata: transactionMetadata(db, { step: 'reset graph' }) };
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS', {}, named);
    await session.run(
      `MATCH (n) WHERE NOT n:${INGEST_LOCK} CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
      {},
      named,
    );
  } finally {
    await session.close();
  }
}
