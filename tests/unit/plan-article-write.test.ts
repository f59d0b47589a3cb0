import { describe, expect, it } from 'vitest';
import { ExtractedArticleSchema } from '../../src/domain/article.schema.ts';
import { articleV2Document } from '../../src/domain/format-upgrade.ts';
import { DEFAULT_INGEST_LIMITS } from '../../src/ingest/ingest-limits.ts';
import { canonicalJson, contentHashOf, planArticleWrite } from '../../src/ingest/plan-article-write.ts';
import { readArticleFile } from '../../src/ingest/read-article-source.ts';
import { validateArticleFile } from '../../src/ingest/validate-article.ts';
import type { Merge, Resolution } from '../../src/ingest/resolve-run.ts';
import { articleDoc, articleDocV2, held } from '../fixtures/article-builder.ts';

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
      copyright: null,
      sourceReliability: null,
      textSha256: null,
      text: null,
      publisherId: null,
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

  it("carries the article text, which the quotes' offsets point into", () => {
    const article = articleDoc()
      .article({ text: 'body', url: 'https://dawn.com/1', publisher: 'Dawn', language: 'en' })
      .parse();
    const row = planArticleWrite(article, resolution(), HASH).article;
    expect(row).toMatchObject({ url: 'https://dawn.com/1', publisher: 'Dawn', language: 'en', text: 'body' });
  });

  it('carries the copyright, the rating and the canonical id of the publisher', () => {
    const article = articleDocV2()
      .article({ copyright: '© Dawn 2024', sourceReliability: 'B', publisherId: 'dawn-news' })
      .add('Group', 'dawn-news', { category: 'media' })
      .parse();
    expect(planArticleWrite(article, resolution({ 'dawn-news': 'dawn' }), HASH).article).toMatchObject({
      copyright: '© Dawn 2024',
      sourceReliability: 'B',
      publisherId: 'dawn',
    });
  });

  it("takes the publisher's rating when the article gives none", () => {
    const article = articleDocV2()
      .article({ publisherId: 'dawn' })
      .add('Group', 'dawn', { category: 'media', sourceReliability: 'C' })
      .add('State', 'a')
      .add('State', 'b')
      .claim('THREATENS', 'a', 'b')
      .parse();
    const plan = planArticleWrite(article, resolution(), HASH);
    expect(plan.article.sourceReliability).toBe('C');
    expect(plan.relationsByType.THREATENS?.[0]?.props.sourceReliability).toBe('C');
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
    const absent = { description: null, wikidata: null, unnamed: null };
    expect(planArticleWrite(article, resolution(), HASH).entities.map(({ props }) => props)).toEqual([
      { ...absent, wikidata: 'Q843', iso3: 'PAK' },
      { ...absent, category: null, sourceReliability: null },
      { ...absent, role: 'Foreign Minister', sourceReliability: null },
      { ...absent, date: '2024-10', location: 'Islamabad' },
      { ...absent, description: 'd', date: null, summary: 'text' },
    ]);
  });

  it("carry version 2's types with their numbers and booleans as such", () => {
    const article = articleDocV2()
      .add('Place', 'quetta', { placeType: 'city', latitude: 30.18, longitude: 66.99 })
      .add('Event', 'strikes', { kind: 'strike', start: '2024-03', hypothetical: true })
      .add('Project', 'cpec', { kind: 'infrastructure' })
      .add('Collective', 'the-four', { description: 'China, Iran, Pakistan and Russia' })
      .add('Group', 'terrorists', { unnamed: true })
      .parse();
    const absent = { description: null, wikidata: null, unnamed: null };
    expect(planArticleWrite(article, resolution(), HASH).entities.map(({ props }) => props)).toEqual([
      { ...absent, placeType: 'city', latitude: 30.18, longitude: 66.99 },
      { ...absent, kind: 'strike', start: '2024-03', end: null, hypothetical: true },
      { ...absent, kind: 'infrastructure' },
      { ...absent, description: 'China, Iran, Pakistan and Russia' },
      { ...absent, unnamed: true, category: null, sourceReliability: null },
    ]);
  });

  it('give an unnamed entity no names to be found by: it is never resolved by name', () => {
    const article = articleDocV2()
      .add('Group', 'terrorists-in-balochistan', { name: 'Taliban-backed terrorists', unnamed: true })
      .parse();
    const [row] = planArticleWrite(article, resolution(), HASH).entities;
    expect(row).toMatchObject({ name: 'Taliban-backed terrorists', normalizedNames: [] });
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
      modalities: ['asserted'],
      confidence: 1,
      attributedTo: null,
      date: null,
      effectiveDate: '2024-09',
      dateStart: '2024-09-01',
      dateEnd: '2024-09-30',
      demand: null,
      note: null,
      polarity: 'positive',
      condition: null,
      hypothetical: false,
      validFrom: null,
      validTo: null,
      ended: false,
      validStart: '2024-09-01',
      validEnd: null,
      credibility: null,
      section: 'body',
      quoteStart: null,
      quoteEnd: null,
      sourceReliability: null,
      affirmative: true,
    });
  });

  it("are held by the article's own voice when a version 1 claim names no one", () => {
    expect(plan.relationsByType.SHELTERS?.[0]?.attributions).toEqual([
      { order: 0, holderId: null, stance: 'asserts', reportedBy: null },
    ]);
  });

  it('use their own date, and the canonical id of the actor they are attributed to', () => {
    expect(plan.relationsByType.CALLS_ON?.[0]).toMatchObject({
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
      attributions: [{ order: 0, holderId: 'pakistan', stance: 'alleges', reportedBy: null }],
    });
  });
});

describe('version 2 claims', () => {
  const planOf = (fields: Record<string, unknown>, canonicalIds: Record<string, string> = {}) => {
    const article = articleDocV2()
      .article({ publishedAt: '2024-10-03' })
      .add('State', 'a')
      .add('State', 'b')
      .claim('OPPOSES', 'a', 'b', fields)
      .parse();
    return planArticleWrite(article, resolution(canonicalIds), HASH).relationsByType.OPPOSES?.[0];
  };

  it('carry every attribution in order, holders by canonical id, with what reports what', () => {
    const claim = planOf(
      { attributions: [held('korybko', 'infers'), held('the-4', 'believes', 0), held('pak', 'suspects', 0)] },
      { 'the-4': 'the-four', pak: 'pakistan' },
    );
    expect(claim?.attributions).toEqual([
      { order: 0, holderId: 'korybko', stance: 'infers', reportedBy: null },
      { order: 1, holderId: 'the-four', stance: 'believes', reportedBy: 0 },
      { order: 2, holderId: 'pakistan', stance: 'suspects', reportedBy: 0 },
    ]);
    expect(claim?.props).toMatchObject({ modality: 'implied', attributedTo: 'korybko', affirmative: true });
  });

  it.each([
    ['a negative polarity', { polarity: 'negative' }],
    ['a condition', { condition: 'if b strikes' }],
    ['a hypothetical', { hypothetical: true }],
    ['a denial', { attributions: [held('b', 'denies')] }],
    ['a hope only', { attributions: [held('a', 'hopes'), held('b', 'fears')] }],
  ])('are not affirmative with %s', (_what, fields) => {
    expect(planOf(fields)?.props.affirmative).toBe(false);
  });

  it('are affirmative when one holder affirms what another denies', () => {
    expect(planOf({ attributions: [held('a', 'alleges'), held('b', 'denies')] })?.props).toMatchObject({
      affirmative: true,
      modality: 'alleged',
    });
  });

  it('read a v1 denied claim as a denial by its holder: not affirmative, modality denied', () => {
    const article = articleDoc()
      .add('State', 'a')
      .add('State', 'b')
      .claim('OPPOSES', 'a', 'b', { modality: 'denied', attributedTo: 'a' })
      .parse();
    const claim = planArticleWrite(article, resolution(), HASH).relationsByType.OPPOSES?.[0];
    expect(claim?.props).toMatchObject({
      modality: 'denied',
      attributedTo: 'a',
      polarity: 'positive',
      affirmative: false,
    });
    expect(claim?.attributions).toEqual([{ order: 0, holderId: 'a', stance: 'denies', reportedBy: null }]);
  });

  it('carry the span they hold over, its bounds, credibility and section', () => {
    expect(
      planOf({ validFrom: '2023', validTo: '2024-09', ended: true, credibility: 2, section: 'headline' })?.props,
    ).toMatchObject({
      validFrom: '2023',
      validTo: '2024-09',
      ended: true,
      validStart: '2023-01-01',
      validEnd: '2024-09-30',
      credibility: 2,
      section: 'headline',
    });
  });

  it("end with the claim's date when they ended without a validTo", () => {
    expect(planOf({ ended: true })?.props).toMatchObject({ validStart: '2024-10-03', validEnd: '2024-10-03' });
  });
});

describe('quote offsets', () => {
  const text = 'Islamabad said on Tuesday:\n“Kabul shelters the TTP” — a charge the Taliban deny.';
  const claimIn = (articleText: string | undefined, quote: string) => {
    const article = articleDocV2()
      .article({ text: articleText })
      .add('State', 'pakistan')
      .add('Group', 'ttp')
      .claim('SHELTERS', 'pakistan', 'ttp', { quote })
      .parse();
    return planArticleWrite(article, resolution(), HASH).relationsByType.SHELTERS?.[0]?.props;
  };

  it('point at the quote in the article text', () => {
    const props = claimIn(text, 'a charge the Taliban deny');
    expect(text.slice(props?.quoteStart ?? 0, props?.quoteEnd ?? 0)).toBe('a charge the Taliban deny');
  });

  it('of a quote typed with straight quotes and a hyphen point at the curly quotes and the dash of the text', () => {
    const props = claimIn(text, '"Kabul shelters the TTP" - a charge');
    expect(props).toMatchObject({ quoteStart: text.indexOf('“'), quoteEnd: text.indexOf(' the Taliban') });
    expect(text.slice(props?.quoteStart ?? 0, props?.quoteEnd ?? 0)).toBe('“Kabul shelters the TTP” — a charge');
  });

  it('of a quote that folds a line break into a space span the line break', () => {
    const props = claimIn(text, 'on Tuesday: "Kabul');
    expect(text.slice(props?.quoteStart ?? 0, props?.quoteEnd ?? 0)).toBe('on Tuesday:\n“Kabul');
  });

  it('are null when the article has no text', () => {
    expect(claimIn(undefined, 'anything')).toMatchObject({ quoteStart: null, quoteEnd: null });
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

  it('is the same on every read of the same file, version 1 or 2', async () => {
    const file = 'seed/2024-10-03-korybko-quadrilateral-statement.json';
    const hashOfRead = async () =>
      contentHashOf(validateArticleFile(await readArticleFile(file, DEFAULT_INGEST_LIMITS), file).article!);
    const first = await hashOfRead();
    expect(await hashOfRead()).toBe(first);
    const v2 = articleV2Document(ExtractedArticleSchema.parse(await readArticleFile(file, DEFAULT_INGEST_LIMITS)));
    const v2Hash = contentHashOf(validateArticleFile(v2, file).article!);
    expect(contentHashOf(validateArticleFile(structuredClone(v2), file).article!)).toBe(v2Hash);
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
