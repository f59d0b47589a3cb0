import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_JSON_SCHEMA_ID,
  ARTICLE_JSON_SCHEMA_PATH,
  articleJsonSchema,
  articleJsonSchemaText,
} from '../../src/domain/json-schema.ts';
import { ArticleV1Schema } from '../../src/domain/article.schema.ts';
import { articleV2Document, upgradeArticleV1 } from '../../src/domain/format-upgrade.ts';
import { articleDoc, articleDocV2, held } from '../fixtures/article-builder.ts';

const schemaFile = fileURLToPath(new URL(`../../${ARTICLE_JSON_SCHEMA_PATH}`, import.meta.url));
const seedFolder = fileURLToPath(new URL('../../seed/', import.meta.url));
const seedFiles = readdirSync(seedFolder).filter((file) => file.endsWith('.json'));
const seedDocument = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`${seedFolder}${file}`, 'utf8')) as Record<string, unknown>;

type Variant = { properties: Record<string, { const?: number; items: { required: string[] } }> };
const variantOf = (version: number) =>
  (articleJsonSchema().oneOf as Variant[]).find((variant) => variant.properties.formatVersion?.const === version);

function editorValidator() {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
}

describe('the exported JSON Schema', () => {
  it('is up to date with the zod schema (run: npx tsx scripts/export-json-schema.ts)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(articleJsonSchemaText());
  });

  it('is draft 2020-12 with an id and a title', () => {
    expect(articleJsonSchema()).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: ARTICLE_JSON_SCHEMA_ID,
      title: 'Extracted article, format version 1 or 2',
    });
  });

  it('is one of version 1 and version 2, told apart by formatVersion', () => {
    expect(articleJsonSchema().oneOf).toHaveLength(2);
    expect(variantOf(1)).toBeDefined();
    expect(variantOf(2)).toBeDefined();
  });

  it.each([1, 2])('does not require the relation fields of version %s that have defaults', (version) => {
    expect(variantOf(version)?.properties.relations?.items.required).toEqual(['type', 'source', 'target']);
  });

  it.each(seedFiles)('accepts the seed file %s', (file) => {
    const validate = editorValidator();
    expect(validate(seedDocument(file)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(seedFiles)('accepts the seed file %s rewritten as version 2 (or as it is, when it is)', (file) => {
    const validate = editorValidator();
    const doc = seedDocument(file);
    const v2 = doc.formatVersion === 1 ? articleV2Document(upgradeArticleV1(ArticleV1Schema.parse(doc))) : doc;
    expect(validate(v2), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts a version 1 document with a modality and an attribution', () => {
    const validate = editorValidator();
    const doc = articleDoc()
      .add('State', 'a')
      .add('Group', 'b')
      .claim('SHELTERS', 'a', 'b', { modality: 'alleged', attributedTo: 'a', confidence: 0.75 })
      .build();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts a version 2 document with every field version 2 adds', () => {
    const validate = editorValidator();
    const doc = articleDocV2()
      .article({ copyright: '© 2024', publisherId: 'wire', sourceReliability: 'C' })
      .add('Group', 'wire', { category: 'media', sourceReliability: 'C', unnamed: false })
      .add('State', 'pakistan')
      .add('Collective', 'the-four')
      .add('Place', 'quetta', { placeType: 'city', latitude: 30.18, longitude: 66.99 })
      .add('Event', 'strikes', { kind: 'strike', start: '2024-03', hypothetical: true })
      .add('Project', 'cpec', { kind: 'infrastructure' })
      .relation('MEMBER_OF', 'pakistan', 'the-four')
      .relation('LOCATED_IN', 'strikes', 'quetta')
      .claim('OPPOSES', 'the-four', 'strikes', {
        polarity: 'negative',
        attributions: [held('wire', 'infers'), held('the-four', 'believes', 0)],
        condition: 'if Pakistan strikes',
        hypothetical: true,
        validFrom: '2024',
        validTo: '2024-10',
        ended: true,
        credibility: 3,
        section: 'body',
      })
      .claim('SEEKS', 'the-four', 'pakistan')
      .build();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it("rejects version 1's modality and attributedTo in a version 2 document", () => {
    const validate = editorValidator();
    const doc = articleDocV2().claim('THREATENS', 'a', 'b', { modality: 'alleged' }).build();
    expect(validate(doc)).toBe(false);
  });

  it('rejects a formatVersion other than 1 or 2', () => {
    expect(editorValidator()(articleDoc().set({ formatVersion: 3 }).build())).toBe(false);
  });

  it('tells editors that SEEKS needs a demand and a Place both coordinates', () => {
    const validate = editorValidator();
    expect(validate(articleDocV2().relation('SEEKS', 'a', 'b', { quote: 'q' }).build())).toBe(false);
    expect(validate(articleDocV2().add('Place', 'p', { latitude: 30 }).build())).toBe(false);
    expect(validate(articleDocV2().add('Place', 'p', { latitude: 30, longitude: 66 }).build())).toBe(true);
  });

  it('accepts a minimal valid document', () => {
    const validate = editorValidator();
    const doc = articleDoc()
      .add('State', 'a')
      .add('State', 'b')
      .claim('CALLS_ON', 'a', 'b')
      .set({ $schema: './x.json' })
      .build();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a document with an unknown key', () => {
    const validate = editorValidator();
    expect(validate(articleDoc().article({ autor: 'x' }).build())).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'autor' } }),
    );
  });

  it('tells editors that a claim needs a quote and CALLS_ON a demand', () => {
    const validate = editorValidator();
    expect(validate(articleDoc().relation('BLAMES', 'a', 'b').build())).toBe(false);
    expect(validate(articleDoc().relation('CALLS_ON', 'a', 'b', { quote: 'q' }).build())).toBe(false);
    expect(validate(articleDoc().relation('MEMBER_OF', 'a', 'b').build())).toBe(true);
  });

  it('rejects a Meeting without date and a bad slug', () => {
    const validate = editorValidator();
    expect(validate(articleDoc().entity({ id: 'm', type: 'Meeting', name: 'M' }).build())).toBe(false);
    expect(validate(articleDoc().article({ id: 'Bad Id' }).build())).toBe(false);
  });
});
