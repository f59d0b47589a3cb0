import { loadConfig } from '../../../src/config.ts';
import { resetGraph } from '../../../src/db/article-writer.ts';
import { openDb, type Db, type OpenedDb } from '../../../src/db/driver.ts';
import { migrate } from '../../../src/db/migrate.ts';

/** The Neo4j the global setup provides, migrated and emptied: each test file starts clean. */
export async function openCleanTestDb(): Promise<OpenedDb> {
  const db = openDb(loadConfig());
  await migrate(db);
  await resetGraph(db);
  return db;
}

export async function cypher<T = Record<string, unknown>>(
  db: Db,
  query: string,
  parameters: Record<string, unknown> = {},
): Promise<T[]> {
  const { records } = await db.driver.executeQuery(query, parameters, { database: db.database });
  return records.map((record) => record.toObject() as T);
}

/**
 * Nodes per label set and relationships per type: what "changes no counts" compares. The
 * writers' lock node is not data, and exists once any writer has run.
 */
export async function graphCounts(db: Db): Promise<Record<string, number>> {
  const nodes = await cypher<{ key: string; count: number }>(
    db,
    `MATCH (n) WHERE NOT n:IngestLock WITH labels(n) AS labels ORDER BY labels UNWIND labels AS label
     RETURN 'node:' + label AS key, count(*) AS count`,
  );
  const relationships = await cypher<{ key: string; count: number }>(
    db,
    `MATCH ()-[r]->() RETURN 'rel:' + type(r) AS key, count(*) AS count`,
  );
  return Object.fromEntries([...nodes, ...relationships].map(({ key, count }) => [key, Number(count)]).sort());
}

/** Environment for a CLI child process that talks to the test database. */
export function cliEnvironment(): NodeJS.ProcessEnv {
  const config = loadConfig();
  return {
    ...process.env,
    NEO4J_URI: config.NEO4J_URI,
    NEO4J_USER: config.NEO4J_USER,
    NEO4J_PASSWORD: config.NEO4J_PASSWORD,
    NEO4J_DATABASE: config.NEO4J_DATABASE,
  };
}

/**
 * Everything the writers decide, as sorted text: entities (labels, names, wikidata), who
 * mentions them under which id, claims with their endpoints, and the merge log. Two graphs with
 * the same fingerprint hold the same data, whatever the internal node ids.
 */
export async function graphFingerprint(db: Db): Promise<string[]> {
  const types = await cypher<{ line: string }>(
    db,
    `MATCH (n:Entity)
     RETURN 'entity ' + n.id + reduce(s = '', l IN COLLECT { UNWIND labels(n) AS l RETURN l ORDER BY l } | s + ':' + l) AS line`,
  );
  const entities = await cypher<{ line: string }>(
    db,
    `MATCH (n:Entity)
     RETURN n.id + ' name=' + n.name + ' aliases=' + reduce(s = '', a IN coalesce(n.aliases, []) | s + '|' + a)
            + ' wikidata=' + coalesce(n.wikidata, '-') + ' description=' + coalesce(n.description, '-') AS line`,
  );
  const mentions = await cypher<{ line: string }>(
    db,
    `MATCH (a:Article)-[m:MENTIONS]->(n:Entity) RETURN 'mention ' + a.id + ' ' + m.localId + '->' + n.id AS line`,
  );
  const claims = await cypher<{ line: string }>(
    db,
    `MATCH (a:Article)-[:CLAIMS]->(c:Claim)-[:SUBJECT]->(s:Entity), (c)-[:OBJECT]->(t:Entity)
     RETURN 'claim ' + c.id + ' in ' + a.id + ' ' + s.id + ' ' + c.type + ' ' + t.id
            + ' by ' + coalesce(COLLECT { MATCH (c)-[:ATTRIBUTED_TO]->(x) RETURN x.id }[0], '-') AS line`,
  );
  // The aggregates are part of what a writer decides: serial and concurrent runs must agree on them too.
  const relations = await cypher<{ line: string }>(
    db,
    `MATCH (s:Entity)-[r]->(t:Entity) WHERE r.claimCount IS NOT NULL
     RETURN 'relation ' + s.id + ' ' + type(r) + ' ' + t.id + ' claims=' + r.claimCount + ' articles=' + r.articleCount
            + ' first=' + r.firstSeen + ' last=' + r.lastSeen + ' confidence=' + r.maxConfidence
            + ' modalities=' + reduce(x = '', m IN r.modalities | x + '|' + m) AS line`,
  );
  const merges = await cypher<{ line: string }>(
    db,
    `MATCH (g:Merge)-[:MERGED_INTO]->(n:Entity) RETURN 'merge ' + g.fromId + '->' + n.id + ' by ' + g.articleId AS line`,
  );
  return [...types, ...entities, ...mentions, ...claims, ...relations, ...merges].map((row) => row.line).sort();
}

/**
 * Relations whose stored aggregates differ from a recount of their claims, and claims whose
 * relation has no relationship (a claim that is not affirmative has no relation): the invariant every write, replace and remove keeps.
 */
export async function aggregateMismatches(db: Db): Promise<string[]> {
  const rows = await cypher<{ line: string }>(
    db,
    `MATCH (s:Entity)-[r]->(t:Entity) WHERE r.claimCount IS NOT NULL
     CALL (r) {
       OPTIONAL MATCH (c:Claim {relation: type(r) + ' ' + r.key})
       WITH c ORDER BY c.dateStart, c.dateEnd, c.articleId, c.ordinal
       RETURN count(c) AS claims, count(DISTINCT c.articleId) AS articles, head(collect(c.effectiveDate)) AS first,
              max(c.confidence) AS confidence
     }
     WITH s, r, t, claims, articles, first, confidence
     WHERE r.key <> s.id + ' ' + t.id OR r.claimCount <> claims OR r.articleCount <> articles OR r.firstSeen <> first
        OR r.maxConfidence <> confidence
     RETURN 'relation ' + s.id + ' ' + type(r) + ' ' + t.id + ' stores ' + r.claimCount + '/' + r.articleCount
            + ' but has ' + claims + '/' + articles AS line
     UNION ALL
     MATCH (c:Claim)
     WHERE c.relation IS NOT NULL AND NOT EXISTS { MATCH (s:Entity {id: c.sourceId})-[r]->(t:Entity {id: c.targetId}) WHERE type(r) = c.type }
     RETURN 'claim ' + c.id + ' has no relation' AS line`,
  );
  return rows.map((row) => row.line).sort();
}

/** Relationships whose endpoint types the vocabulary does not allow, and entities with other than one type label. */
export async function vocabularyViolations(db: Db): Promise<string[]> {
  const { ENTITY_TYPES, RELATION_RULES, isRelationType } = await import('../../../src/domain/vocabulary.ts');
  const relationships = await cypher<{
    type: string;
    source: string[];
    target: string[];
    sourceId: string;
    targetId: string;
  }>(
    db,
    `MATCH (s:Entity)-[r]->(t:Entity) RETURN type(r) AS type, labels(s) AS source, labels(t) AS target, s.id AS sourceId, t.id AS targetId`,
  );
  const typeOf = (labels: string[]) => labels.filter((label) => (ENTITY_TYPES as readonly string[]).includes(label));
  const problems: string[] = [];
  for (const row of relationships) {
    if (!isRelationType(row.type)) continue;
    const rule = RELATION_RULES[row.type];
    const [source] = typeOf(row.source);
    const [target] = typeOf(row.target);
    if (
      !(rule.sources as readonly string[]).includes(source ?? '') ||
      !(rule.targets as readonly string[]).includes(target ?? '')
    ) {
      problems.push(`${row.sourceId} (${source}) ${row.type} ${row.targetId} (${target})`);
    }
  }
  const entities = await cypher<{ id: string; labels: string[] }>(
    db,
    'MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels',
  );
  for (const entity of entities) {
    if (typeOf(entity.labels).length !== 1)
      problems.push(`${entity.id} has type labels ${typeOf(entity.labels).join(', ') || 'none'}`);
  }
  return problems;
}
