/**
 * The request classes the bench sends to the three targets, on the same data: the project's
 * GraphQL API, the @neo4j/graphql server (src/bench/compare/neo4j-graphql-server.ts) and the
 * raw Cypher handler (src/bench/compare/raw-handler.ts). `null` for a target means it has no
 * equivalent ("—" in the results).
 */
import { buildLuceneQuery } from '../../graphql/lucene.ts';
import type { CorpusDocument } from '../raw-loaders.ts';
import { RELATIONSHIP_TYPES } from '../model-v2.ts';
import { relationField } from './neo4j-graphql-server.ts';

export type Target = 'project' | 'neo4jGraphql' | 'raw';
export const TARGETS: readonly Target[] = ['project', 'neo4jGraphql', 'raw'];

/** Entities the requests ask about, chosen from the corpus documents (ids as written, never `-alt` ones nor publishers). */
export interface QueryTargets {
  popular: string;
  second: string;
  /** A group of middling popularity: the neighbourhood's centre and the path's end. */
  middle: string;
  /** A word of the popular entity's name, misspelled by one letter. */
  searchText: string;
}

export function chooseTargets(documents: Iterable<CorpusDocument>): QueryTargets {
  const mentions = new Map<string, { id: string; type: string; name: string; count: number }>();
  for (const document of documents) {
    // The publisher is named in each of its articles but is the subject of no claim.
    const publisherId = (document.json.article as { publisherId?: string }).publisherId;
    for (const entity of document.json.entities as Array<{ id: string; type: string; name: string }>) {
      if (entity.id.endsWith('-alt') || (entity.type !== 'State' && entity.type !== 'Group')) continue;
      if (entity.id === publisherId) continue;
      const known = mentions.get(entity.id) ?? { id: entity.id, type: entity.type, name: entity.name, count: 0 };
      known.count += 1;
      mentions.set(entity.id, known);
    }
  }
  const ranked = [...mentions.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)).slice(0, 200);
  const at = (index: number) =>
    ranked[Math.min(index, ranked.length - 1)] ?? { id: 'none', type: 'Group', name: 'none', count: 0 };
  const groups = ranked.filter((entity) => entity.type === 'Group');
  const middle = groups[Math.floor(groups.length / 2)] ?? at(Math.floor(ranked.length / 2));
  const word = at(0).name.split(' ')[0] ?? 'x';
  return {
    popular: at(0).id,
    second: at(1).id,
    middle: middle.id,
    searchText: `${word.slice(0, -2)}${word.slice(-1)}`,
  };
}

export interface HttpRequestSpec {
  /** Path on the target's server: `/graphql` or `/q/<class>`. */
  path: string;
  body: Record<string, unknown>;
}

/** A deep page: walk `pages` pages from the first, then load the next one. */
export interface PagedSpec {
  at(cursor: string | null): HttpRequestSpec;
  cursorOf(response: unknown): string | null;
}

export interface QueryClass {
  name: string;
  /** What differs between the targets' requests, for the results. */
  note?: string;
  requests: Partial<Record<Target, HttpRequestSpec>>;
  /** Set for deep-page classes: `requests` is then empty and each target pages from the start. */
  paged?: { pages: number; specs: Partial<Record<Target, PagedSpec>> };
}

const gql = (query: string, variables: Record<string, unknown> = {}): HttpRequestSpec => ({
  path: '/graphql',
  body: { query, variables },
});
const raw = (name: string, params: Record<string, unknown>): HttpRequestSpec => ({ path: `/q/${name}`, body: params });

const dig = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );

/** Best-supported first, as @neo4j/graphql sorts a connection by its edge properties. */
const EDGE_SORT = 'sort: [{ edge: { articleCount: DESC } }, { edge: { claimCount: DESC } }]';

/** One connection per vocabulary type (the library has one field per relationship type). */
function outgoingConnections(first: number, inner: string): string {
  return RELATIONSHIP_TYPES.map(
    (type) =>
      `${relationField(type, 'OUT')}Connection(first: ${first}, ${EDGE_SORT}) { edges { properties { articleCount } node { id name ${inner} } } }`,
  ).join('\n');
}

export const PAGE_SIZE = 20;

/** The stances the holder class asks for: accusations, the shape the issue's first question has. */
export const HOLDER_STANCES = ['alleges', 'suspects'] as const;

/** What each target answers for one claim: its ends, evidence, and whole attribution chain. */
const PROJECT_CLAIM = `id type subject { id name } object { id name }
  evidence { quote polarity affirmative validFrom credibility section article { id title } }
  attributions { order stance reportedBy holder { id name } }`;
const NEO4J_GRAPHQL_CLAIM = `id type quote polarity affirmative validFrom credibility section subject { id name } object { id name }
  article { id title } holdersConnection { edges { properties { order stance reportedBy } node { id name } } }`;
const CLAIM_ORDER = 'sort: [{ dateStart: ASC }, { dateEnd: ASC }, { articleId: ASC }, { ordinal: ASC }]';
export const DEEP_PAGES = 10;

export function queryClasses(t: QueryTargets): QueryClass[] {
  const lucene = buildLuceneQuery(t.searchText) ?? t.searchText;
  const dyadRelations = RELATIONSHIP_TYPES.flatMap((type) => [
    `${type} ${t.popular} ${t.second}`,
    `${type} ${t.second} ${t.popular}`,
  ]);

  const projectPage = (after: string | null) =>
    gql(
      `query ($after: String) { relations(filter: { types: [CRITICIZES] }, first: ${PAGE_SIZE}, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { type source { id name } target { id name } articleCount firstSeen lastSeen evidence { quote modality confidence article { id title } } } } } }`,
      { after },
    );
  const neo4jGraphqlPage = (after: string | null) =>
    gql(
      `query ($after: String) { claimsConnection(where: { type: { eq: "CRITICIZES" } }, sort: [{ relation: ASC }, { id: ASC }], first: ${PAGE_SIZE}, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { type quote modality confidence subject { id name } object { id name } article { id title } } } } }`,
      { after },
    );
  const rawPage = (after: string | null) =>
    raw('relationsPage', { type: 'CRITICIZES', first: PAGE_SIZE, after: after ?? '' });
  const paged = {
    project: {
      at: projectPage,
      cursorOf: (body: unknown) => dig(body, ['data', 'relations', 'pageInfo', 'endCursor']) as string | null,
    },
    neo4jGraphql: {
      at: neo4jGraphqlPage,
      cursorOf: (body: unknown) => dig(body, ['data', 'claimsConnection', 'pageInfo', 'endCursor']) as string | null,
    },
    raw: {
      at: rawPage,
      cursorOf: (body: unknown) => {
        const edges = dig(body, ['data', 'edges']) as Array<{ key: string }> | undefined;
        return edges?.at(-1)?.key ?? null;
      },
    },
  };
  const evidenceNote =
    '@neo4j/graphql: a page of CRITICIZES claims (its nearest equivalent), not of aggregated relations with their evidence';

  const classes: QueryClass[] = [
    {
      name: 'entity by id',
      requests: {
        project: gql(`query ($id: ID!) { entity(id: $id) { id type name aliases description wikidata } }`, {
          id: t.popular,
        }),
        neo4jGraphql: gql(
          `query ($id: ID!) { entities(where: { id: { eq: $id } }) { id type name aliases description wikidata } }`,
          { id: t.popular },
        ),
        raw: raw('entity', { id: t.popular }),
      },
    },
    {
      name: 'outgoing relations, 2 levels (50, then 10 each)',
      note: '@neo4j/graphql: one connection per relationship type at each level (14 + 14×14), merged by the client',
      requests: {
        project: gql(
          `query ($id: ID!) { entity(id: $id) { id name relations(direction: OUT, first: 50) { type articleCount target { id name
            relations(direction: OUT, first: 10) { type articleCount target { id name } } } } } }`,
          { id: t.popular },
        ),
        neo4jGraphql: gql(
          `query ($id: ID!) { entities(where: { id: { eq: $id } }) { id name ${outgoingConnections(50, outgoingConnections(10, ''))} } }`,
          {
            id: t.popular,
          },
        ),
        raw: raw('outgoingTwoLevels', { id: t.popular, first: 50, nestedFirst: 10 }),
      },
    },
    {
      name: `CRITICIZES page with evidence (first ${PAGE_SIZE})`,
      note: evidenceNote,
      requests: { project: projectPage(null), neo4jGraphql: neo4jGraphqlPage(null), raw: rawPage(null) },
    },
    {
      name: `CRITICIZES page with evidence (after ${DEEP_PAGES} pages)`,
      note: `${evidenceNote}; its cursor is an offset`,
      requests: {},
      paged: { pages: DEEP_PAGES, specs: paged },
    },
    {
      name: 'critics of an actor, includeStatements',
      requests: {
        project: gql(
          `query ($id: ID!) { relations(filter: { target: $id, types: [CRITICIZES], includeStatements: true }, first: 50) {
            edges { node { source { id name } via { id name } articleCount firstSeen lastSeen evidence { quote modality article { title } } } } } }`,
          { id: t.popular },
        ),
        raw: raw('criticsWithStatements', { id: t.popular, first: 50 }),
      },
    },
    {
      name: 'search (full-text)',
      note: '@neo4j/graphql and raw get the Lucene query the project builds from the text; the project also re-ranks',
      requests: {
        project: gql(`query ($text: String!) { search(query: $text, first: 10) { id name } }`, { text: t.searchText }),
        neo4jGraphql: gql(
          `query ($phrase: String!) { searchEntities(phrase: $phrase, first: 10, sort: [{ score: DESC }]) { edges { score node { id name } } } }`,
          {
            phrase: lucene,
          },
        ),
        raw: raw('search', { query: lucene, first: 10 }),
      },
    },
    {
      name: 'path (maxHops 4)',
      requests: {
        project: gql(
          `query ($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 4) { length nodes { id name } relations { type } } }`,
          {
            from: t.second,
            to: t.middle,
          },
        ),
        raw: raw('path', { from: t.second, to: t.middle }),
      },
    },
    {
      name: 'neighborhood (depth 2)',
      requests: {
        project: gql(
          `query ($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id name } relations { type source { id } target { id } articleCount } truncated } }`,
          {
            id: t.middle,
          },
        ),
        raw: raw('neighborhood', { id: t.middle }),
      },
    },
    {
      name: 'dyad of two popular actors',
      note: 'includeStatements: false for the project (the others cannot attribute statements); @neo4j/graphql: 28 filtered connections and a claims query',
      requests: {
        project: gql(
          `query ($a: ID!, $b: ID!) { dyad(a: $a, b: $b, includeStatements: false) { relations { type source { id } target { id } articleCount firstSeen lastSeen }
            timeline { date relation { type } evidence { quote modality article { id } } } articleCount firstSeen lastSeen } }`,
          { a: t.popular, b: t.second },
        ),
        neo4jGraphql: gql(
          `query ($a: ID!, $b: ID!, $relations: [String!]!) {
            entities(where: { id: { eq: $a } }) { id ${RELATIONSHIP_TYPES.flatMap((type) =>
              (['OUT', 'IN'] as const).map(
                (direction) =>
                  `${relationField(type, direction)}Connection(where: { node: { id: { eq: $b } } }) { edges { properties { articleCount claimCount firstSeen lastSeen } } }`,
              ),
            ).join('\n')} }
            claims(where: { relation: { in: $relations } }, sort: [{ effectiveDate: ASC }, { id: ASC }]) { effectiveDate type sourceId quote modality articleId } }`,
          { a: t.popular, b: t.second, relations: dyadRelations },
        ),
        raw: raw('dyad', { a: t.popular, b: t.second }),
      },
    },
    {
      name: `claims by holder and stance (alleges/suspects, first ${PAGE_SIZE})`,
      note: "@neo4j/graphql: the claims with a HELD_BY of that stance to the holder (the article's own voice is not an Entity there)",
      requests: {
        project: gql(
          `query ($holder: ID!) { claims(filter: { holder: $holder, stances: [${HOLDER_STANCES.map((stance) => stance.toUpperCase()).join(', ')}] }, first: ${PAGE_SIZE}) {
            totalCount edges { node { ${PROJECT_CLAIM} } } } }`,
          { holder: t.popular },
        ),
        neo4jGraphql: gql(
          `query ($holder: ID!, $stances: [String!]!) { claimsConnection(where: { holdersConnection: { some: { node: { id: { eq: $holder } }, edge: { stance: { in: $stances } } } } }, ${CLAIM_ORDER}, first: ${PAGE_SIZE}) {
            totalCount edges { node { ${NEO4J_GRAPHQL_CLAIM} } } } }`,
          { holder: t.popular, stances: HOLDER_STANCES },
        ),
        raw: raw('claimsByHolder', { holder: t.popular, stances: HOLDER_STANCES, first: PAGE_SIZE }),
      },
    },
    {
      name: `claims about an actor that make no relation (first ${PAGE_SIZE})`,
      note: 'denied, negated, conditional, hypothetical, hoped or feared: affirmative false',
      requests: {
        project: gql(
          `query ($object: ID!) { claims(filter: { object: $object, affirmative: false }, first: ${PAGE_SIZE}) {
            totalCount edges { node { ${PROJECT_CLAIM} } } } }`,
          { object: t.popular },
        ),
        neo4jGraphql: gql(
          `query ($object: String!) { claimsConnection(where: { targetId: { eq: $object }, affirmative: { eq: false } }, ${CLAIM_ORDER}, first: ${PAGE_SIZE}) {
            totalCount edges { node { ${NEO4J_GRAPHQL_CLAIM} } } } }`,
          { object: t.popular },
        ),
        raw: raw('claimsAboutNotAffirmative', { object: t.popular, first: PAGE_SIZE }),
      },
    },
    {
      name: 'ranking (most criticized, top 10)',
      requests: {
        project: gql(
          `{ ranking(type: CRITICIZES, role: TARGET, first: 10) { entity { id name } articleCount claimCount counterpartCount } }`,
        ),
        raw: raw('ranking', { type: 'CRITICIZES', first: 10 }),
      },
    },
  ];
  return classes;
}
