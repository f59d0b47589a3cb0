import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_COMMON_PROPS, entityTypeProps } from '../domain/article.schema.ts';
import {
  ARTICLE_LABEL,
  ENTITY_LABEL,
  ENTITY_TYPES,
  MERGE_LABEL,
  DERIVED_RELATIONSHIP_TYPES,
  RELATION_TYPES,
  cypherLabel,
  cypherRelationshipType,
  type RelationType,
} from '../domain/vocabulary.ts';
import type { ArticleWritePlan, RelationRow } from '../ingest/plan-article-write.ts';
import type { Db } from './driver.ts';

const ENTITY = cypherLabel(ENTITY_LABEL);

/**
 * Sessions share the driver's query bookmark manager with the API's reads, so in a cluster a
 * read that follows a write (ingestArticle, then a query) sees it.
 */
async function inWriteTransaction<T>(db: Db, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.database, bookmarkManager: db.driver.executeQueryBookmarkManager });
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close();
  }
}
const ARTICLE = cypherLabel(ARTICLE_LABEL);
const MERGE = cypherLabel(MERGE_LABEL);
const { authored: AUTHORED, mentions: MENTIONS, mergedInto: MERGED_INTO } = DERIVED_RELATIONSHIP_TYPES;

/** Every optional entity property of the format, each a plain identifier (safe as Cypher text). */
const ENTITY_PROPERTY_KEYS = [...new Set([...ENTITY_COMMON_PROPS, ...ENTITY_TYPES.flatMap(entityTypeProps)])].filter((key) =>
  /^[a-z][A-Za-z0-9]*$/.test(key),
);

/** First non-null value wins: what an earlier article said about an entity is kept. */
const KEEP_FIRST_PROPS = `{${ENTITY_PROPERTY_KEYS.map((key) => `${key}: coalesce(n.${key}, e.props.${key})`).join(', ')}}`;

/**
 * Deletes every claim an article supports, type by type so each uses its articleId index.
 * The types come from the vocabulary, never from input.
 */
const DELETE_ARTICLE_CLAIMS = RELATION_TYPES.map(
  (type) => `CALL { MATCH ()-[r:${cypherRelationshipType(type)}]->() WHERE r.articleId = $articleId DELETE r }`,
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
export function writeArticle(db: Db, plan: ArticleWritePlan): Promise<ArticleWriteResult> {
  return inWriteTransaction(db, (tx) => writeArticleIn(tx, plan));
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
    // Merge records stay: a merged id keeps meaning its entity, and a re-run resolves it
    // through the record without logging the merge again.
  }

  await tx.run(
    `MERGE (a:${ARTICLE} {id: $article.id})
     SET a += $article, a.loadedAt = datetime()`,
    { article: plan.article },
  );

  // One statement for all entities and one for all claims: a CALL per label or type present,
  // since labels and relationship types cannot be parameters.
  const entityGroups = ENTITY_TYPES.map((type) => ({ type, rows: plan.entities.filter((entity) => entity.type === type) })).filter(
    (group) => group.rows.length > 0,
  );
  let entitiesCreated = 0;
  if (entityGroups.length > 0) {
    const entities = await tx.run(
      `MATCH (a:${ARTICLE} {id: $articleId})
       ${entityGroups
         .map(
           ({ type }, index) => `CALL {
         WITH a
         UNWIND $entities${index} AS e
         MERGE (n:${ENTITY} {id: e.id})
         ON CREATE SET n:${cypherLabel(type)}, n.type = e.type, n.name = e.name, n.createdAt = datetime()
         SET n += ${KEEP_FIRST_PROPS}
         MERGE (a)-[m:${MENTIONS} {localId: e.localId}]->(n)
         SET m.name = e.name, m.aliases = e.aliases, m.normalizedNames = e.normalizedNames
       }`,
         )
         .join('\n     ')}`,
      { articleId, ...Object.fromEntries(entityGroups.map(({ rows }, index) => [`entities${index}`, rows])) },
    );
    entitiesCreated = entities.summary.counters.updates().nodesCreated;
  }
  if (previousHash === undefined) {
    // A new article can only add names: a union with what is there, not a recount of every
    // article that mentions the entity (which would grow with the corpus).
    await addNames(tx, plan.entities);
  } else {
    await refreshNames(tx, [...new Set(plan.entities.map((entity) => entity.id))]);
  }

  const relationGroups = (Object.entries(plan.relationsByType) as Array<[RelationType, RelationRow[] | undefined]>).filter(
    (group): group is [RelationType, RelationRow[]] => (group[1]?.length ?? 0) > 0,
  );
  let relationsWritten = 0;
  if (relationGroups.length > 0) {
    const relations = await tx.run(
      relationGroups
        .map(
          ([type], index) => `CALL {
         UNWIND $relations${index} AS row
         MATCH (s:${ENTITY} {id: row.sourceId}), (t:${ENTITY} {id: row.targetId})
         CREATE (s)-[r:${cypherRelationshipType(type)}]->(t)
         SET r = row.props, r.articleId = $articleId, r.ordinal = toInteger(row.ordinal)
       }`,
        )
        .join('\n       '),
      { articleId, ...Object.fromEntries(relationGroups.map(([, rows], index) => [`relations${index}`, rows])) },
    );
    relationsWritten = relations.summary.counters.updates().relationshipsCreated;
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

  const stillMentioned = new Set(plan.entities.map((entity) => entity.id));
  await deleteOrphans(tx, previouslyMentioned.filter((id) => !stillMentioned.has(id)));
  await refreshNames(tx, previouslyMentioned);

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
 * An entity's aliases and normalized names are the union of what every article that
 * mentions it called it, so replacing or removing an article also takes back its names.
 */
export async function refreshNames(tx: ManagedTransaction, entityIds: string[]): Promise<void> {
  await tx.run(
    `UNWIND $entityIds AS entityId
     MATCH (n:${ENTITY} {id: entityId})
     SET n.aliases = COLLECT {
           MATCH (:${ARTICLE})-[m:${MENTIONS}]->(n)
           UNWIND [m.name] + m.aliases AS alias
           WITH DISTINCT alias WHERE alias <> n.name
           RETURN alias ORDER BY alias
         },
         n.normalizedNames = COLLECT {
           MATCH (:${ARTICLE})-[m:${MENTIONS}]->(n)
           UNWIND m.normalizedNames AS normalized
           WITH DISTINCT normalized
           RETURN normalized ORDER BY normalized
         }`,
    { entityIds },
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
export function deleteArticle(db: Db, articleId: string): Promise<RemoveArticleResult> {
  return inWriteTransaction(db, async (tx) => {
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
    await tx.run(`MATCH (g:${MERGE} {articleId: $articleId}) DETACH DELETE g`, { articleId });
    await tx.run(`MATCH (a:${ARTICLE} {id: $articleId}) DETACH DELETE a`, { articleId });

    const entitiesDeleted = await deleteOrphans(tx, mentioned);
    await refreshNames(tx, mentioned);
    return { removed: true, relationsDeleted, entitiesDeleted };
  });
}

/** Empties the graph in batches, so a large graph does not need one huge transaction. */
export async function resetGraph(db: Db): Promise<void> {
  const session = db.driver.session({ database: db.database, bookmarkManager: db.driver.executeQueryBookmarkManager });
  try {
    // CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeWrite.
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}
