import { describe, expect, it } from 'vitest';
import { ArticleV1Schema, ExtractedArticleSchema } from '../../src/domain/article.schema.ts';
import { articleV2Document, upgradeArticleV1 } from '../../src/domain/format-upgrade.ts';
import { MODALITIES } from '../../src/domain/vocabulary.ts';
import { contentHashOf } from '../../src/ingest/plan-article-write.ts';
import { validateArticleFile } from '../../src/ingest/validate-article.ts';
import { articleDoc } from '../fixtures/article-builder.ts';

const v1 = (fields: Record<string, unknown>) =>
  ArticleV1Schema.parse(
    articleDoc()
      .add('State', 'pakistan')
      .add('Group', 'taliban')
      .add('Group', 'ttp')
      .claim('SHELTERS', 'taliban', 'ttp', { quote: 'are being sheltered', ...fields })
      .build(),
  );
const upgradedRelation = (fields: Record<string, unknown>) => upgradeArticleV1(v1(fields)).relations[0];

describe('a version 1 relation read as version 2', () => {
  it.each([
    ['asserted', 'asserts'],
    ['alleged', 'alleges'],
    ['implied', 'implies'],
    ['denied', 'denies'],
    ['speculated', 'speculates'],
  ])('takes the modality %s as the stance %s of its one attribution', (modality, stance) => {
    expect(upgradedRelation({ modality, attributedTo: 'pakistan' })?.attributions).toEqual([
      { holder: 'pakistan', stance },
    ]);
  });

  it('maps every modality the vocabulary has', () => {
    for (const modality of MODALITIES) {
      expect(upgradedRelation({ modality })?.attributions).toHaveLength(1);
    }
  });

  it("is held by the article's own voice when it names no one", () => {
    expect(upgradedRelation({ modality: 'implied' })?.attributions).toEqual([{ stance: 'implies' }]);
  });

  it('is asserted by the article when it gives no modality', () => {
    expect(upgradedRelation({})?.attributions).toEqual([{ stance: 'asserts' }]);
  });

  it('keeps a denial positive: who denies is the holder, what is denied is the claim', () => {
    expect(upgradedRelation({ modality: 'denied', attributedTo: 'pakistan' })).toMatchObject({
      polarity: 'positive',
      attributions: [{ holder: 'pakistan', stance: 'denies' }],
    });
  });

  it('keeps every other field and takes the defaults of what version 2 adds', () => {
    expect(upgradedRelation({ confidence: 0.75, date: '2024-09', note: 'n' })).toEqual({
      type: 'SHELTERS',
      source: 'taliban',
      target: 'ttp',
      quote: 'are being sheltered',
      confidence: 0.75,
      date: '2024-09',
      note: 'n',
      polarity: 'positive',
      attributions: [{ stance: 'asserts' }],
      hypothetical: false,
      ended: false,
      section: 'body',
    });
  });

  it('keeps the article and the entities as they are, and says it was written in version 1', () => {
    const file = v1({});
    const upgraded = upgradeArticleV1(file);
    expect(upgraded.formatVersion).toBe(1);
    expect(upgraded.article).toEqual(file.article);
    expect(upgraded.entities).toEqual(file.entities);
  });
});

describe('the version 2 document of an article', () => {
  it('leaves out the defaults and says formatVersion 2', () => {
    const document = articleV2Document(upgradeArticleV1(v1({ modality: 'asserted', confidence: 1 })));
    expect(document.formatVersion).toBe(2);
    expect(document.relations).toEqual([
      { type: 'SHELTERS', source: 'taliban', target: 'ttp', quote: 'are being sheltered' },
    ]);
  });

  it('writes the attribution a version 1 modality and attributedTo said, after the quote', () => {
    const document = articleV2Document(
      upgradeArticleV1(v1({ modality: 'alleged', attributedTo: 'pakistan', confidence: 0.75 })),
    );
    const [relation] = document.relations as Array<Record<string, unknown>>;
    expect(relation).toEqual({
      type: 'SHELTERS',
      source: 'taliban',
      target: 'ttp',
      quote: 'are being sheltered',
      attributions: [{ holder: 'pakistan', stance: 'alleges' }],
      confidence: 0.75,
    });
    expect(Object.keys(relation ?? {})).toEqual(['type', 'source', 'target', 'quote', 'attributions', 'confidence']);
  });

  it("keeps the file's $schema", () => {
    const file = ArticleV1Schema.parse(
      articleDoc().set({ $schema: '../schema/extracted-article.schema.json' }).build(),
    );
    expect(articleV2Document(upgradeArticleV1(file)).$schema).toBe('../schema/extracted-article.schema.json');
  });

  it.each(MODALITIES)('of a version 1 file with the modality %s is valid and reads as the same article', (modality) => {
    const file = articleDoc()
      .article({ text: 'Pakistan says the TTP are being sheltered by the Taliban.' })
      .add('State', 'pakistan')
      .add('Group', 'taliban')
      .add('Group', 'ttp')
      .claim('SHELTERS', 'taliban', 'ttp', { quote: 'are being sheltered', modality, attributedTo: 'pakistan' })
      .build();
    const read = ExtractedArticleSchema.parse(file);
    const rewritten = validateArticleFile(articleV2Document(read), 'upgraded.json');
    expect(rewritten.issues).toEqual([]);
    expect(rewritten.article).toEqual({ ...read, formatVersion: 2 });
    expect(contentHashOf(rewritten.article!)).toBe(contentHashOf(read));
  });
});
