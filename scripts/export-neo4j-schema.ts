import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR } from '../src/db/migrate.ts';
import { renderSchemaFile } from '../src/db/schema-statements.ts';

const target = join(SCHEMA_DIR, 'neo4j-schema.cypher');
writeFileSync(target, renderSchemaFile());
console.log(`wrote ${target}`);
