/**
 * The JSON Schema of the extracted-article format, for editors (`"$schema"` in a file),
 * generated from the zod schema so the two cannot drift: one of version 1 and version 2,
 * told apart by `formatVersion`. `schema/extracted-article.schema.json` is this, written by
 * `scripts/export-json-schema.ts`; a unit test fails when it is stale.
 */
import { z } from 'zod';
import { ArticleFileSchema, FORMAT_VERSIONS, RelationSchema, RelationV1Schema } from './article.schema.ts';
import {
  DEMAND_RELATION_TYPES,
  RELATION_TYPES,
  V1_RELATION_TYPES,
  isClaimType,
  type RelationType,
} from './vocabulary.ts';

export const ARTICLE_JSON_SCHEMA_ID = 'urn:geopolitics-graph:schema:extracted-article';
export const ARTICLE_JSON_SCHEMA_PATH = 'schema/extracted-article.schema.json';

/** `if type is one of types then key is required`, for rules zod expresses in code. */
function requiredFor(types: readonly string[], key: string) {
  return {
    if: { properties: { type: { enum: [...types] } }, required: ['type'] },
    then: { required: [key] },
  };
}

/** A claim needs its quote, CALLS_ON and SEEKS their demand: among the types a version knows. */
function relationRules(types: readonly RelationType[]) {
  return [
    requiredFor(types.filter(isClaimType), 'quote'),
    requiredFor(
      DEMAND_RELATION_TYPES.filter((type) => types.includes(type)),
      'demand',
    ),
  ];
}

const isVariantOf = (jsonSchema: Record<string, unknown>, type: string) =>
  (jsonSchema.properties as Record<string, { const?: unknown }> | undefined)?.type?.const === type;

export function articleJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ArticleFileSchema, {
    target: 'draft-2020-12',
    // The input side: fields with defaults are optional for whoever writes the file.
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      // Rules the validator checks in code, spelled out so editors flag them too.
      if (zodSchema === RelationSchema) jsonSchema.allOf = relationRules(RELATION_TYPES);
      if (zodSchema === RelationV1Schema) jsonSchema.allOf = relationRules(V1_RELATION_TYPES);
      if (isVariantOf(jsonSchema, 'Place')) {
        jsonSchema.dependentRequired = { latitude: ['longitude'], longitude: ['latitude'] };
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
