/**
 * The JSON Schema of the extracted-article format, for editors (`"$schema"` in a file),
 * generated from the zod schema so the two cannot drift. `schema/extracted-article.schema.json`
 * is this, written by `scripts/export-json-schema.ts`; a unit test fails when it is stale.
 */
import { z } from 'zod';
import { ArticleFileSchema, FORMAT_VERSIONS, RelationSchema, RelationV1Schema } from './article.schema.ts';
import { DEMAND_RELATION_TYPES, RELATION_TYPES, isClaimType } from './vocabulary.ts';

export const ARTICLE_JSON_SCHEMA_ID = 'urn:geopolitics-graph:schema:extracted-article';
export const ARTICLE_JSON_SCHEMA_PATH = 'schema/extracted-article.schema.json';

/** `if type is one of types then key is required`, for rules zod expresses in code. */
function requiredFor(types: readonly string[], key: string) {
  return {
    if: { properties: { type: { enum: [...types] } }, required: ['type'] },
    then: { required: [key] },
  };
}

export function articleJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ArticleFileSchema, {
    target: 'draft-2020-12',
    // The input side: fields with defaults are optional for whoever writes the file.
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      // Rules the validator checks in code, spelled out so editors flag them too.
      if (zodSchema === RelationSchema || zodSchema === RelationV1Schema) {
        jsonSchema.allOf = [
          requiredFor(RELATION_TYPES.filter(isClaimType), 'quote'),
          requiredFor(DEMAND_RELATION_TYPES, 'demand'),
        ];
      }
    },
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: ARTICLE_JSON_SCHEMA_ID,
    title: `Extracted article, format version ${FORMAT_VERSIONS.join(' or ')}`,
    ...rest,
  };
}

/** The file's exact text: 2-space indentation and a trailing newline. */
export function articleJsonSchemaText(): string {
  return `${JSON.stringify(articleJsonSchema(), null, 2)}\n`;
}
