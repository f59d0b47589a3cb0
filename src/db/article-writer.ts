import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_COMMON_PROPS, entityTypeProps } from '../domain/article.schema.ts';
import {
  ARTICLE_LABEL,
  ENTITY_LABEL,
  ENTITY_TYPES,
  INGEST_LOCK_LABEL,
  MERGE_LABEL,
  DERIVED_RELATIONSHIP_TYPES,
  RELATION_TYPES,
  cypherLabel,
  cypherRelationshipType,
} from '../domain/vocabulary.ts';
import type { ArticleWritePlan } from '../ingest/plan-article-write.ts';
import type { Db } from './driver.ts';
import { inLeasedWrite, type IngestLease } from './ingest-lease.ts';

const ENTITY = cypherLabel(ENTITY_LABEL);
const ARTICLE = cypherLabel(ARTICLE_LABEL);
const MERGE = cypherLabel(MERGE_LABEL);
const { authored: AUTHORED, mentions: MENTIONS, mergedInto: MERGED_INTO } = DERIVED_RELATIONSHIP_TYPES;

/** Every optional entity property of the format, each a plain identifier (safe as Cypher text). */
const ENTITY_PROPERTY_KEYS = [...new Set([...ENTITY_COMMON_PROPS, ...ENTITY_TYPES.flatMap(entityTypeProps)])].filter((key) =>
  /^[a-z][A-Za-z0-9]*$/.test(key),
);

/** First non-null value wins: what an earlier-loaded article said about an entity is kept. */
const KEEP_FIRST_PROPS = `{${ENTITY_PROPERTY_KEYS.map((key) => `${key}: coalesce(n.${key}, e.props.${key})`).join(', ')}}`;

/** What this article says of the entity, kept on its MENTIONS so it can be recomputed without it. */
const MENTION_PROPS = `{${ENTITY_PROPERTY_KEYS.map((key) => `${key}: e.props.${key}`).join(', ')}}`;

/**
 * Each property again from the mentions that remain, in load order (`mentions` is ordered):
 * the first article that gives a value wins, as when they were loaded one after another.
 */
const PROPS_FROM_MENTIONS = ENTITY_PROPERTY_KEYS.map(
  (key) => `n.${key} = head([m IN mentions WHERE m.${key} IS NOT NULL | m.${key}])`,
).join(',\n         ');

/**
 * Deletes every claim an article supports, type by type so each uses its articleId index.
 * The types come from the vocabulary, never from input.
 */
const DELETE_ARTICLE_CLAIMS = RELATION_TYPES.map(
  (type) => `CALL { MATCH ()-[r:${cypherRelationshipType(type)}]->() WHERE r.articleId = $articleId DELETE r }`,
).join('\n');

/** The stored content hash of each of these articles that is in the graph. */
export async function findContentHashes(db: Db, articleIds: string[]): Promise<Map<string, string>> {
  const { records } = await db.driver.executeQuery(
    `UNWIND $articleIds AS articleId
     MATCH (a:${ARTICLE} {id: articleId})
     RETURN a.id AS id, a.contentHash AS contentHash`,
    { articleIds },
    { database: db.database },
  );
  return new Map(records.map((record) => [String(record.get('id')), String(record.get('contentHash'))]));
}

/** The rows of `$list` of one type; the type is the vocabulary's (whitelisted), never input. */
const rowsOfType = (list: string, type: string) => `[row IN $${list} WHERE row.type = '${type}']`;

const WRITE_ENTITIES = `MATCH (a:${ARTICLE} {id: $articleId})
${ENTITY_TYPES.map(
  (type) => `CALL (a) {
  UNWIND ${rowsOfType('entities', cypherLabel(type))} AS e
  MERGE (n:${ENTITY} {id: e.id})
  ON CREATE SET n:${cypherLabel(type)}, n.type = e.type, n.name = e.name, n.createdAt = datetime()
  SET n += ${KEEP_FIRST_PROPS}
  MERGE (a)-[m:${MENTIONS} {localId: e.localId}]->(n)
  SET m += ${MENTION_PROPS}, m.name = e.name, m.aliases = e.aliases, m.normalizedNames = e.normalizedNames
}`,
).join('\n')}`;

/** Bare entities (type and name) that a later file of the run defines in full. */
const CREATE_FORWARD_REFERENCES = ENTITY_TYPES.map(
  (type) => `CALL {
  UNWIND ${rowsOfType('entities', cypherLabel(type))} AS e
  MERGE (n:${ENTITY} {id: e.id})
  ON CREATE SET n:${cypherLabel(type)}, n.type = e.type, n.name = e.name, n.createdAt = datetime()
}`,
).join('\n');

const WRITE_RELATIONS = RELATION_TYPES.map(
  (type) => `CALL {
  UNWIND ${rowsOfType('relations', cypherRelationshipType(type))} AS row
  MATCH (s:${ENTITY} {id: row.sourceId}), (t:${ENTITY} {id: row.targetId})
  CREATE (s)-[r:${cypherRelationshipType(type)}]->(t)
  SET r = row.props, r.articleId = $articleId, r.ordinal = toInteger(row.ordinal)
}`,
).join('\n');

export type ArticleWriteOutcome = 'created' | 'replaced' | 'unchanged';

export interface ArticleWriteResult {
  outcome: ArticleWriteOutcome;
  entitiesCreated: number;
  relationsWritten: number;
}

/**
 * Writes one article, whole, in one transaction: a failure or a kill leaves either the
 * previous version or the new one, never half. The transaction function is retried by the
 * driver on transient errors, and every step is idempotent, so a retry ends the same.
 */
export function writeArticle(db: Db, plan: ArticleWritePlan, lease: IngestLease): Promise<ArticleWriteResult> {
  return inLeasedWrite(db, lease, (tx) => writeArticleIn(tx, plan));
}

async function writeArticleIn(tx: ManagedTransaction, plan: ArticleWritePlan): Promise<ArticleWriteResult> {
  const articleId = plan.article.id;
  const existing = await tx.run(`MATCH (a:${ARTICLE} {id: $articleId}) RETURN a.contentHash AS contentHash`, { articleId });
  const previousHash = existing.records[0]?.get('contentHash') as string | undefined;
  if (previousHash === plan.article.contentHash) {
    return { outcome: 'unchanged', entitiesCreated: 0, relationsWritten: 0 };
  }

  // A changed article replaces what it said before: its claims, mentions and authorship.
  // (A new one has nothing to replace: its claims can only exist with its Article node.)
  let previouslyMentioned: string[] = [];
  if (previousHash !== undefined) {
    const previous = await tx.run(
      `MATCH (a:${ARTICLE} {id: $articleId})-[r:${MENTIONS}|${AUTHORED}]-(n)
       DELETE r
       RETURN collect(DISTINCT n.id) AS ids`,
      { articleId },
    );
    previouslyMentioned = (previous.records[0]?.get('ids') as string[] | undefined) ?? [];
    await tx.run(DELETE_ARTICLE_CLAIMS, { articleId });
    // Merge records stay until the new version is written (takeBackMerges): a merged id it
    // still uses keeps meaning its entity, and resolves through the record without a new merge.
  }

  await tx.run(
    `MERGE (a:${ARTICLE} {id: $article.id})
     SET a += $article, a.loadedAt = datetime()`,
    { article: plan.article },
  );

  // One statement for all entities and one for all claims, each the same text and the same
  // parameter types for every article (Neo4j's plan cache keys on both: an empty list where
  // another article had rows is a new plan), so Neo4j plans them once. Planning one costs
  // ~230 ms, running it a few.
  let entitiesCreated = 0;
  if (plan.entities.length > 0) {
    const entities = await tx.run(WRITE_ENTITIES, { articleId, entities: plan.entities });
    entitiesCreated = entities.summary.counters.updates().nodesCreated;
  }
  if (previousHash === undefined) {
    // A new article can only add names: a union with what is there, not a recount of every
    // article that mentions the entity (which would grow with the corpus).
    await addNames(tx, plan.entities);
  }

  if (plan.forwardReferences.length > 0) {
    await tx.run(CREATE_FORWARD_REFERENCES, { entities: plan.forwardReferences });
  }

  let relationsWritten = 0;
  const relations = RELATION_TYPES.flatMap((type) => (plan.relationsByType[type] ?? []).map((row) => ({ ...row, type })));
  const relationRows = relations.length;
  if (relationRows > 0) {
    const written = await tx.run(WRITE_RELATIONS, { articleId, relations });
    relationsWritten = written.summary.counters.updates().relationshipsCreated;
    // A claim whose endpoint is missing would be dropped by the MATCH without a word: fail
    // the whole article instead (its transaction rolls back).
    if (relationsWritten !== relationRows) {
      throw new Error(`Article ${articleId}: ${relationRows - relationsWritten} of ${relationRows} relations name an entity the graph does not hold`);
    }
  }

  if (plan.authorIds.length > 0) {
    await tx.run(
      `MATCH (a:${ARTICLE} {id: $articleId})
       UNWIND $authorIds AS authorId
       MATCH (p:${ENTITY} {id: authorId}) WHERE p:${cypherLabel('Person')}
       MERGE (p)-[:${AUTHORED} {articleId: $articleId}]->(a)`,
      { articleId, authorIds: plan.authorIds },
    );
  }

  if (plan.merges.length > 0) {
    await tx.run(
      `UNWIND $merges AS m
       MATCH (into:${ENTITY} {id: m.intoId})
       MERGE (g:${MERGE} {fromId: m.fromId})
       ON CREATE SET g.at = datetime()
       SET g.intoId = m.intoId, g.reason = m.reason, g.matched = m.matched, g.articleId = m.articleId,
           g.fromName = m.fromName, g.fromType = m.fromType
       MERGE (g)-[:${MERGED_INTO}]->(into)`,
      {
        merges: plan.merges.map(({ fromId, intoId, reason, matched, articleId: mergeArticle, fromName, fromType }) => ({
          fromId, intoId, reason, matched, articleId: mergeArticle, fromName, fromType,
        })),
      },
    );
  }

  if (previousHash !== undefined) {
    // The article's previous version may have named, described, identified (wikidata) or
    // merged entities it no longer does: what it no longer supports is taken back.
    const stillMentioned = new Set(plan.entities.map((entity) => entity.id));
    await deleteOrphans(tx, previouslyMentioned.filter((id) => !stillMentioned.has(id)));
    await refreshEntities(tx, [...new Set([...previouslyMentioned, ...stillMentioned])]);
    await takeBackMerges(tx, articleId);
  }

  return { outcome: previousHash === undefined ? 'created' : 'replaced', entitiesCreated, relationsWritten };
}

/** True for an entity that some claim names in `attributedTo`; one index lookup per type. */
const NOT_ATTRIBUTED = RELATION_TYPES.map(
  (type) => `NOT EXISTS { MATCH ()-[a:${cypherRelationshipType(type)}]->() WHERE a.attributedTo = n.id }`,
).join('\n       AND ');

/**
 * Deletes the entities among `entityIds` that no article mentions and no claim or
 * authorship (relationships that carry an articleId) still needs, nor names as the actor
 * making a claim, with their merge records.
 */
async function deleteOrphans(tx: ManagedTransaction, entityIds: string[]): Promise<number> {
  if (entityIds.length === 0) return 0;
  const result = await tx.run(
    `UNWIND $entityIds AS entityId
     MATCH (n:${ENTITY} {id: entityId})
     WHERE NOT EXISTS { (:${ARTICLE})-[:${MENTIONS}]->(n) }
       AND NOT EXISTS { (n)-[r]-() WHERE r.articleId IS NOT NULL }
       AND ${NOT_ATTRIBUTED}
     OPTIONAL MATCH (g:${MERGE})-[:${MERGED_INTO}]->(n)
     DETACH DELETE g, n
     RETURN count(DISTINCT n) AS deleted`,
    { entityIds },
  );
  return Number(result.records[0]?.get('deleted') ?? 0);
}

async function addNames(tx: ManagedTransaction, entities: ArticleWritePlan['entities']): Promise<void> {
  await tx.run(
    `UNWIND $rows AS e
     MATCH (n:${ENTITY} {id: e.id})
     SET n.aliases = COLLECT {
           UNWIND coalesce(n.aliases, []) + [e.name] + e.aliases AS alias
           WITH DISTINCT alias WHERE alias <> n.name
           RETURN alias ORDER BY alias
         },
         n.normalizedNames = COLLECT {
           UNWIND coalesce(n.normalizedNames, []) + e.normalizedNames AS normalized
           WITH DISTINCT normalized
           RETURN normalized ORDER BY normalized
         }`,
    { rows: entities.map(({ id, name, aliases, normalizedNames }) => ({ id, name, aliases, normalizedNames })) },
  );
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
       WITH a, m ORDER BY a.loadedAt, a.id
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
       OPTIONAL MATCH (user:${ARTICLE})-[m:${MENTIONS}]->(into)
       WHERE m.localId = g.fromId
       WITH user ORDER BY user.loadedAt, user.id
       RETURN collect(user.id)[0] AS stillUsedBy
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
 * Removes an article and only what it supports: its claims, its mentions and authorship,
 * its merge records, and the entities that no other article mentions and no remaining
 * claim touches.
 */
export function deleteArticle(db: Db, articleId: string, lease: IngestLease): Promise<RemoveArticleResult> {
  return inLeasedWrite(db, lease, async (tx) => {
    const found = await tx.run(
      `MATCH (a:${ARTICLE} {id: $articleId})
       RETURN COLLECT { MATCH (a)-[:${MENTIONS}]->(n) RETURN DISTINCT n.id } AS mentioned`,
      { articleId },
    );
    const record = found.records[0];
    if (!record) return { removed: false, relationsDeleted: 0, entitiesDeleted: 0 };
    const mentioned = record.get('mentioned') as string[];

    const claims = await tx.run(DELETE_ARTICLE_CLAIMS, { articleId });
    const relationsDeleted = claims.summary.counters.updates().relationshipsDeleted;
    await tx.run(`MATCH (a:${ARTICLE} {id: $articleId}) DETACH DELETE a`, { articleId });
    await takeBackMerges(tx, articleId);

    const entitiesDeleted = await deleteOrphans(tx, mentioned);
    await refreshEntities(tx, mentioned);
    return { removed: true, relationsDeleted, entitiesDeleted };
  });
}

/** Empties the graph in batches, so a large graph does not need one huge transaction. */
export async function resetGraph(db: Db): Promise<void> {
  const session = db.driver.session({ database: db.database, bookmarkManager: db.driver.executeQueryBookmarkManager });
  try {
    // CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeWrite.
    // The lock node stays: a writer may hold its lease (the caller of --reset does).
    await session.run(`MATCH (n) WHERE NOT n:${cypherLabel(INGEST_LOCK_LABEL)} CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`);
  } finally {
    await session.close();
  }
}
