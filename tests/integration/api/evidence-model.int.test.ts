/**
 * Issue 11's questions, asked of the seed article (format v2) through the API as an analyst
 * would: who holds a claim and how, negated and conditional claims, collectives, denials and
 * grounding. The seed is loaded through the real ingest pipeline (ingestArticle).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { API_TOKEN, openApi } from './harness.ts';

const SEED_FILE = 'seed/2024-10-03-korybko-quadrilateral-statement.json';
const seed = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as {
  formatVersion: number;
  article: { id: string };
  relations: Array<{ quote?: string }>;
};
const THE_FOUR = 'china-iran-pakistan-russia';
const AUTHOR = 'andrew-korybko';
const TTP = 'tehrik-i-taliban-pakistan';
const BLA = 'balochistan-liberation-army';

interface AttributionNode {
  order: number;
  stance: string;
  reportedBy: number | null;
  holder: { id: string } | null;
}
interface ClaimNode {
  id: string;
  type: string;
  subject: { id: string };
  object: { id: string };
  attributions: AttributionNode[];
  evidence: { polarity: string; condition: string | null; hypothetical: boolean };
}

const CLAIM_FIELDS = `id type subject { id } object { id }
  attributions { order stance reportedBy holder { id } } evidence { polarity condition hypothetical }`;

const api = await openApi({ graph: 'empty' });

async function claims(filter: string): Promise<ClaimNode[]> {
  const data = await api.data(`{ claims(filter: { ${filter} }, first: 50) { edges { node { ${CLAIM_FIELDS} } } } }`);
  return (data.claims.edges as Array<{ node: ClaimNode }>).map(({ node }) => node);
}

const said = (claim: ClaimNode) => `${claim.type} ${claim.subject.id} -> ${claim.object.id}`;
const holderOf = (claim: ClaimNode, id: string) => claim.attributions.find((a) => a.holder?.id === id);

beforeAll(async () => {
  expect(seed.formatVersion).toBe(2);
  const { body } = await api.gql(
    `mutation($document: JSON!) { ingestArticle(document: $document) { outcome } }`,
    { document: seed },
    { token: API_TOKEN },
  );
  expect(body.errors).toBeUndefined();
  expect(body.data.ingestArticle.outcome).toBe('created');
});

describe('who holds a claim, and how', () => {
  test("what Pakistan alleges or suspects: the Taliban shelter the TTP and the BLA, in Pakistan's voice", async () => {
    const pakistans = await claims(`holder: "pakistan", stances: [ALLEGES, SUSPECTS]`);
    expect(pakistans.map(said)).toEqual(
      expect.arrayContaining([`SHELTERS taliban -> ${TTP}`, `SHELTERS taliban -> ${BLA}`]),
    );
    for (const claim of pakistans) {
      expect(['ALLEGES', 'SUSPECTS']).toContain(holderOf(claim, 'pakistan')?.stance);
    }
  });

  test('what the author infers the four believe is another answer, reported by the author', async () => {
    const inferred = await claims(`holder: "${AUTHOR}", stances: [INFERS]`);
    const theFoursBelief = inferred.filter((claim) => {
      const author = holderOf(claim, AUTHOR);
      const four = holderOf(claim, THE_FOUR);
      return author !== undefined && four !== undefined && four.reportedBy === author.order;
    });
    expect(theFoursBelief.map(said)).toEqual(
      expect.arrayContaining([`SHELTERS taliban -> ${TTP}`, `SHELTERS taliban -> ${BLA}`]),
    );
    const pakistans = new Set((await claims(`holder: "pakistan", stances: [ALLEGES, SUSPECTS]`)).map(said));
    expect(theFoursBelief.map(said).filter((claim) => !pakistans.has(claim))).not.toEqual([]);
  });

  test('the sheltering claim shows its whole chain: the author infers, the four imply and Pakistan suspects', async () => {
    const [shelters] = (await claims(`subject: "taliban", object: "${TTP}", types: [SHELTERS]`)).filter(
      (claim) => claim.attributions.length > 1,
    );
    expect(shelters?.attributions).toEqual([
      { order: 0, stance: 'INFERS', reportedBy: null, holder: { id: AUTHOR } },
      { order: 1, stance: 'IMPLIES', reportedBy: 0, holder: { id: THE_FOUR } },
      { order: 2, stance: 'SUSPECTS', reportedBy: 0, holder: { id: 'pakistan' } },
    ]);
  });

  test("the Taliban's denial is a claim the Taliban hold with stance denies", async () => {
    const denied = await claims(`holder: "taliban", stances: [DENIES]`);
    expect(denied.map(said)).toContain('OPERATES_IN international-terrorist-groups-in-afghanistan -> afghanistan');
    expect(denied.every((claim) => holderOf(claim, 'taliban')?.stance === 'DENIES')).toBe(true);
  });
});

describe('"wouldn\'t politically oppose" is not "opposes"', () => {
  test('no relation reads China, Iran or Russia opposing Pakistan, even with collectives expanded', async () => {
    const data = await api.data(`{
      direct: relations(filter: { types: [OPPOSES], target: "pakistan" }) { edges { node { source { id } } } }
      expanded: relations(filter: { types: [OPPOSES], target: "pakistan", expandCollectives: true, includeStatements: true }) {
        edges { node { source { id } } }
      }
      fromChina: relations(filter: { source: "china", types: [OPPOSES], expandCollectives: true }) { edges { node { target { id } } } }
    }`);
    const sources = [...data.direct.edges, ...data.expanded.edges].map(
      (edge: { node: { source: { id: string } } }) => edge.node.source.id,
    );
    for (const state of ['china', 'iran', 'russia', 'china-iran-russia']) expect(sources).not.toContain(state);
    expect(data.fromChina.edges).toEqual([]);
  });

  test('neither the dyad, the neighbourhood, a path nor a ranking reads it', async () => {
    const data = await api.data(`{
      dyad(a: "china", b: "pakistan", types: [OPPOSES]) { relations { type } }
      neighborhood(id: "china-iran-russia", depth: 1, types: [OPPOSES]) { relations { type } }
      path(from: "china-iran-russia", to: "pakistani-military-action-against-taliban-backed-terrorists", types: [OPPOSES]) { length }
      ranking(type: OPPOSES, role: SOURCE, expandCollectives: true) { entity { id } }
    }`);
    expect(data.dyad.relations).toEqual([]);
    expect(data.neighborhood.relations).toEqual([]);
    expect(data.path).toBeNull();
    const ranked = data.ranking.map((entry: { entity: { id: string } }) => entry.entity.id);
    for (const state of ['china', 'iran', 'russia', 'china-iran-russia']) expect(ranked).not.toContain(state);
  });

  test('the claim itself is there for whoever asks for negated claims: conditional, about a hypothetical event', async () => {
    const negated = await claims(`polarity: NEGATIVE, types: [OPPOSES]`);
    expect(negated.map(said)).toEqual([
      'OPPOSES china-iran-russia -> pakistani-military-action-against-taliban-backed-terrorists',
    ]);
    expect(negated[0]?.evidence).toMatchObject({ polarity: 'NEGATIVE', hypothetical: true });
    expect(negated[0]?.evidence.condition).toEqual(expect.any(String));
  });
});

describe('the four as one collective', () => {
  const criticsRanking = (expand: boolean) =>
    api.data(`{ ranking(type: CRITICIZES, role: SOURCE, first: 20, expandCollectives: ${expand}) {
      entity { id } articleCount claimCount } }`);

  test("the quadrilateral's criticism counts once per article in rankings", async () => {
    const data = await criticsRanking(false);
    const entries = data.ranking as Array<{ entity: { id: string }; articleCount: number }>;
    expect(entries.find((entry) => entry.entity.id === THE_FOUR)?.articleCount).toBe(1);
    for (const state of ['china', 'iran', 'pakistan', 'russia']) {
      expect(entries.map((entry) => entry.entity.id)).not.toContain(state);
    }
  });

  test('expanded on request, it credits each of the four members once', async () => {
    const data = await criticsRanking(true);
    const entries = data.ranking as Array<{ entity: { id: string }; articleCount: number }>;
    for (const state of ['china', 'iran', 'pakistan', 'russia']) {
      expect(entries.find((entry) => entry.entity.id === state)?.articleCount).toBe(1);
    }
  });

  test('the criticism is one claim, whose subject is the collective', async () => {
    const criticisms = await claims(`subject: "${THE_FOUR}", types: [CRITICIZES]`);
    expect(criticisms.map(said)).toEqual([`CRITICIZES ${THE_FOUR} -> taliban`]);
    const viaMembership = await claims(`subject: "china", types: [CRITICIZES], expandCollectives: true`);
    expect(viaMembership.map((claim) => claim.id)).toEqual(criticisms.map((claim) => claim.id));
  });
});

describe('grounding', () => {
  test('every quote has offsets into the article text', async () => {
    const data = await api.data(
      `{ article(id: "${seed.article.id}") { claims { evidence { quote quoteStart quoteEnd } } } }`,
    );
    const evidence = (
      data.article.claims as Array<{
        evidence: { quote: string | null; quoteStart: number | null; quoteEnd: number | null };
      }>
    ).map((claim) => claim.evidence);
    const quoted = evidence.filter((item) => item.quote !== null);
    expect(quoted).toHaveLength(seed.relations.filter((relation) => relation.quote !== undefined).length);
    for (const { quote, quoteStart, quoteEnd } of quoted) {
      expect(quoteStart, quote ?? '').toEqual(expect.any(Number));
      // Folding (whitespace, quotes, dashes) only ever shortens the quote, never the span.
      expect((quoteEnd ?? 0) - (quoteStart ?? 0)).toBeGreaterThanOrEqual(
        (quote ?? '').replace(/\s+/g, ' ').trim().length,
      );
    }
  });
});
