import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../src/bench/corpus.ts';
import { aggregateClaims, batches, documentRows, type ClaimRow } from '../../../src/bench/raw-loaders.ts';
import { benchOptions, MIN_ARTICLES } from '../../../src/bench/options.ts';
import { chooseTargets, queryClasses } from '../../../src/bench/compare/query-classes.ts';
import { rawQueryFor } from '../../../src/bench/compare/raw-handler.ts';

const claim = (articleId: string, date: string, dateStart: string, dateEnd: string, confidence: number): ClaimRow => ({
  id: `${articleId}#0`,
  type: 'CRITICIZES',
  articleId,
  sourceId: 'a',
  targetId: 'b',
  attributedTo: null,
  props: { effectiveDate: date, dateStart, dateEnd, confidence },
});

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

  it('turns a document into claim rows with v2 ids and relation names, defaults and date bounds', () => {
    const [document] = [...generateCorpus({ articles: 1, seed: 3 })];
    const rows = documentRows(document as { json: Record<string, unknown> });
    const first = rows.claims[0] as ClaimRow;
    expect(first.id).toBe('synthetic-000000#0');
    expect(first.props.relation).toBe(`${first.type} ${first.sourceId} ${first.targetId}`);
    expect(rows.claims.at(-1)?.props).toMatchObject({ modality: 'asserted', confidence: 1, quote: null });
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
