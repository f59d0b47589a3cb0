/** Writes schema/extracted-article.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ARTICLE_JSON_SCHEMA_PATH, articleJsonSchemaText } from '../src/domain/json-schema.ts';

const target = fileURLToPath(new URL(`../${ARTICLE_JSON_SCHEMA_PATH}`, import.meta.url));
writeFileSync(target, articleJsonSchemaText());
console.log(`wrote ${ARTICLE_JSON_SCHEMA_PATH}`);
