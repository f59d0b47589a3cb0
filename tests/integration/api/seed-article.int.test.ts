/**
 * The seed article, loaded through the API as an analyst would (ingestArticle), then the
 * questions the API exists for. Unlike the other files, this one runs the real ingest
 * pipeline: it checks that what the seeder writes is what the API reads (docs/graph-model.md).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { API_TOKEN, openApi } from './harness.ts';

const SEED_FILE = 'seed/2024-10-03-korybko-quadrilateral-statement.json';
const seed = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as { article: { id: string }; entities: unknown[] };
const STATEMENT = 'quadrilateral-joint-statement-2024-09';

const api = await openApi({ graph: 'empty' });

beforeAll(async () => {
  const { body } = await api.gql(
    `mutation($document: JSON!) { ingestArticle(document: $document) { outcome entitiesCreated article { id } } }`,
    { document: seed },
    { token: API_TOKEN },
  );
  expect(body.errors).toBeUndefined();
  expect(body.data.ingestArticle).toEqual({
    outcome: 'created',
    entitiesCreated: seed.entities.length,
    article: { id: seed.article.id },
  });
});

describe('the seed article through the API', () => {
  test('who criticizes the Taliban: China, Iran, Pakistan and Russia, also through their joint statement', async () => {
    const data =
      await api.data(`{ relations(filter: { target: "taliban", types: [CRITICIZES], includeStatements: true }) {
      edges { node { source { id } via { id } evidence { quote } } }
    } }`);
    const critics = (
      data.relations.edges as Array<{ node: { source: { id: string }; via: { id: string } | null } }>
    ).map(({ node }) => `${node.source.id}${node.via ? ` via ${node.via.id}` : ''}`);
    for (const state of ['china', 'iran', 'pakistan', 'russia']) {
      expect(critics).toContain(`${state} via ${STATEMENT}`);
    }
    expect(critics).toContain(STATEMENT);
  });

  test('ISKP finds Islamic State Khorasan Province; a typo finds the Taliban', async () => {
    const data = await api.data(`{ iskp: search(query: "ISKP") { id } typo: search(query: "Talibn") { id } }`);
    expect(data.iskp[0].id).toBe('islamic-state-khorasan-province');
    expect(data.typo[0].id).toBe('taliban');
  });

  test('the meeting, its attendees and its statement; the article and its author', async () => {
    const data = await api.data(`{
      entity(id: "quadrilateral-meeting-2024-09-unga") { ... on Meeting { attendees { id } statements { id issuedBy { id } } } }
      article(id: "${seed.article.id}") { publisher authors { id } }
    }`);
    expect(data.entity.attendees.map((a: { id: string }) => a.id)).toEqual(['china', 'iran', 'pakistan', 'russia']);
    expect(data.entity.statements[0].id).toBe(STATEMENT);
    expect(data.entity.statements[0].issuedBy.map((a: { id: string }) => a.id)).toEqual(
      expect.arrayContaining(['china', 'iran', 'pakistan', 'russia']),
    );
    expect(data.article).toEqual({ publisher: 'Global Research', authors: [{ id: 'andrew-korybko' }] });
  });

  test('the demands of the statement, and sheltering alleged by Pakistan', async () => {
    const data = await api.data(`{
      demands: relations(filter: { source: "${STATEMENT}", types: [CALLS_ON] }) { edges { node { evidence { demand } } } }
      alleged: relations(filter: { types: [SHELTERS], modalities: [ALLEGED] }) { edges { node { target { id } evidence { modalities } } } }
      pakistans: claims(filter: { holder: "pakistan", types: [SHELTERS] }) { edges { node { object { id } } } }
    }`);
    expect(data.demands.edges[0].node.evidence.every((e: { demand: string | null }) => e.demand)).toBe(true);
    const alleged = data.alleged.edges as Array<{
      node: { target: { id: string }; evidence: Array<{ modalities: string[] }> };
    }>;
    const sheltered = ['balochistan-liberation-army', 'tehrik-i-taliban-pakistan'];
    expect(alleged.map(({ node }) => node.target.id)).toEqual(expect.arrayContaining(sheltered));
    // Pakistan suspects what the author infers first: the claim reads as alleged through Pakistan's voice.
    expect(alleged.every(({ node }) => node.evidence.some((e) => e.modalities.includes('ALLEGED')))).toBe(true);
    const byPakistan = data.pakistans.edges as Array<{ node: { object: { id: string } } }>;
    expect(byPakistan.map(({ node }) => node.object.id)).toEqual(expect.arrayContaining(sheltered));
  });
});
