import { describe, expect, it } from 'vitest';
import { CORPUS_SHARES, generateCorpus } from '../../../src/bench/corpus.ts';
import { aggregateClaims, batches, documentRows, type ClaimRow } from '../../../src/bench/raw-loaders.ts';
import { benchOptions, MIN_ARTICLES } from '../../../src/bench/options.ts';
import { chooseTargets, queryClasses } from '../../../src/bench/compare/query-classes.ts';
import { rawQueryFor } from '../../../src/bench/compare/raw-handler.ts';

const claim = (
  articleId: string,
  date: string,
  dateStart: string,
  dateEnd: string,
  confidence: number,
  affirmative = true,
): ClaimRow => ({
  id: `${articleId}#0`,
  type: 'CRITICIZES',
  articleId,
  sourceId: 'a',
  targetId: 'b',
  attributedTo: null,
  heldBy: [],
  props: { effectiveDate: date, dateStart, dateEnd, confidence, affirmative },
});

/** The claim rows of a generated corpus, with the version of the file each comes from. */
function corpusClaims(articles: number, seed: number) {
  return [...generateCorpus({ articles, seed })].flatMap((document) =>
    documentRows(document).claims.map((row) => ({ row, version: document.json.formatVersion })),
  );
}

describe('raw loaders, in memory', () => {
  it('aggregates a batch per (source, type, target): counts, date bounds, the earliest and latest claim, max confidence', () => {
    const rows = aggregateClaims([
      claim('x', '2024-09', '2024-09-01', '2024-09-30', 0.5),
      claim('x', '2024-09-01', '2024-09-01', '2024-09-01', 0.9),
      claim('y', '2025', '2025-01-01', '2025-12-31', 0.7),
      claim('y', '2025-12-31', '2025-12-31', '2025-12-31', 0.6),
    ]);
    expect(rows).toEqual([
      {
        type: 'CRITICIZES',
        sourceId: 'a',
        targetId: 'b',
        key: 'a b',
        claimCount: 4,
        articleCount: 2,
        firstDate: '2024-09-01',
        lastDate: '2025-12-31',
        // Same dateStart: the smaller effectiveDate is the earlier; same dateEnd: the larger the later.
        firstSeen: '2024-09',
        lastSeen: '2025-12-31',
        maxConfidence: 0.9,
      },
    ]);
  });

  it('leaves claims that are not affirmative out of the aggregates', () => {
    const rows = aggregateClaims([
      claim('x', '2024', '2024-01-01', '2024-12-31', 0.5),
      claim('y', '2025', '2025-01-01', '2025-12-31', 0.9, false),
    ]);
    expect(rows).toMatchObject([{ claimCount: 1, articleCount: 1, lastSeen: '2024', maxConfidence: 0.5 }]);
    expect(aggregateClaims([claim('y', '2025', '2025-01-01', '2025-12-31', 0.9, false)])).toEqual([]);
  });

  it('reads a v1 relation as one attribution: attributedTo holds it with the stance its modality names', () => {
    const rows = documentRows({
      json: {
        formatVersion: 1,
        article: { id: 'a1', title: 't', publishedAt: '2024-09-17', text: 'X denies it.' },
        entities: [],
        relations: [
          { type: 'SHELTERS', source: 's', target: 't', quote: 'X denies it.', modality: 'denied', attributedTo: 'x' },
          { type: 'SHELTERS', source: 's', target: 't', quote: 'X denies it.' },
        ],
      },
    });
    const [denied, plain] = rows.claims as [ClaimRow, ClaimRow];
    expect(denied.heldBy).toEqual([{ order: 0, holderId: 'x', stance: 'denies', reportedBy: null }]);
    expect(denied.props).toMatchObject({ modality: 'denied', attributedTo: 'x', affirmative: false, relation: null });
    expect(denied.props).toMatchObject({ quoteStart: 0, quoteEnd: 12, polarity: 'positive', section: 'body' });
    expect(plain.heldBy).toEqual([{ order: 0, holderId: null, stance: 'asserts', reportedBy: null }]);
    expect(plain.props).toMatchObject({ affirmative: true, relation: 'SHELTERS s t', validStart: '2024-09-17' });
  });

  it('reads a v2 relation: its chain of holders, polarity, span and rating, and the publisher’s reliability', () => {
    const rows = documentRows({
      json: {
        formatVersion: 2,
        article: { id: 'a2', title: 't', publishedAt: '2024-09-17', publisherId: 'wire' },
        entities: [{ id: 'wire', type: 'Group', name: 'Wire', sourceReliability: 'B' }],
        relations: [
          {
            type: 'OPPOSES',
            source: 's',
            target: 't',
            polarity: 'negative',
            attributions: [
              { holder: 'author', stance: 'infers' },
              { holder: 'four', stance: 'believes', reportedBy: 0 },
            ],
            validFrom: '2023',
            validTo: '2024-06',
            ended: true,
            credibility: 2,
            section: 'quoted-speech',
          },
        ],
      },
    });
    const [negated] = rows.claims as [ClaimRow];
    expect(negated.heldBy).toEqual([
      { order: 0, holderId: 'author', stance: 'infers', reportedBy: null },
      { order: 1, holderId: 'four', stance: 'believes', reportedBy: 0 },
    ]);
    expect(negated.props).toMatchObject({
      polarity: 'negative',
      affirmative: false,
      relation: null,
      modality: 'implied',
      attributedTo: 'author',
      validStart: '2023-01-01',
      validEnd: '2024-06-30',
      credibility: 2,
      section: 'quoted-speech',
      sourceReliability: 'B',
    });
    expect(rows.articles[0]).toMatchObject({ publisherId: 'wire', props: { sourceReliability: 'B' } });
  });

  it('turns a document into claim rows with v2 ids and relation names, defaults and date bounds', () => {
    const [document] = [...generateCorpus({ articles: 1, seed: 3 })];
    const rows = documentRows(document as { json: Record<string, unknown> });
    const first = rows.claims[0] as ClaimRow;
    expect(first.id).toBe('synthetic-000000#0');
    expect(first.props.relation).toBe(`${first.type} ${first.sourceId} ${first.targetId}`);
    expect(rows.claims.at(-1)?.props).toMatchObject({ modality: 'asserted', confidence: 1, quote: null });
    expect(rows.claims.at(-1)?.heldBy).toEqual([{ order: 0, holderId: null, stance: 'asserts', reportedBy: null }]);
    expect(first.props.dateStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows.articles[0]?.mentions).toHaveLength(rows.entities.length);
  });

  it('batches whole articles and never sends an entity twice in a batch', () => {
    const all = [...batches(generateCorpus({ articles: 40, seed: 1 }), 300)];
    expect(all.reduce((sum, batch) => sum + batch.articles.length, 0)).toBe(40);
    for (const batch of all.slice(0, -1)) expect(batch.claims.length).toBeGreaterThanOrEqual(300);
    for (const batch of all)
      expect(new Set(batch.entities.map((entity) => entity.id)).size).toBe(batch.entities.length);
  });
});

describe('the generated corpus', () => {
  const claims = corpusClaims(500, 1);
  const v2Claims = claims.filter(({ row, version }) => version === 2 && row.props.quote !== null).map(({ row }) => row);
  const share = (test: (row: ClaimRow) => boolean) => v2Claims.filter(test).length / v2Claims.length;

  it(`writes every ${CORPUS_SHARES.v1Every}th file in format version 1 and the others in version 2`, () => {
    const versions = [...generateCorpus({ articles: 10, seed: 1 })].map((document) => document.json.formatVersion);
    expect(versions).toEqual([2, 2, 2, 2, 1, 2, 2, 2, 2, 1]);
  });

  it('gives v2 claims the evidence model’s shapes in about the intended shares', () => {
    const near = (actual: number, intended: number) => expect(actual).toBeGreaterThan(intended * 0.6);
    near(
      share((row) => row.heldBy.length > 1),
      CORPUS_SHARES.chain,
    );
    expect(share((row) => row.heldBy.some((holding) => holding.reportedBy !== null))).toBeGreaterThan(0.05);
    near(
      share((row) => row.heldBy.some((holding) => holding.stance === 'denies')),
      CORPUS_SHARES.denial,
    );
    near(
      share((row) => row.props.polarity === 'negative'),
      CORPUS_SHARES.negative,
    );
    near(
      share((row) => row.props.condition !== null || row.props.hypothetical === true),
      CORPUS_SHARES.conditional + CORPUS_SHARES.hypothetical,
    );
    near(
      share((row) => row.props.validFrom !== null),
      CORPUS_SHARES.validFrom,
    );
    near(
      share((row) => row.props.ended === true),
      CORPUS_SHARES.ended,
    );
    expect(share((row) => row.props.affirmative === true)).toBeGreaterThan(0.75);
    expect(share((row) => row.props.quoteStart !== null)).toBe(1);
  });

  it('has collectives that make and hold claims, and events as objects of claims', () => {
    const documents = [...generateCorpus({ articles: 200, seed: 1 })];
    const entities = documents.flatMap((document) => document.json.entities as Array<{ id: string; type: string }>);
    const collectives = new Set(entities.filter((entity) => entity.type === 'Collective').map((entity) => entity.id));
    const types = new Set(entities.map((entity) => entity.type));
    expect([...types].sort()).toEqual(
      ['Collective', 'Event', 'Group', 'Meeting', 'Person', 'Place', 'State', 'Statement'].sort(),
    );
    const rows = documents.flatMap((document) => documentRows(document).claims);
    expect(rows.some((row) => collectives.has(row.sourceId) && row.props.quote !== null)).toBe(true);
    expect(rows.some((row) => row.heldBy.some((holding) => collectives.has(holding.holderId ?? '')))).toBe(true);
    expect(rows.some((row) => row.targetId.endsWith('-event') && row.props.quote !== null)).toBe(true);
    for (const type of ['MEMBER_OF', 'LOCATED_IN', 'PARTICIPATED_IN', 'SEEKS'])
      expect(rows.some((row) => row.type === type)).toBe(true);
  });

  it('is the same for the same seed', () => {
    const once = JSON.stringify([...generateCorpus({ articles: 30, seed: 4 })]);
    expect(JSON.stringify([...generateCorpus({ articles: 30, seed: 4 })])).toBe(once);
  });
});

describe('bench options', () => {
  it('defaults to three sizes and 10 s of load; --quick is one tiny size and a short load', () => {
    expect(benchOptions({})).toMatchObject({
      sizes: [1000, 5000, 20000],
      duration: 10,
      connections: 8,
      out: 'bench/RESULTS.md',
    });
    expect(benchOptions({ quick: true })).toMatchObject({ sizes: [200], duration: 2 });
    expect(benchOptions({ sizes: '300, 600' })).toMatchObject({ sizes: [300, 600] });
  });

  it('refuses bad values', () => {
    expect(() => benchOptions({ sizes: '300,x' })).toThrow(/--sizes/);
    expect(() => benchOptions({ connections: '0' })).toThrow(/--connections/);
  });

  it(`refuses a corpus below ${MIN_ARTICLES} articles with the smallest size it takes`, () => {
    expect(() => benchOptions({ sizes: '10' })).toThrow(`use at least ${MIN_ARTICLES}`);
  });
});

describe('query classes', () => {
  const classes = queryClasses(chooseTargets(generateCorpus({ articles: 100, seed: 1 })));

  it('asks every target about the same entities, never an id resolution would merge', () => {
    const targets = chooseTargets(generateCorpus({ articles: 100, seed: 1 }));
    expect(new Set([targets.popular, targets.second, targets.middle]).size).toBe(3);
    expect([targets.popular, targets.second, targets.middle].some((id) => id.endsWith('-alt'))).toBe(false);
  });

  it('gives each class a project request, and a raw query the handler knows', () => {
    for (const queryClass of classes) {
      const project = queryClass.requests.project ?? queryClass.paged?.specs.project?.at(null);
      expect(project?.path, queryClass.name).toBe('/graphql');
      const raw = queryClass.requests.raw ?? queryClass.paged?.specs.raw?.at(null);
      const name = raw?.path.replace('/q/', '') ?? '';
      expect(rawQueryFor(name, raw?.body ?? {}), queryClass.name).not.toBeNull();
    }
  });

  it('marks what @neo4j/graphql cannot express', () => {
    const without = classes
      .filter((queryClass) => !queryClass.requests.neo4jGraphql && !queryClass.paged?.specs.neo4jGraphql)
      .map((queryClass) => queryClass.name);
    expect(without).toEqual([
      'critics of an actor, includeStatements',
      'path (maxHops 4)',
      'neighborhood (depth 2)',
      'ranking (most criticized, top 10)',
    ]);
  });
});
