/**
 * The floor of the comparison: a bare node:http server where `POST /q/<class>` with JSON
 * parameters runs one hand-written Cypher query on storage model v2 (src/bench/model-v2.ts)
 * in a read transaction and answers its first record as JSON. No GraphQL, no validation
 * beyond the parameters' presence: what the database costs, plus HTTP and JSON.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { RELATION_RULES } from '../../domain/vocabulary.ts';
import { CLAIM_LABEL, CLAIM_LINKS, EVIDENCE_LINKS, RELATIONSHIP_TYPES } from '../model-v2.ts';
import { listen, type ComparisonServer } from './neo4j-graphql-server.ts';

/** Every vocabulary relationship type: traversals never follow MENTIONS or the claim links. */
const VOCABULARY = RELATIONSHIP_TYPES.join('|');
const CLAIM_TYPES = RELATIONSHIP_TYPES.filter((type) => RELATION_RULES[type].kind === 'claim');
const BEST_SUPPORTED = (r: string, other: string) =>
  `${r}.articleCount DESC, ${r}.claimCount DESC, type(${r}), ${other}.id`;

/** One page of a type's aggregated relations in key order (keyset: `after` is the last key seen), each with its evidence. */
const relationsPage = (type: string) => `
MATCH (s:Entity)-[r:${type}]->(t:Entity)
WHERE r.key > $after
WITH s, r, t ORDER BY r.key LIMIT $first
CALL (r) {
  MATCH (c:${CLAIM_LABEL} {relation: '${type} ' + r.key})
  MATCH (a:Article {id: c.articleId})
  WITH c, a ORDER BY c.effectiveDate, c.id
  RETURN collect({quote: c.quote, modality: c.modality, confidence: c.confidence, article: a {.id, .title}}) AS evidence
}
RETURN collect({key: r.key, type: '${type}', source: s {.id, .name}, target: t {.id, .name},
                articleCount: r.articleCount, firstSeen: r.firstSeen, lastSeen: r.lastSeen, evidence: evidence}) AS edges`;

/**
 * A page of `$claims` (already in evidence order, every one matching): the total, and the first
 * `$first` with their ends, article and attribution chain.
 */
const claimsPage = (match: string) => `
${match}
WITH DISTINCT c ORDER BY c.dateStart, c.dateEnd, c.articleId, c.ordinal
WITH collect(c) AS claims
CALL (claims) {
  UNWIND claims[..$first] AS c
  MATCH (c)-[:${CLAIM_LINKS.subject}]->(s:Entity), (c)-[:${CLAIM_LINKS.object}]->(t:Entity), (a:Article {id: c.articleId})
  CALL (c) {
    MATCH (c)-[h:${EVIDENCE_LINKS.heldBy}]->(w)
    WITH h, w ORDER BY h.order
    RETURN collect({order: h.order, stance: h.stance, reportedBy: h.reportedBy, holder: CASE WHEN w:Entity THEN w {.id, .name} END}) AS attributions
  }
  RETURN collect({id: c.id, type: c.type, subject: s {.id, .name}, object: t {.id, .name},
                  evidence: {quote: c.quote, polarity: c.polarity, affirmative: c.affirmative, validFrom: c.validFrom,
                             credibility: c.credibility, section: c.section, article: a {.id, .title}},
                  attributions: attributions}) AS edges
}
RETURN size(claims) AS totalCount, edges`;

export const RAW_QUERIES: Record<string, string> = {
  entity: `
MATCH (e:Entity {id: $id})
RETURN e {.id, .type, .name, .aliases, .description, .wikidata} AS entity`,

  outgoingTwoLevels: `
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)-[r:${VOCABULARY}]->(t:Entity)
  WITH r, t ORDER BY ${BEST_SUPPORTED('r', 't')} LIMIT $first
  CALL (t) {
    MATCH (t)-[r2:${VOCABULARY}]->(u:Entity)
    WITH r2, u ORDER BY ${BEST_SUPPORTED('r2', 'u')} LIMIT $nestedFirst
    RETURN collect({type: type(r2), articleCount: r2.articleCount, target: u {.id, .name}}) AS next
  }
  RETURN collect({type: type(r), articleCount: r.articleCount, target: t {.id, .name, relations: next}}) AS relations
}
RETURN e {.id, .name, relations: relations} AS entity`,

  ...Object.fromEntries(CLAIM_TYPES.map((type) => [`relationsPage:${type}`, relationsPage(type)])),

  criticsWithStatements: `
MATCH (t:Entity {id: $id})
CALL (t) {
  MATCH (s:Entity)-[r:CRITICIZES]->(t)
  RETURN s AS critic, null AS via, r
  UNION ALL
  MATCH (actor:Entity)-[:ISSUED]->(st:Statement)-[r:CRITICIZES]->(t)
  RETURN actor AS critic, st AS via, r
}
WITH critic, via, r ORDER BY r.articleCount DESC, r.claimCount DESC, critic.id, via.id LIMIT $first
CALL (r) {
  MATCH (c:${CLAIM_LABEL} {relation: 'CRITICIZES ' + r.key})
  MATCH (a:Article {id: c.articleId})
  WITH c, a ORDER BY c.effectiveDate, c.id
  RETURN collect({quote: c.quote, modality: c.modality, article: a {.title}}) AS evidence
}
RETURN collect({source: critic {.id, .name}, via: via {.id, .name}, articleCount: r.articleCount,
                firstSeen: r.firstSeen, lastSeen: r.lastSeen, evidence: evidence}) AS relations`,

  search: `
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $first}) YIELD node, score
RETURN collect(node {.id, .name, score: score}) AS entities`,

  path: `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
OPTIONAL MATCH p = shortestPath((a)-[:${VOCABULARY}*..4]-(b))
RETURN CASE WHEN p IS NULL THEN null ELSE {
  length: length(p),
  nodes: [n IN nodes(p) | n {.id, .name}],
  relations: [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id}]
} END AS path`,

  neighborhood: `
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)-[:${VOCABULARY}]-(n:Entity)
  WHERE n <> c
  WITH DISTINCT n LIMIT 199
  RETURN collect(n) AS level1
}
CALL (c, level1) {
  UNWIND level1 AS m
  MATCH (m)-[:${VOCABULARY}]-(n:Entity)
  WHERE n <> c AND NOT n IN level1
  WITH DISTINCT n LIMIT 199
  RETURN collect(n) AS level2
}
WITH [c] + level1 + level2[..199 - size(level1)] AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:${VOCABULARY}]->(b)
  WHERE b IN nodes
  WITH a, r, b LIMIT 1000
  RETURN collect({type: type(r), source: a.id, target: b.id, articleCount: r.articleCount}) AS relations
}
RETURN [n IN nodes | n {.id, .name}] AS nodes, relations, size(nodes) >= 200 OR size(relations) >= 1000 AS truncated`,

  dyad: `
MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
CALL (a, b) {
  MATCH (a)-[r:${VOCABULARY}]-(b)
  WITH r ORDER BY r.articleCount DESC, r.claimCount DESC, type(r), startNode(r).id
  RETURN collect({type: type(r), source: startNode(r).id, target: endNode(r).id, articleCount: r.articleCount,
                  claimCount: r.claimCount, firstSeen: r.firstSeen, lastSeen: r.lastSeen, relation: type(r) + ' ' + r.key}) AS relations
}
CALL (relations) {
  UNWIND relations AS relation
  MATCH (c:${CLAIM_LABEL} {relation: relation.relation})
  WITH c ORDER BY c.effectiveDate, c.id
  RETURN collect({date: c.effectiveDate, type: c.type, source: c.sourceId, quote: c.quote, modality: c.modality, articleId: c.articleId}) AS timeline,
         count(DISTINCT c.articleId) AS articleCount, min(c.effectiveDate) AS firstSeen, max(c.effectiveDate) AS lastSeen
}
RETURN relations, timeline, articleCount, firstSeen, lastSeen`,

  claimsByHolder: claimsPage(`
MATCH (:Entity {id: $holder})<-[h:${EVIDENCE_LINKS.heldBy}]-(c:${CLAIM_LABEL})
WHERE h.stance IN $stances`),

  claimsAboutNotAffirmative: claimsPage(`
MATCH (:Entity {id: $object})<-[:${CLAIM_LINKS.object}]-(c:${CLAIM_LABEL})
WHERE c.affirmative = false`),

  ranking: `
MATCH (c:${CLAIM_LABEL})
WHERE c.relation STARTS WITH $type + ' '
WITH c.targetId AS id, count(DISTINCT c.articleId) AS articleCount, count(*) AS claimCount, count(DISTINCT c.sourceId) AS counterpartCount
ORDER BY articleCount DESC, claimCount DESC, id LIMIT $first
MATCH (e:Entity {id: id})
RETURN collect({entity: e {.id, .name}, articleCount: articleCount, claimCount: claimCount, counterpartCount: counterpartCount}) AS ranking`,
};

/** The parameters each class needs, with their defaults; numbers are sent as Cypher integers. */
const INTEGER_PARAMS = new Set(['first', 'nestedFirst']);

/** A request's class and parameters → the Cypher text and parameters it runs. */
export function rawQueryFor(
  name: string,
  params: Record<string, unknown>,
): { cypher: string; params: Record<string, unknown> } | null {
  const key = name === 'relationsPage' ? `relationsPage:${String(params.type)}` : name;
  const cypher = Object.prototype.hasOwnProperty.call(RAW_QUERIES, key) ? RAW_QUERIES[key] : undefined;
  if (cypher === undefined) return null;
  const converted: Record<string, unknown> = {};
  for (const [param, value] of Object.entries(params))
    converted[param] = INTEGER_PARAMS.has(param) && typeof value === 'number' ? neo4j.int(value) : value;
  if (name === 'relationsPage') converted.after = typeof params.after === 'string' ? params.after : '';
  return { cypher, params: converted };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Listens on 127.0.0.1 (a free port unless `port`); `url` is the server's origin. */
export async function startRawServer(
  driver: Driver,
  options: { database?: string; port?: number } = {},
): Promise<ComparisonServer> {
  const database = options.database ?? 'neo4j';
  const server = createServer((request, response) => {
    const match = /^\/q\/([A-Za-z]+)$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) return answer(response, 404, { error: 'POST /q/<class>' });
    void (async () => {
      try {
        const params = JSON.parse((await readBody(request)) || '{}') as Record<string, unknown>;
        const query = rawQueryFor(match[1] as string, params);
        if (!query) return answer(response, 404, { error: `unknown class ${match[1]}` });
        const { records } = await driver.executeQuery(query.cypher, query.params, {
          database,
          routing: neo4j.routing.READ,
        });
        answer(response, 200, { data: records[0]?.toObject() ?? null, cypherQueries: 1 });
      } catch (error) {
        answer(response, 500, { error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  return listen(server, options.port ?? 0, '');
}
