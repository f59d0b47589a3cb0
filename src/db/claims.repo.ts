/**
 * Claims one by one, affirmative or not: `Query.claims` and `Article.claims`. Each function is
 * one round trip. A page starts from the most selective anchor the filter gives (the article's
 * claims, the holder's HELD_BY relationships, the subject's or object's claims, the event's or
 * place's, the HELD_BY stance index) and checks every other condition on the claims it reaches;
 * without an anchor it walks the claims in evidence order from the cursor on, and stops at the
 * page size.
 */
import { z } from 'zod';
import { EVIDENCE_ORDER, canonicalId, evidenceParams, evidenceWhere, evidenceWithArticle } from './claims.cypher.ts';
import { CLAIM, CLAIMS, ENTITY, OBJECT, SUBJECT, ARTICLE, entityTypeLabel, relationshipType } from './labels.cypher.ts';
import { parseRow, parseRows } from './parse-rows.ts';
import { HELD_BY, claimProperty, entityProjection, evidenceProjection } from './projections.cypher.ts';
import { integer, type QueryRunner } from './query-runner.ts';
import { ClaimRowSchema, type ClaimRow, type ClaimSelection } from './rows.ts';

/** Where a claim stands in evidence order: what a cursor holds. */
export interface ClaimPosition {
  dateStart: string;
  dateEnd: string;
  articleId: string;
  ordinal: number;
}

export interface ClaimsPage {
  /** Null unless asked for. */
  totalCount: number | null;
  rows: ClaimRow[];
  hasNextPage: boolean;
}

const PageRecord = z.object({ totalCount: z.number().nullable(), claims: z.array(ClaimRowSchema) });
const ArticleClaimsRecord = z.object({ articleId: z.string(), claims: z.array(ClaimRowSchema) });

const MEMBER_OF = relationshipType('MEMBER_OF');
const COLLECTIVE = entityTypeLabel('Collective');
const PLACE_LINKS = `${relationshipType('LOCATED_IN')}|${relationshipType('OPERATES_IN')}`;

/** The variables every part of a page query can use. */
const SCOPE = 'subjectIds, objectIds, holderIds, placeIds, eventId';

/**
 * A claim row (src/db/rows.ts) for claim `c`, its entities projected (and its article, unless
 * the caller holds it already).
 */
const claimRow = (c: string, withArticle = true): string =>
  `{type: ${c}.type, sourceId: ${c}.sourceId, targetId: ${c}.targetId,
    sourceEntity: COLLECT { MATCH (${c})-[:${SUBJECT}]->(x:${ENTITY}) RETURN ${entityProjection('x')} }[0],
    targetEntity: COLLECT { MATCH (${c})-[:${OBJECT}]->(x:${ENTITY}) RETURN ${entityProjection('x')} }[0],
    evidence: ${withArticle ? evidenceWithArticle(c) : evidenceProjection(c)}}`;

/**
 * `variable`: the ids an entity condition matches: the entity's (canonical) id and, with
 * collectives expanded, the id of every Collective it is a member of.
 */
function matchedIds(id: string, variable: string, expandCollectives: boolean): string {
  const members = expandCollectives
    ? ` + COLLECT { MATCH (:${ENTITY} {id: ${id}})-[:${MEMBER_OF}]->(col:${ENTITY}) WHERE col:${COLLECTIVE} RETURN col.id }`
    : '';
  return `WITH *, CASE WHEN ${id} IS NULL THEN null ELSE [${id}]${members} END AS ${variable}`;
}

/** The ids a place condition matches: the place and every entity LOCATED_IN or OPERATES_IN it. */
const placeIds = `WITH *, CASE WHEN placeId IS NULL THEN null ELSE [placeId] + COLLECT {
    MATCH (x:${ENTITY})-[:${PLACE_LINKS}]->(:${ENTITY} {id: placeId}) RETURN DISTINCT x.id
  } END AS placeIds`;

const holderStance = (selection: ClaimSelection) => (selection.stances ? ' AND h.stance IN $stances' : '');

/** The anchor: a MATCH reaching the candidate claims `c` from the most selective condition given. */
function anchor(selection: ClaimSelection): { match: string; ordered: boolean } {
  if (selection.article !== null) return { match: `MATCH (c:${CLAIM} {articleId: $article})`, ordered: false };
  if (selection.holder !== null) {
    return {
      match: `UNWIND holderIds AS anchorId
        MATCH (:${ENTITY} {id: anchorId})<-[h:${HELD_BY}]-(c:${CLAIM}) WHERE true${holderStance(selection)}`,
      ordered: false,
    };
  }
  for (const [condition, ids, link] of [
    [selection.subject, 'subjectIds', SUBJECT],
    [selection.object, 'objectIds', OBJECT],
    [selection.event, '[eventId]', `${SUBJECT}|${OBJECT}`],
    [selection.place, 'placeIds', `${SUBJECT}|${OBJECT}`],
  ] as const) {
    if (condition !== null) {
      return {
        match: `UNWIND ${ids} AS anchorId MATCH (:${ENTITY} {id: anchorId})<-[:${link}]-(c:${CLAIM})`,
        ordered: false,
      };
    }
  }
  if (selection.stances !== null) {
    return { match: `MATCH (c:${CLAIM})-[h:${HELD_BY}]->() WHERE h.stance IN $stances`, ordered: false };
  }
  // No anchor: the claims in evidence order, through the index on dateStart, from the cursor on.
  return { match: `MATCH (c:${CLAIM}) WHERE c.dateStart >= $afterDateStart`, ordered: true };
}

/** Every condition of the selection on claim `c` (the anchor's too: checking it again costs little). */
function conditions(selection: ClaimSelection): string {
  const parts = [evidenceWhere(selection.filter)];
  if (selection.types !== null) parts.push('c.type IN $types');
  if (selection.subject !== null) parts.push(`EXISTS { (c)-[:${SUBJECT}]->(x:${ENTITY}) WHERE x.id IN subjectIds }`);
  if (selection.object !== null) parts.push(`EXISTS { (c)-[:${OBJECT}]->(x:${ENTITY}) WHERE x.id IN objectIds }`);
  if (selection.holder !== null) {
    parts.push(`EXISTS { (c)-[h:${HELD_BY}]->(x:${ENTITY}) WHERE x.id IN holderIds${holderStance(selection)} }`);
  } else if (selection.stances !== null) {
    parts.push(`EXISTS { (c)-[h:${HELD_BY}]->() WHERE h.stance IN $stances }`);
  }
  if (selection.event !== null) parts.push(`EXISTS { (c)-[:${SUBJECT}|${OBJECT}]->(:${ENTITY} {id: eventId}) }`);
  if (selection.place !== null) {
    parts.push(`EXISTS { (c)-[:${SUBJECT}|${OBJECT}]->(x:${ENTITY}) WHERE x.id IN placeIds }`);
  }
  if (selection.polarity !== null) parts.push(`${claimProperty('c', 'polarity')} = $polarity`);
  if (selection.affirmative !== null) parts.push(`${claimProperty('c', 'affirmative')} = $affirmative`);
  if (selection.section !== null) parts.push(`${claimProperty('c', 'section')} = $section`);
  if (selection.article !== null) parts.push('c.articleId = $article');
  if (selection.reliabilities !== null) parts.push('c.sourceReliability IN $reliabilities');
  if (selection.maxCredibility !== null) parts.push('c.credibility <= $maxCredibility');
  return parts.join(' AND ');
}

const AFTER = `(c.dateStart > $afterDateStart OR (c.dateStart = $afterDateStart AND (c.dateEnd > $afterDateEnd OR
  (c.dateEnd = $afterDateEnd AND (c.articleId > $afterArticle OR (c.articleId = $afterArticle AND c.ordinal > $afterOrdinal))))))`;

/** One page of the claims that pass `selection`, in evidence order, after `after`. */
export async function findClaimsPage(
  runner: QueryRunner,
  selection: ClaimSelection,
  first: number,
  after: ClaimPosition | null,
  options: { withTotalCount: boolean },
): Promise<ClaimsPage> {
  const { match, ordered } = anchor(selection);
  const where = conditions(selection);
  const candidates = `CALL (${SCOPE}) {
        ${match}
        RETURN DISTINCT c
      }
      WITH c WHERE ${where}`;
  const page = ordered
    ? // The index gives dateStart's order; the rest of the key is sorted within each date only.
      `${match} AND ${where} AND ${after ? AFTER : 'true'}
      WITH c ORDER BY c.dateStart, c.dateEnd, c.articleId, c.ordinal LIMIT $limit`
    : `${candidates} AND ${after ? AFTER : 'true'}
      WITH c ORDER BY ${EVIDENCE_ORDER('c')} LIMIT $limit`;
  const totalCount = !options.withTotalCount
    ? 'null'
    : ordered
      ? `COUNT { MATCH (c:${CLAIM}) WHERE ${where} }`
      : `COUNT { ${candidates} RETURN c }`;
  const cypher = `
    ${canonicalId('subject', 'subjectId')}
    ${canonicalId('object', 'objectId')}
    ${canonicalId('holder', 'holderId')}
    ${canonicalId('place', 'placeId')}
    ${canonicalId('event', 'eventId')}
    ${matchedIds('subjectId', 'subjectIds', selection.expandCollectives)}
    ${matchedIds('objectId', 'objectIds', selection.expandCollectives)}
    ${matchedIds('holderId', 'holderIds', selection.expandCollectives)}
    ${placeIds}
    WITH ${SCOPE}, ${totalCount} AS totalCount
    CALL (${SCOPE}) {
      ${page}
      RETURN collect(${claimRow('c')}) AS claims
    }
    RETURN totalCount, claims`;
  const [record] = await runner.read(cypher, {
    ...evidenceParams(selection.filter),
    subject: selection.subject,
    object: selection.object,
    holder: selection.holder,
    place: selection.place,
    event: selection.event,
    article: selection.article,
    types: selection.types,
    stances: selection.stances,
    polarity: selection.polarity,
    affirmative: selection.affirmative,
    section: selection.section,
    reliabilities: selection.reliabilities,
    maxCredibility: selection.maxCredibility === null ? null : integer(selection.maxCredibility),
    limit: integer(first + 1),
    afterDateStart: after?.dateStart ?? '',
    afterDateEnd: after?.dateEnd ?? null,
    afterArticle: after?.articleId ?? null,
    afterOrdinal: after ? integer(after.ordinal) : null,
  });
  const row = parseRow(PageRecord, record, 'claims page');
  return {
    totalCount: options.withTotalCount ? (row.totalCount ?? 0) : null,
    rows: row.claims.slice(0, first),
    hasNextPage: row.claims.length > first,
  };
}

/** For each article id, every claim it makes, affirmative or not, in the article's order. */
export async function findClaimsOfArticles(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<Map<string, ClaimRow[]>> {
  const records = await runner.read(
    `UNWIND $ids AS articleId
     CALL (articleId) {
       MATCH (:${ARTICLE} {id: articleId})-[:${CLAIMS}]->(c:${CLAIM})
       WITH c ORDER BY c.ordinal
       RETURN collect(${claimRow('c', false)}) AS claims
     }
     RETURN articleId, claims`,
    { ...evidenceParams({}), ids },
  );
  return new Map(
    parseRows(ArticleClaimsRecord, records, 'claims of articles').map((row) => [row.articleId, row.claims]),
  );
}
