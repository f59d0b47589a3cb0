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
import { evidenceOrder } from './write-rows.ts';
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
const SCOPE = 'subjectIds, objectIds, holderIds, placeIds, eventId, walkFrom';

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

/**
 * Reading an entity anchor's claims costs about 12 db hits per claim (all are ordered to find
 * a page); walking every claim in evidence order costs about 5 per claim passed over, and
 * passes over (all claims / the anchor's) per row of the page. So the walk wins when
 * degree² > WALK_FACTOR × all claims (at 36,868 claims: an entity with more than ~860 claims
 * as the subject). The anchor's degree is a relationship count (O(1) on dense nodes).
 */
const WALK_FACTOR = 20;

const ENTITY_ANCHORS = {
  subject: ['subjectIds', SUBJECT],
  object: ['objectIds', OBJECT],
  holder: ['holderIds', HELD_BY],
} as const;
type EntityAnchor = keyof typeof ENTITY_ANCHORS;

const isEntityAnchor = (anchor: Anchor | null): anchor is EntityAnchor => anchor !== null && anchor in ENTITY_ANCHORS;

/** How many claims the anchor entities have, from their relationship counts. */
function anchorDegree(anchor: EntityAnchor): string {
  const [ids, link] = ENTITY_ANCHORS[anchor];
  return `reduce(total = 0, n IN COLLECT { UNWIND ${ids} AS i MATCH (x:${ENTITY} {id: i}) RETURN COUNT { (x)<-[:${link}]-() } } | total + n)`;
}

/**
 * Where a page walks the claims in evidence order from (the cursor's date): always without an
 * anchor, for an entity anchor with many claims, never otherwise (null). A null bound makes
 * the walk's index seek find nothing, so the branch not taken costs nothing.
 */
function walkFrom(anchor: Anchor | null, selection: ClaimSelection): string {
  if (anchor === null) return '$afterDateStart';
  // Another condition could make the walk pass over most claims for each one it keeps.
  const anchorIsTheOnlyCondition = conditions(selection, anchor) === 'true' && selection.stances === null;
  if (!isEntityAnchor(anchor) || !anchorIsTheOnlyCondition) return 'null';
  const degree = anchorDegree(anchor);
  return `CASE WHEN ${degree} * ${degree} > $walkFactor * COUNT { (:${CLAIM}) } THEN $afterDateStart END`;
}

type Anchor = 'article' | 'holder' | 'subject' | 'object' | 'event' | 'place' | 'stances';

/** The most selective condition given: the one a page starts from. */
function anchorOf(selection: ClaimSelection): Anchor | null {
  const order: readonly Anchor[] = ['article', 'holder', 'subject', 'object', 'event', 'place', 'stances'];
  return order.find((anchor) => selection[anchor] !== null) ?? null;
}

/** A MATCH reaching the candidate claims `c` from the anchor; without one, every claim from the cursor's date on. */
function anchorMatch(anchor: Anchor | null, selection: ClaimSelection, gated = true): string {
  // A page reads from the anchor only when it does not walk the claims instead (walkFrom is null).
  const gate = (ids: string) => (gated ? `CASE WHEN walkFrom IS NULL THEN ${ids} ELSE [] END` : ids);
  const from = (ids: string, link: string) =>
    `UNWIND ${gate(ids)} AS anchorId MATCH (:${ENTITY} {id: anchorId})<-[:${link}]-(c:${CLAIM})`;
  switch (anchor) {
    case 'article':
      return `MATCH (c:${CLAIM} {articleId: $article})`;
    case 'holder':
      return `UNWIND ${gate('holderIds')} AS anchorId
        MATCH (:${ENTITY} {id: anchorId})<-[h:${HELD_BY}]-(c:${CLAIM}) WHERE true${holderStance(selection)}`;
    case 'subject':
      return from('subjectIds', SUBJECT);
    case 'object':
      return from('objectIds', OBJECT);
    case 'event':
      return from('[eventId]', `${SUBJECT}|${OBJECT}`);
    case 'place':
      return from('placeIds', `${SUBJECT}|${OBJECT}`);
    case 'stances':
      return `MATCH (c:${CLAIM})-[h:${HELD_BY}]->() WHERE h.stance IN $stances`;
    case null:
      // Walked through the index on dateStart, in its order.
      return `MATCH (c:${CLAIM}) WHERE c.dateStart >= walkFrom`;
  }
}

/** Every condition of the selection on claim `c` but the anchor's, which reaching `c` already met. */
function conditions(selection: ClaimSelection, anchor: Anchor | null): string {
  const parts = [evidenceWhere(selection.filter)];
  const unless = (condition: Anchor, text: string) => {
    if (selection[condition] !== null && anchor !== condition) parts.push(text);
  };
  if (selection.types !== null) parts.push('c.type IN $types');
  unless('subject', `EXISTS { (c)-[:${SUBJECT}]->(x:${ENTITY}) WHERE x.id IN subjectIds }`);
  unless('object', `EXISTS { (c)-[:${OBJECT}]->(x:${ENTITY}) WHERE x.id IN objectIds }`);
  unless('holder', `EXISTS { (c)-[h:${HELD_BY}]->(x:${ENTITY}) WHERE x.id IN holderIds${holderStance(selection)} }`);
  if (selection.holder === null) unless('stances', `EXISTS { (c)-[h:${HELD_BY}]->() WHERE h.stance IN $stances }`);
  unless('event', `EXISTS { (c)-[:${SUBJECT}|${OBJECT}]->(:${ENTITY} {id: eventId}) }`);
  unless('place', `EXISTS { (c)-[:${SUBJECT}|${OBJECT}]->(x:${ENTITY}) WHERE x.id IN placeIds }`);
  unless('article', 'c.articleId = $article');
  if (selection.polarity !== null) parts.push(`${claimProperty('c', 'polarity')} = $polarity`);
  if (selection.affirmative !== null) parts.push(`${claimProperty('c', 'affirmative')} = $affirmative`);
  if (selection.section !== null) parts.push(`${claimProperty('c', 'section')} = $section`);
  if (selection.reliabilities !== null) parts.push('c.sourceReliability IN $reliabilities');
  if (selection.maxCredibility !== null) parts.push('c.credibility <= $maxCredibility');
  return parts.join(' AND ');
}

/**
 * After the cursor: one comparison of the claim's evidence-order key (fixed-width dates, then
 * the article id, then the zero-padded ordinal: `evidenceOrder` of src/db/write-rows.ts), not
 * an OR of the key's parts, so the planner keeps walking the dateStart index in order.
 */
const AFTER = `c.dateStart + ' ' + c.dateEnd + ' ' + c.articleId + ' ' + right('00000' + toString(c.ordinal), 6) > $afterKey`;

/** One page of the claims that pass `selection`, in evidence order, after `after`. */
export async function findClaimsPage(
  runner: QueryRunner,
  selection: ClaimSelection,
  first: number,
  after: ClaimPosition | null,
  options: { withTotalCount: boolean },
): Promise<ClaimsPage> {
  const anchor = anchorOf(selection);
  const match = anchorMatch(anchor, selection);
  const ordered = anchor === null;
  const where = conditions(selection, anchor);
  // The index gives dateStart's order; the rest of the key is sorted within each date only.
  const walk = (walkWhere: string) => `${anchorMatch(null, selection)} AND ${walkWhere} AND ${after ? AFTER : 'true'}
      WITH c ORDER BY c.dateStart, c.dateEnd, c.articleId, c.ordinal LIMIT $limit`;
  const candidates = `CALL (${SCOPE}) {
        ${match}
        RETURN DISTINCT c
      }
      WITH c WHERE ${where}`;
  const page = ordered
    ? `${walk(where)}`
    : isEntityAnchor(anchor)
      ? // An entity with many claims: walking every claim in order finds a page sooner than sorting all of its own.
        `CALL (${SCOPE}) {
          ${match}
          RETURN DISTINCT c
          UNION
          ${walk(conditions(selection, null))}
          RETURN c
        }
        WITH c WHERE ${where} AND ${after ? AFTER : 'true'}
        WITH c ORDER BY ${EVIDENCE_ORDER('c')} LIMIT $limit`
      : `${candidates} AND ${after ? AFTER : 'true'}
      WITH c ORDER BY ${EVIDENCE_ORDER('c')} LIMIT $limit`;
  const totalCount = !options.withTotalCount
    ? 'null'
    : ordered
      ? `COUNT { MATCH (c:${CLAIM}) WHERE ${where} }`
      : `COUNT { CALL (${SCOPE}) { ${anchorMatch(anchor, selection, false)} RETURN DISTINCT c } WITH c WHERE ${where} RETURN c }`;
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
    WITH *, ${walkFrom(anchor, selection)} AS walkFrom
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
    walkFactor: integer(WALK_FACTOR),
    afterDateStart: after?.dateStart ?? '',
    afterKey: after ? evidenceOrder(after, after.articleId, after.ordinal) : null,
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
