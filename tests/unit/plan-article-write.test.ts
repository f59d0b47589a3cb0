import { describe, expect, it } from 'vitest';
import { ExtractedArticleSchema } from '../../src/domain/article.schema.ts';
import { canonicalJson, contentHashOf, planArticleWrite } from '../../src/ingest/plan-article-write.ts';
import type { Merge, Resolution } from '../../src/ingest/resolve-run.ts';
import { articleDoc } from '../fixtures/article-builder.ts';

const resolution = (canonicalIds: Record<string, string> = {}, merges: Merge[] = []): Resolution => ({
  file: 'seed/a.json',
  canonicalIds: new Map(Object.entries(canonicalIds)),
  merges,
  forwardReferences: [],
});

const HASH = 'f'.repeat(64);

describe('the article row', () => {
  it('carries the metadata, the counts and the hash, with null for what is absent', () => {
    const article = articleDoc('dawn-1').add('State', 'a').add('State', 'b').claim('THREATENS', 'a', 'b').parse();
    expect(planArticleWrite(article, resolution(), HASH).article).toEqual({
      id: 'dawn-1',
      title: 'Title of dawn-1',
      publishedAt: '2024-09-17',
      url: null,
      publisher: null,
      language: null,
      contentHash: HASH,
      fileHash: null,
      entityCount: 2,
      relationCount: 1,
    });
  });

  it('carries the hash of the file it was read from, when it was', () => {
    const article = articleDoc('dawn-1').add('State', 'a').parse();
    expect(planArticleWrite(article, resolution(), HASH, 'f'.repeat(64)).article.fileHash).toBe('f'.repeat(64));
  });

  it('does not carry the article text', () => {
    const article = articleDoc()
      .article({ text: 'body', url: 'https://dawn.com/1', publisher: 'Dawn', language: 'en' })
      .parse();
    const row = planArticleWrite(article, resolution(), HASH).article;
    expect(row).toMatchObject({ url: 'https://dawn.com/1', publisher: 'Dawn', language: 'en' });
    expect(row).not.toHaveProperty('text');
  });
});

describe('entity rows', () => {
  it('use the canonical id and keep the id the article used as localId', () => {
    const article = articleDoc()
      .add('State', 'pak', { name: 'Pak', aliases: ['Islamic Republic'] })
      .parse();
    const [row] = planArticleWrite(article, resolution({ pak: 'pakistan' }), HASH).entities;
    expect(row).toMatchObject({
      id: 'pakistan',
      localId: 'pak',
      type: 'State',
      name: 'Pak',
      aliases: ['Islamic Republic'],
      normalizedNames: ['pak', 'islamic republic'],
    });
  });

  it('carry only the properties valid for the type, null when absent', () => {
    const article = articleDoc()
      .add('State', 'pakistan', { iso3: 'PAK', wikidata: 'Q843' })
      .add('Group', 'ttp')
      .add('Person', 'dar', { role: 'Foreign Minister' })
      .add('Meeting', 'summit', { date: '2024-10', location: 'Islamabad' })
      .add('Statement', 'communique', { summary: 'text', description: 'd' })
      .parse();
    expect(planArticleWrite(article, resolution(), HASH).entities.map(({ props }) => props)).toEqual([
      { description: null, wikidata: 'Q843', iso3: 'PAK' },
      { description: null, wikidata: null, category: null },
      { description: null, wikidata: null, role: 'Foreign Minister' },
      { description: null, wikidata: null, date: '2024-10', location: 'Islamabad' },
      { description: 'd', wikidata: null, date: null, summary: 'text' },
    ]);
  });
});

describe('relation rows', () => {
  const article = articleDoc()
    .article({ publishedAt: '2024-09' })
    .add('State', 'pak')
    .add('Group', 'ttp')
    .add('State', 'us')
    .claim('SHELTERS', 'pak', 'ttp', { quote: 'q1' })
    .claim('CALLS_ON', 'us', 'pak', {
      quote: 'q2',
      demand: 'act',
      modality: 'alleged',
      confidence: 0.6,
      attributedTo: 'pak',
      date: '2024-02',
      note: 'n',
    })
    .claim('SHELTERS', 'us', 'ttp', { quote: 'q3' })
    .parse();
  const plan = planArticleWrite(article, resolution({ pak: 'pakistan', ttp: 'ttp', us: 'us' }), HASH);

  it('are grouped by type and keep their index in the file as ordinal', () => {
    expect(Object.keys(plan.relationsByType)).toEqual(['SHELTERS', 'CALLS_ON']);
    expect(
      plan.relationsByType.SHELTERS?.map(({ ordinal, sourceId, targetId }) => [ordinal, sourceId, targetId]),
    ).toEqual([
      [0, 'pakistan', 'ttp'],
      [2, 'us', 'ttp'],
    ]);
  });

  it('carry the defaults and take their dates from the article when they have none', () => {
    expect(plan.relationsByType.SHELTERS?.[0]?.props).toEqual({
      quote: 'q1',
      modality: 'asserted',
      confidence: 1,
      attributedTo: null,
      date: null,
      effectiveDate: '2024-09',
      dateStart: '2024-09-01',
      dateEnd: '2024-09-30',
      demand: null,
      note: null,
    });
  });

  it('use their own date, and the canonical id of the actor they are attributed to', () => {
    expect(plan.relationsByType.CALLS_ON?.[0]).toEqual({
      sourceId: 'us',
      targetId: 'pakistan',
      ordinal: 1,
      props: {
        quote: 'q2',
        modality: 'alleged',
        confidence: 0.6,
        attributedTo: 'pakistan',
        date: '2024-02',
        effectiveDate: '2024-02',
        dateStart: '2024-02-01',
        dateEnd: '2024-02-29',
        demand: 'act',
        note: 'n',
      },
    });
  });
});

describe('authors and merges', () => {
  it('lists each author once, by canonical id', () => {
    const article = articleDoc()
      .article({ authors: ['ali', 'a-khan', 'ali'] })
      .add('Person', 'ali')
      .parse();
    expect(planArticleWrite(article, resolution({ ali: 'ali', 'a-khan': 'ali' }), HASH).authorIds).toEqual(['ali']);
  });

  it("passes the resolution's merges on", () => {
    const merge: Merge = {
      fromId: 'pak',
      intoId: 'pakistan',
      reason: 'wikidata',
      matched: 'Q843',
      file: 'seed/a.json',
      articleId: 'test-article',
      fromName: 'Pak',
      fromType: 'State',
    };
    const article = articleDoc().add('State', 'pak', { wikidata: 'Q843' }).parse();
    expect(planArticleWrite(article, resolution({ pak: 'pakistan' }, [merge]), HASH).merges).toEqual([merge]);
  });
});

describe('content hash', () => {
  const base = () => articleDoc().add('State', 'a').add('State', 'b').claim('THREATENS', 'a', 'b');

  it('is a sha256 in hex', () => {
    expect(contentHashOf(base().parse())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order', () => {
    const doc = base().build();
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([key, inner]) => [key, reversed(inner)]),
            )
          : value;
    const reordered = reversed(doc) as Record<string, unknown>;
    expect(Object.keys(reordered)[0]).toBe('relations');
    expect(contentHashOf(ExtractedArticleSchema.parse(reordered))).toBe(
      contentHashOf(ExtractedArticleSchema.parse(doc)),
    );
  });

  it('is the same when a default is spelled out or $schema is added', () => {
    const spelled = articleDoc()
      .add('State', 'a')
      .add('State', 'b')
      .claim('THREATENS', 'a', 'b', { modality: 'asserted', confidence: 1 });
    expect(contentHashOf(spelled.set({ $schema: 'x.json' }).parse())).toBe(contentHashOf(base().parse()));
  });

  it('changes when the content changes', () => {
    expect(contentHashOf(base().article({ title: 'Other' }).parse())).not.toBe(contentHashOf(base().parse()));
  });

  it('serializes with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('values are data', () => {
  it("keeps x'}) MATCH (n) DETACH DELETE n // literally in the rows", () => {
    const hostile = "x'}) MATCH (n) DETACH DELETE n //";
    const article = articleDoc()
      .add('Group', 'g', { name: hostile })
      .add('State', 's')
      .claim('OPERATES_IN', 'g', 's', { quote: hostile })
      .parse();
    const plan = planArticleWrite(article, resolution(), HASH);
    expect(plan.entities[0]?.name).toBe(hostile);
    expect(plan.relationsByType.OPERATES_IN?.[0]?.props.quote).toBe(hostile);
  });
});
