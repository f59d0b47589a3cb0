/**
 * Evidence model v2 through the API: claims by holder and stance, polarity, validity date,
 * place and event; collectives expanded on request; the attribution chain on evidence; and a
 * claim that is not affirmative never read as a relation. Documents: evidence-v2-documents.ts.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { ingestDocuments } from '../../../src/ingest/seed-run.ts';
import { openApi } from './harness.ts';
import {
  V1_ARTICLE_ID,
  V2_ARTICLE_ID,
  V2_LATER_ARTICLE_ID,
  v1Article,
  v2Article,
  v2LaterArticle,
} from './evidence-v2-documents.ts';

const api = await openApi({ graph: 'empty' });

beforeAll(async () => {
  const documents = [v2Article(), v2LaterArticle(), v1Article()];
  await ingestDocuments(
    documents.map((json, index) => ({ file: `document-${index}.json`, json })),
    api.db,
  );
}, 60_000);

const CLAIMS = `query ($filter: ClaimFilter, $first: Int, $after: String) {
  claims(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id type subject { id } object { id }
      attributions { order stance reportedBy holder { id } }
      evidence { quote polarity condition affirmative article { id } } } }
  }
}`;

interface ClaimNode {
  id: string;
  type: string;
  subject: { id: string };
  object: { id: string };
  attributions: Array<{ order: number; stance: string; reportedBy: number | null; holder: { id: string } | null }>;
  evidence: { quote: string; polarity: string; condition: string | null; affirmative: boolean };
}

async function claims(filter: Record<string, unknown>, first = 50): Promise<ClaimNode[]> {
  const data = await api.data(CLAIMS, { filter, first });
  return data.claims.edges.map((edge: { node: ClaimNode }) => edge.node);
}

/** `TYPE subject->object` of each claim, in the order returned. */
const described = (nodes: readonly ClaimNode[]) => nodes.map((n) => `${n.type} ${n.subject.id}->${n.object.id}`);

describe('claims by holder and stance', () => {
  test('what Pakistan alleges or suspects: the Taliban sheltering the TTP and the BLA, in Pakistan’s voice', async () => {
    const found = await claims({ holder: 'pakistan', stances: ['ALLEGES', 'SUSPECTS'], types: ['SHELTERS'] });
    expect(described(found).sort()).toEqual(['SHELTERS taliban->bla', 'SHELTERS taliban->ttp']);
  });

  test('with a holder, the stance is that holder’s: Pakistan alleges the BLA claim (and the v1 blame), not the TTP one it suspects', async () => {
    const found = await claims({ holder: 'pakistan', stances: ['ALLEGES'] });
    expect(described(found)).toEqual(['BLAMES pakistan->taliban', 'SHELTERS taliban->bla']);
  });

  test('what the author infers is another answer than what Pakistan alleges', async () => {
    const found = await claims({ holder: 'andrew-korybko', stances: ['INFERS'] });
    expect(described(found).sort()).toEqual(['OPPOSES china->pakistani-strikes', 'SHELTERS taliban->ttp']);
  });

  test('a denial is a claim held by the denier with stance DENIES, and it is not affirmative', async () => {
    const found = await claims({ holder: 'taliban', stances: ['DENIES'] });
    expect(described(found)).toEqual(['SUPPORTS taliban->ttp']);
    expect(found[0]!.evidence.affirmative).toBe(false);
    expect(found[0]!.attributions).toEqual([
      { order: 0, stance: 'DENIES', reportedBy: null, holder: { id: 'taliban' } },
    ]);
  });

  test('stances without a holder match any attribution’s stance', async () => {
    const found = await claims({ stances: ['DENIES'] });
    expect(described(found)).toEqual(['SUPPORTS taliban->ttp']);
  });
});

describe('claims by polarity, date, place and event', () => {
  test('polarity NEGATIVE finds the claim that China would not oppose Pakistan’s strikes, and nothing else', async () => {
    const found = await claims({ polarity: 'NEGATIVE' });
    expect(described(found)).toEqual(['OPPOSES china->pakistani-strikes']);
    expect(found[0]!.evidence.condition).toBe('if Pakistan resorts to military means');
  });

  test('asOf keeps a claim whose span meets the date and drops it after the relation ended', async () => {
    const during = await claims({ types: ['COOPERATES_WITH'], asOf: '2023' });
    const after = await claims({ types: ['COOPERATES_WITH'], asOf: '2024-10' });
    expect(described(during)).toEqual(['COOPERATES_WITH pakistan->taliban']);
    expect(after).toEqual([]);
  });

  test('place: claims about the place and about entities located or operating in it', async () => {
    const found = await claims({ place: 'balochistan' });
    expect(described(found).sort()).toEqual(['OPERATES_IN bla->balochistan', 'SHELTERS taliban->bla']);
  });

  test('event: claims whose subject or object is the event', async () => {
    const found = await claims({ event: 'pakistani-strikes', types: ['OPPOSES', 'PARTICIPATED_IN'] });
    expect(described(found).sort()).toEqual([
      'OPPOSES china->pakistani-strikes',
      'PARTICIPATED_IN pakistan->pakistani-strikes',
    ]);
  });

  test('claims come in evidence order and page with the cursor, with the total across pages', async () => {
    const all = await claims({ types: ['SHELTERS', 'CRITICIZES', 'BLAMES'] });
    const first = await api.data(CLAIMS, { filter: { types: ['SHELTERS', 'CRITICIZES', 'BLAMES'] }, first: 2 });
    const rest = await api.data(CLAIMS, {
      filter: { types: ['SHELTERS', 'CRITICIZES', 'BLAMES'] },
      first: 50,
      after: first.claims.pageInfo.endCursor,
    });
    const paged = [...first.claims.edges, ...rest.claims.edges].map((edge: { node: ClaimNode }) => edge.node.id);
    expect(paged).toEqual(all.map((node) => node.id));
    expect(first.claims.totalCount).toBe(all.length);
    expect(all[0]!.type).toBe('BLAMES'); // the v1 article is the oldest
  });
});

describe('collectives', () => {
  test('without expandCollectives a member does not match the collective’s claims; with it, it does', async () => {
    expect(await claims({ subject: 'china', types: ['CRITICIZES'] })).toEqual([]);
    const expanded = await claims({ subject: 'china', types: ['CRITICIZES'], expandCollectives: true });
    expect(described(expanded)).toEqual(['CRITICIZES the-four->taliban', 'CRITICIZES the-four->taliban']);
    const held = await claims({ holder: 'china', stances: ['IMPLIES'], expandCollectives: true });
    expect(described(held)).toEqual(['SHELTERS taliban->ttp']);
  });

  test('relations credit a collective’s relation to each member only with expandCollectives (via the collective)', async () => {
    const query = `query ($filter: RelationFilter) { relations(filter: $filter) { edges { node { id source { id } target { id } via { id } articleCount evidence { quote } } } } }`;
    const plain = await api.data(query, { filter: { source: 'china', types: ['CRITICIZES'] } });
    expect(plain.relations.edges).toEqual([]);
    const expanded = await api.data(query, {
      filter: { source: 'china', types: ['CRITICIZES'], expandCollectives: true },
    });
    expect(expanded.relations.edges.map((edge: any) => edge.node)).toMatchObject([
      { source: { id: 'china' }, target: { id: 'taliban' }, via: { id: 'the-four' }, articleCount: 2 },
    ]);
    const byId = await api.data(`query ($id: ID!) { relation(id: $id) { via { id } articleCount } }`, {
      id: expanded.relations.edges[0].node.id,
    });
    expect(byId.relation).toEqual({ via: { id: 'the-four' }, articleCount: 2 });
  });

  test('a relation id naming a collective the source is not a member of names nothing', async () => {
    const expanded = await api.data(
      `{ relations(filter: {source: "china", types: [CRITICIZES], expandCollectives: true}) { edges { node { id } } } }`,
    );
    const forged = Buffer.from(
      Buffer.from(expanded.relations.edges[0].node.id, 'base64url').toString('utf8').replace('china', 'taliban'),
    ).toString('base64url');
    const found = await api.data(`query ($id: ID!) { relation(id: $id) { id } }`, { id: forged });
    expect(found.relation).toBeNull();
  });

  test('ranking counts a collective’s criticism once per article without expansion, and once per member with it', async () => {
    const query = `query ($expand: Boolean) { ranking(type: CRITICIZES, role: SOURCE, expandCollectives: $expand) { entity { id } articleCount claimCount } }`;
    const plain = await api.data(query, { expand: false });
    expect(plain.ranking).toEqual([{ entity: { id: 'the-four' }, articleCount: 2, claimCount: 2 }]);
    const expanded = await api.data(query, { expand: true });
    expect(expanded.ranking).toEqual(
      ['china', 'iran', 'pakistan', 'russia', 'the-four'].map((id) => ({
        entity: { id },
        articleCount: 2,
        claimCount: 2,
      })),
    );
  });
});

describe('evidence', () => {
  test('evidence shows the whole attribution chain, in order, with who reports whom', async () => {
    const [claim] = await claims({ holder: 'the-four', stances: ['IMPLIES'] });
    expect(claim!.attributions).toEqual([
      { order: 0, stance: 'INFERS', reportedBy: null, holder: { id: 'andrew-korybko' } },
      { order: 1, stance: 'IMPLIES', reportedBy: 0, holder: { id: 'the-four' } },
      { order: 2, stance: 'SUSPECTS', reportedBy: 0, holder: { id: 'pakistan' } },
    ]);
  });

  test('a claim in the article’s own voice has one attribution without a holder', async () => {
    const [claim] = await claims({ article: V2_LATER_ARTICLE_ID });
    expect(claim!.attributions).toEqual([{ order: 0, stance: 'ASSERTS', reportedBy: null, holder: null }]);
  });

  test('each quote has offsets into the article text, and the claim its v2 fields', async () => {
    const data = await api.data(
      `query ($id: ID!) { article(id: $id) {
      text copyright sourceReliability publishedBy { id ... on Group { sourceReliability } }
      claims { id evidence { quote quoteStart quoteEnd section credibility sourceReliability validFrom validTo ended hypothetical } }
    } }`,
      { id: V2_ARTICLE_ID },
    );
    const { text, claims: articleClaims } = data.article;
    expect(data.article.publishedBy).toEqual({ id: 'global-research', sourceReliability: 'C' });
    expect(data.article.sourceReliability).toBe('C'); // the publisher's, the article giving none
    for (const { evidence } of articleClaims.filter((c: any) => c.evidence.quote !== null)) {
      expect(text.slice(evidence.quoteStart, evidence.quoteEnd)).toBe(evidence.quote);
      expect(evidence.sourceReliability).toBe('C');
    }
    const honeymoon = articleClaims.find((c: any) => c.evidence.quote?.includes('honeymoon'));
    expect(honeymoon.evidence).toMatchObject({ validFrom: '2021-08', validTo: '2024-09', ended: true });
    const headline = articleClaims.find((c: any) => c.evidence.section === 'HEADLINE');
    expect(headline.evidence.quote).toBe('the four criticized the Taliban');
  });
});

describe('a claim that is not affirmative', () => {
  test('appears among the article’s claims and in claims, but not among the article’s relations', async () => {
    const data = await api.data(
      `query ($id: ID!) { article(id: $id) {
      claims { type subject { id } object { id } evidence { affirmative } }
      relations { type source { id } target { id } }
    } }`,
      { id: V2_ARTICLE_ID },
    );
    expect(data.article.claims).toContainEqual({
      type: 'OPPOSES',
      subject: { id: 'china' },
      object: { id: 'pakistani-strikes' },
      evidence: { affirmative: false },
    });
    expect(data.article.relations.map((r: any) => r.type)).not.toContain('OPPOSES');
    expect(data.article.relations.map((r: any) => `${r.type} ${r.source.id}`)).not.toContain('SUPPORTS taliban');
  });

  test('is never a relation, a neighbour, a path, a ranking entry or part of a dyad', async () => {
    const data = await api.data(`{
      relations(filter: {source: "china", types: [OPPOSES]}) { totalCount }
      neighborhood(id: "china", types: [OPPOSES, SUPPORTS]) { nodes { id } relations { id } }
      path(from: "china", to: "pakistani-strikes", types: [OPPOSES]) { length }
      ranking(type: OPPOSES) { entity { id } }
      supports: ranking(type: SUPPORTS) { entity { id } }
      dyad(a: "china", b: "pakistani-strikes") { relations { id } timeline { date } articleCount }
      timeline(id: "pakistani-strikes", types: [OPPOSES]) { date }
    }`);
    expect(data).toEqual({
      relations: { totalCount: 0 },
      neighborhood: { nodes: [{ id: 'china' }], relations: [] },
      path: null,
      ranking: [],
      supports: [],
      dyad: { relations: [], timeline: [], articleCount: 0 },
      timeline: [],
    });
  });
});

describe('relations, dyad and timeline as of a date', () => {
  test('a relation that ended is not returned as of a date after its end', async () => {
    const query = `query ($asOf: String) {
      relations(filter: {source: "pakistan", target: "taliban", types: [COOPERATES_WITH], asOf: $asOf}) { totalCount }
      dyad(a: "pakistan", b: "taliban", types: [COOPERATES_WITH], asOf: $asOf) { articleCount }
      timeline(id: "pakistan", types: [COOPERATES_WITH], asOf: $asOf) { date }
    }`;
    expect(await api.data(query, { asOf: '2023-06' })).toEqual({
      relations: { totalCount: 1 },
      dyad: { articleCount: 1 },
      timeline: [{ date: '2024-10-03' }],
    });
    expect(await api.data(query, { asOf: '2024-10' })).toEqual({
      relations: { totalCount: 0 },
      dyad: { articleCount: 0 },
      timeline: [],
    });
  });

  test('an asOf that is not a date is refused, naming the field', async () => {
    const { body } = await api.gql(`{ claims(filter: {asOf: "June"}) { totalCount } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.asOf' });
  });
});

describe('v2 entity types', () => {
  test('places, events, collectives and meetings answer with their own fields and links, in one query per link', async () => {
    const { body } = await api.gql(`{
      balochistan: entity(id: "balochistan") { type unnamed ... on Place { placeType latitude longitude } }
      strikes: entity(id: "pakistani-strikes") { ... on Event { kind hypothetical place { name } participants { id } } }
      four: entity(id: "the-four") { ... on Collective { members { id } } }
      meeting: entity(id: "moscow-format-meeting") { ... on Meeting { place { id } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      balochistan: { type: 'PLACE', unnamed: false, placeType: 'province', latitude: 28.5, longitude: 65.1 },
      strikes: {
        kind: 'military-action',
        hypothetical: true,
        place: { name: 'Afghanistan' },
        participants: [{ id: 'pakistan' }],
      },
      four: { members: ['china', 'iran', 'pakistan', 'russia'].map((id) => ({ id })) },
      meeting: { place: { id: 'moscow' } },
    });
    // The four entities, then the place of both (one batch), the participants, the members.
    expect(body.extensions?.cypherQueries).toBeLessThanOrEqual(4);
  });
});

describe('a v1 article', () => {
  test('answers as before: its alleged claim is a relation with modality ALLEGED, attributed to Pakistan', async () => {
    const data = await api.data(`{
      relations(filter: {source: "pakistan", types: [BLAMES]}) { edges { node { evidence { modality attributedTo { id } polarity attributions { stance } } } } }
    }`);
    expect(data.relations.edges).toEqual([
      {
        node: {
          evidence: [
            {
              modality: 'ALLEGED',
              attributedTo: { id: 'pakistan' },
              polarity: 'POSITIVE',
              attributions: [{ stance: 'ALLEGES' }],
            },
          ],
        },
      },
    ]);
    const [claim] = await claims({ article: V1_ARTICLE_ID });
    expect(claim!.evidence.affirmative).toBe(true);
    expect(claim!.attributions).toEqual([
      { order: 0, stance: 'ALLEGES', reportedBy: null, holder: { id: 'pakistan' } },
    ]);
  });
});
