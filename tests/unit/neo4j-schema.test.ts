import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSchemaStatements, SCHEMA_DIR } from '../../src/db/migrate.ts';
import { renderSchemaFile, schemaStatements } from '../../src/db/schema-statements.ts';
import { RELATION_TYPES } from '../../src/domain/vocabulary.ts';

describe('Neo4j schema', () => {
  test('schema/neo4j-schema.cypher is up to date with the vocabulary (npm run schema:export)', () => {
    expect(readFileSync(join(SCHEMA_DIR, 'neo4j-schema.cypher'), 'utf8')).toBe(renderSchemaFile());
  });

  test('every statement is idempotent', () => {
    for (const statement of readSchemaStatements()) expect(statement).toMatch(/ IF NOT EXISTS /);
  });

  test('every vocabulary relationship type has an index on its key, the order pages walk', () => {
    for (const type of RELATION_TYPES) {
      expect(schemaStatements()).toContain(
        `CREATE INDEX rel_${type.toLowerCase()}_key IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.key)`,
      );
    }
  });

  test('claims are unique by id and looked up by relation and by article through indexes', () => {
    const statements = schemaStatements().join('\n');
    expect(statements).toContain('FOR (n:Claim) REQUIRE n.id IS UNIQUE');
    expect(statements).toContain('FOR (n:Claim) ON (n.relation)');
    expect(statements).toContain('FOR (n:Claim) ON (n.articleId)');
  });

  test('claims no relationship counts are found by an index on affirmative, holders’ stances by one on HELD_BY', () => {
    const statements = schemaStatements().join('\n');
    expect(statements).toContain('FOR (n:Claim) ON (n.affirmative)');
    expect(statements).toContain('FOR ()-[r:HELD_BY]-() ON (r.stance)');
  });

  test('entity and article ids are unique, and names and aliases have a full-text index', () => {
    const statements = readSchemaStatements().join('\n');
    expect(statements).toContain('FOR (n:Entity) REQUIRE n.id IS UNIQUE');
    expect(statements).toContain('FOR (n:Article) REQUIRE n.id IS UNIQUE');
    expect(statements).toContain(
      'CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]',
    );
  });
});
