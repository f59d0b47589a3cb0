import { readFileSync } from 'node:fs';
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
import { articleDoc } from '../fixtures/article-builder.ts';

const schemaFile = fileURLToPath(new URL(`../../${ARTICLE_JSON_SCHEMA_PATH}`, import.meta.url));

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
      title: 'Extracted article, format version 1',
    });
  });

  it('does not require fields that have defaults', () => {
    const relation = (articleJsonSchema().properties as Record<string, { items: { required: string[] } }>).relations;
    expect(relation?.items.required).toEqual(['type', 'source', 'target']);
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
