/**
 * What the writer stores for a format-version-2 article (docs/evidence-model-v2.md, "Graph
 * storage"): each voice of a claim as HELD_BY, only affirmative claims as evidence of a relation,
 * every claim property, the article's text, rating and publisher, and the new entity types.
 */
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { resetGraph } from '../../../src/db/article-writer.ts';
import type { Db } from '../../../src/db/driver.ts';
import { ingestDocuments, removeArticle } from '../../../src/ingest/seed-run.ts';
import { articleDoc } from '../../fixtures/article-builder.ts';
import { aggregateMismatches, cypher, openCleanTestDb, vocabularyViolations } from '../helpers/test-db.ts';

const db: Db = await openCleanTestDb();

afterAll(async () => {
  await db.driver.close();
});

beforeEach(async () => {
  await resetGraph(db);
});

const load = (id: string, json: unknown) => ingestDocuments([{ file: `${id}.json`, json }], db);
const v2 = (id: string) => articleDoc(id).set({ formatVersion: 2 });

interface HeldBy {
  order: number;
  stance: string;
  reportedBy: number | null;
  holder: string;
  article: boolean;
}

/** The HELD_BY relationships of a claim, in order. */
const heldBy = (claimId: string) =>
  cypher<HeldBy>(
    db,
    `MATCH (:Claim {id: $claimId})-[h:HELD_BY]->(x)
     RETURN toInteger(h.order) AS order, h.stance AS stance, h.reportedBy AS reportedBy, x.id AS holder, x:Article AS article
     ORDER BY order`,
    { claimId },
  ).then((rows) => rows.map((row) => ({ ...row, order: Number(row.order), reportedBy: row.reportedBy === null ? null : Number(row.reportedBy) })));

/** Aggregated relationships between two entities, of any vocabulary type. */
const relationshipsBetween = (sourceId: string, targetId: string) =>
  cypher<{ type: string; claimCount: number }>(
    db,
    `MATCH (:Entity {id: $sourceId})-[r]->(:Entity {id: $targetId}) WHERE r.claimCount IS NOT NULL
     RETURN type(r) AS type, toInteger(r.claimCount) AS claimCount`,
    { sourceId, targetId },
  ).then((rows) => rows.map((row) => ({ type: row.type, claimCount: Number(row.claimCount) })));

const claimOf = (claimId: string) =>
  cypher<{ relation: string | null; affirmative: boolean }>(
    db,
    'MATCH (c:Claim {id: $claimId}) RETURN c.relation AS relation, c.affirmative AS affirmative',
    { claimId },
  ).then((rows) => rows[0]);

const chainArticle = () =>
  v2('chain')
    .add('Person', 'korybko')
    .add('Collective', 'the-four', { name: 'the four' })
    .add('State', 'pakistan')
    .add('Group', 'taliban')
    .add('Group', 'ttp')
    .article({ authors: ['korybko'] })
    .claim('SHELTERS', 'taliban', 'ttp', {
      attributions: [
        { holder: 'korybko', stance: 'infers' },
        { holder: 'the-four', stance: 'believes', reportedBy: 0 },
        { holder: 'pakistan', stance: 'suspects' },
      ],
    })
    .claim('CRITICIZES', 'pakistan', 'taliban');

describe('attribution chains', () => {
  test('each attribution is a HELD_BY to its holder, with its order, stance and the attribution reporting it', async () => {
    await load('chain', chainArticle().build());
    expect(await heldBy('chain#0')).toEqual([
      { order: 0, stance: 'infers', reportedBy: null, holder: 'korybko', article: false },
      { order: 1, stance: 'believes', reportedBy: 0, holder: 'the-four', article: false },
      { order: 2, stance: 'suspects', reportedBy: null, holder: 'pakistan', article: false },
    ]);
  });

  test('the article’s own voice is a HELD_BY to the Article', async () => {
    await load('chain', chainArticle().build());
    expect(await heldBy('chain#1')).toEqual([
      { order: 0, stance: 'asserts', reportedBy: null, holder: 'chain', article: true },
    ]);
  });

  test('the holder of the first attribution is also the claim’s ATTRIBUTED_TO, and its modality that of its stance', async () => {
    await load('chain', chainArticle().build());
    const rows = await cypher(
      db,
      `MATCH (c:Claim)
       RETURN c.id AS id, c.modality AS modality, c.attributedTo AS attributedTo,
              COLLECT { MATCH (c)-[:ATTRIBUTED_TO]->(x) RETURN x.id } AS attributedNodes
       ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'chain#0', modality: 'implied', attributedTo: 'korybko', attributedNodes: ['korybko'] },
      { id: 'chain#1', modality: 'asserted', attributedTo: null, attributedNodes: [] },
    ]);
  });
});

describe('holders and publishers only a later file of the run defines', () => {
  test('are written, as bare entities, for the claims and the article to point at', async () => {
    const first = v2('a-first')
      .add('Group', 'taliban')
      .add('Group', 'ttp')
      .article({ publisherId: 'dawn' })
      .claim('SHELTERS', 'taliban', 'ttp', { attributions: [{ stance: 'reports' }, { holder: 'pakistan', stance: 'alleges', reportedBy: 0 }] })
      .build();
    const second = v2('b-second').add('State', 'pakistan').add('Group', 'dawn', { category: 'media' }).build();
    const report = await ingestDocuments(
      [
        { file: 'a.json', json: first },
        { file: 'b.json', json: second },
      ],
      db,
      // One article per transaction: the first is written before the second defines its entities.
      { batchRows: 1 },
    );
    expect(report.relationsWritten).toBe(1);
    expect(await heldBy('a-first#0')).toEqual([
      { order: 0, stance: 'reports', reportedBy: null, holder: 'a-first', article: true },
      { order: 1, stance: 'alleges', reportedBy: 0, holder: 'pakistan', article: false },
    ]);
    expect(await cypher(db, "MATCH (:Article {id: 'a-first'})-[:PUBLISHED_BY]->(p) RETURN p.id AS id")).toEqual([{ id: 'dawn' }]);
  });
});

describe('only affirmative claims are evidence of a relation', () => {
  const notAffirmed = () =>
    v2('not-affirmed')
      .add('State', 'china')
      .add('State', 'iran')
      .add('State', 'russia')
      .add('State', 'india')
      .add('State', 'pakistan')
      .claim('OPPOSES', 'china', 'pakistan', { polarity: 'negative' })
      .claim('OPPOSES', 'iran', 'pakistan', { condition: 'if Pakistan resorts to military means' })
      .claim('OPPOSES', 'russia', 'pakistan', { hypothetical: true })
      .claim('OPPOSES', 'india', 'pakistan', { attributions: [{ holder: 'india', stance: 'denies' }] });

  test('a negated, a conditional, a hypothetical and a denied-only claim are claims without a relation', async () => {
    await load('not-affirmed', notAffirmed().build());
    for (const ordinal of [0, 1, 2, 3]) {
      expect(await claimOf(`not-affirmed#${ordinal}`), `claim ${ordinal}`).toEqual({
        relation: null,
        affirmative: false,
      });
    }
  });

  test('they make no aggregated relationship', async () => {
    await load('not-affirmed', notAffirmed().build());
    for (const source of ['china', 'iran', 'russia', 'india']) {
      expect(await relationshipsBetween(source, 'pakistan'), source).toEqual([]);
    }
    expect(await aggregateMismatches(db)).toEqual([]);
  });

  test('a claim alleged by one holder and denied by another is evidence of its relation', async () => {
    await load(
      'disputed',
      v2('disputed')
        .add('State', 'pakistan')
        .add('Group', 'taliban')
        .add('Group', 'ttp')
        .claim('SHELTERS', 'taliban', 'ttp', {
          attributions: [
            { holder: 'pakistan', stance: 'alleges' },
            { holder: 'taliban', stance: 'denies' },
          ],
        })
        .build(),
    );
    expect(await claimOf('disputed#0')).toEqual({ relation: 'SHELTERS taliban ttp', affirmative: true });
    expect(await relationshipsBetween('taliban', 'ttp')).toEqual([{ type: 'SHELTERS', claimCount: 1 }]);
  });

  test('a relation counts its affirmative claims only, beside non-affirmative ones of the same pair', async () => {
    await load(
      'mixed',
      v2('mixed')
        .add('State', 'china')
        .add('State', 'pakistan')
        .claim('OPPOSES', 'china', 'pakistan', { polarity: 'negative' })
        .claim('OPPOSES', 'china', 'pakistan')
        .build(),
    );
    expect(await relationshipsBetween('china', 'pakistan')).toEqual([{ type: 'OPPOSES', claimCount: 1 }]);
    expect(await aggregateMismatches(db)).toEqual([]);
  });
});

describe('claim and article properties', () => {
  const TEXT = 'Islamabad said on Monday that the Taliban shelter the TTP. Beijing has not opposed it.';
  const rated = () =>
    v2('rated')
      .add('Group', 'dawn', { category: 'media', sourceReliability: 'B' })
      .add('State', 'pakistan')
      .add('Group', 'taliban')
      .add('Group', 'ttp')
      .article({ text: TEXT, copyright: 'Copyright © Dawn, 2024', publisherId: 'dawn' })
      .claim('SHELTERS', 'taliban', 'ttp', {
        quote: 'the Taliban shelter the TTP',
        attributions: [{ holder: 'pakistan', stance: 'alleges' }],
        validFrom: '2024-03',
        validTo: '2024-09-17',
        credibility: 3,
        section: 'quoted-speech',
      })
      .claim('CRITICIZES', 'pakistan', 'taliban', { quote: 'Islamabad said', ended: true, date: '2024-09' });

  test('a claim stores every v2 property, its quote’s offsets in the text and its publisher’s rating', async () => {
    await load('rated', rated().build());
    const [claim] = await cypher(
      db,
      `MATCH (c:Claim {id: 'rated#0'})
       RETURN c.polarity AS polarity, c.condition AS condition, c.hypothetical AS hypothetical, c.validFrom AS validFrom,
              c.validTo AS validTo, c.ended AS ended, c.validStart AS validStart, c.validEnd AS validEnd,
              c.credibility AS credibility, c.section AS section, c.quoteStart AS quoteStart, c.quoteEnd AS quoteEnd,
              c.sourceReliability AS sourceReliability, c.affirmative AS affirmative,
              valueType(c.credibility) AS credibilityType, valueType(c.quoteStart) AS offsetType`,
    );
    const quoteStart = TEXT.indexOf('the Taliban shelter the TTP');
    expect(claim).toEqual({
      polarity: 'positive',
      condition: null,
      hypothetical: false,
      validFrom: '2024-03',
      validTo: '2024-09-17',
      ended: false,
      validStart: '2024-03-01',
      validEnd: '2024-09-17',
      credibility: expect.anything(),
      section: 'quoted-speech',
      quoteStart: expect.anything(),
      quoteEnd: expect.anything(),
      sourceReliability: 'B',
      affirmative: true,
      credibilityType: 'INTEGER NOT NULL',
      offsetType: 'INTEGER NOT NULL',
    });
    expect([Number(claim?.credibility), Number(claim?.quoteStart), Number(claim?.quoteEnd)]).toEqual([
      3,
      quoteStart,
      quoteStart + 'the Taliban shelter the TTP'.length,
    ]);
  });

  test('an ended claim without validTo holds until its own date', async () => {
    await load('rated', rated().build());
    const [claim] = await cypher(
      db,
      "MATCH (c:Claim {id: 'rated#1'}) RETURN c.validStart AS validStart, c.validEnd AS validEnd",
    );
    expect(claim).toEqual({ validStart: '2024-09-01', validEnd: '2024-09-30' });
  });

  test('the article stores its text, copyright and rating, and is PUBLISHED_BY its publisher', async () => {
    await load('rated', rated().build());
    const [article] = await cypher(
      db,
      `MATCH (a:Article {id: 'rated'})
       RETURN a.text AS text, a.copyright AS copyright, a.sourceReliability AS sourceReliability,
              COLLECT { MATCH (a)-[:PUBLISHED_BY]->(p) RETURN p.id } AS publishers`,
    );
    expect(article).toEqual({ text: TEXT, copyright: 'Copyright © Dawn, 2024', sourceReliability: 'B', publishers: ['dawn'] });
  });

  test('without the text, a quote has no offsets', async () => {
    await load('untexted', v2('untexted').add('State', 'pakistan').add('Group', 'taliban').claim('CRITICIZES', 'pakistan', 'taliban').build());
    expect(
      await cypher(db, "MATCH (c:Claim {id: 'untexted#0'}) RETURN c.quoteStart AS quoteStart, c.quoteEnd AS quoteEnd"),
    ).toEqual([{ quoteStart: null, quoteEnd: null }]);
  });
});

describe('replacing or removing a v2 article', () => {
  const holderCount = () =>
    cypher<{ heldBy: number; publishedBy: number; claims: number }>(
      db,
      `RETURN COUNT { ()-[:HELD_BY]->() } AS heldBy, COUNT { ()-[:PUBLISHED_BY]->() } AS publishedBy, COUNT { (:Claim) } AS claims`,
    ).then(([row]) => ({ heldBy: Number(row?.heldBy), publishedBy: Number(row?.publishedBy), claims: Number(row?.claims) }));

  const published = () =>
    chainArticle()
      .add('Group', 'global-research', { category: 'media' })
      .article({ publisherId: 'global-research' })
      .claim('OPPOSES', 'pakistan', 'taliban', { polarity: 'negative', attributions: [{ holder: 'pakistan', stance: 'asserts' }] });

  test('a new version takes back the holders and the publisher the previous one gave', async () => {
    await load('chain', published().build());
    expect(await holderCount()).toEqual({ heldBy: 5, publishedBy: 1, claims: 3 });
    await load(
      'chain',
      v2('chain')
        .add('State', 'pakistan')
        .add('Group', 'taliban')
        .claim('CRITICIZES', 'pakistan', 'taliban', { attributions: [{ holder: 'pakistan', stance: 'asserts' }] })
        .build(),
    );
    expect(await holderCount()).toEqual({ heldBy: 1, publishedBy: 0, claims: 1 });
    expect(await heldBy('chain#0')).toEqual([
      { order: 0, stance: 'asserts', reportedBy: null, holder: 'pakistan', article: false },
    ]);
    expect(await aggregateMismatches(db)).toEqual([]);
  });

  test('removing it deletes its claims (affirmative or not), holders and publisher, and the entities only it named', async () => {
    await load('chain', published().build());
    await removeArticle('chain', db);
    expect(await holderCount()).toEqual({ heldBy: 0, publishedBy: 0, claims: 0 });
    expect(await cypher(db, 'MATCH (n:Entity) RETURN n.id AS id')).toEqual([]);
    expect(await cypher(db, 'MATCH ()-[r]->() WHERE r.claimCount IS NOT NULL RETURN r')).toEqual([]);
  });

  test('an entity another article still holds a claim through is kept', async () => {
    await load('chain', published().build());
    await load(
      'other',
      v2('other')
        .add('State', 'china')
        .add('Group', 'taliban')
        // Not the first voice: only HELD_BY (no ATTRIBUTED_TO) links the claim to its holder.
        .claim('CRITICIZES', 'china', 'taliban', {
          attributions: [{ stance: 'asserts' }, { holder: 'korybko', stance: 'infers' }],
        })
        .build(),
    );
    await removeArticle('chain', db);
    expect(await cypher(db, "MATCH (n:Person {id: 'korybko'}) RETURN n.id AS id")).toEqual([{ id: 'korybko' }]);
  });
});

describe('the new entity types', () => {
  test('collectives, places, events and projects are written with their labels and typed properties', async () => {
    await load(
      'typed',
      v2('typed')
        .add('State', 'china')
        .add('State', 'russia')
        .add('Collective', 'the-four', { name: 'the four' })
        .add('Place', 'kabul', { placeType: 'city', latitude: 34.5553, longitude: 69.2075, wikidata: 'Q5838' })
        .add('Event', 'moscow-format', { kind: 'negotiation', start: '2024-09', hypothetical: false })
        .add('Project', 'cpec', { kind: 'infrastructure' })
        .add('Group', 'taliban-backed-terrorists', { name: 'Taliban-backed terrorists in Balochistan', unnamed: true })
        .relation('MEMBER_OF', 'china', 'the-four')
        .relation('MEMBER_OF', 'russia', 'the-four')
        .relation('LOCATED_IN', 'moscow-format', 'kabul')
        .relation('PARTICIPATED_IN', 'the-four', 'moscow-format')
        .build(),
    );
    const rows = await cypher(
      db,
      `MATCH (n:Entity) WHERE n.id IN ['the-four', 'kabul', 'moscow-format', 'cpec', 'taliban-backed-terrorists']
       RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'] AS labels,
              n.latitude AS latitude, n.longitude AS longitude, valueType(n.latitude) AS latitudeType,
              n.placeType AS placeType, n.kind AS kind, n.hypothetical AS hypothetical, n.unnamed AS unnamed
       ORDER BY id`,
    );
    const nothing = { latitude: null, longitude: null, latitudeType: 'NULL', placeType: null, kind: null, hypothetical: null, unnamed: null };
    expect(rows).toEqual([
      { ...nothing, id: 'cpec', labels: ['Project'], kind: 'infrastructure' },
      { ...nothing, id: 'kabul', labels: ['Place'], latitude: 34.5553, longitude: 69.2075, latitudeType: 'FLOAT NOT NULL', placeType: 'city' },
      { ...nothing, id: 'moscow-format', labels: ['Event'], kind: 'negotiation', hypothetical: false },
      { ...nothing, id: 'taliban-backed-terrorists', labels: ['Group'], unnamed: true },
      { ...nothing, id: 'the-four', labels: ['Collective'] },
    ]);
    expect(await relationshipsBetween('china', 'the-four')).toEqual([{ type: 'MEMBER_OF', claimCount: 1 }]);
    expect(await relationshipsBetween('moscow-format', 'kabul')).toEqual([{ type: 'LOCATED_IN', claimCount: 1 }]);
    expect(await vocabularyViolations(db)).toEqual([]);
  });

  test('what an article says of a place is kept on its mention, as numbers', async () => {
    await load('placed', v2('placed').add('Place', 'kabul', { latitude: 34.5553, longitude: 69.2075 }).build());
    expect(
      await cypher(db, "MATCH (:Article {id: 'placed'})-[m:MENTIONS]->(:Place {id: 'kabul'}) RETURN m.latitude AS latitude, valueType(m.longitude) AS type"),
    ).toEqual([{ latitude: 34.5553, type: 'FLOAT NOT NULL' }]);
  });
});
