import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import {
  ARTICLE_LABEL,
  CLAIM_LABEL,
  DERIVED_RELATIONSHIP_TYPES,
  ENTITY_LABEL,
  ENTITY_TYPES,
  INGEST_LOCK_LABEL,
  MERGE_LABEL,
  RELATION_TYPES,
} from '../../../src/domain/vocabulary.ts';
import { SRC, sourceFiles } from '../../fixtures/source-files.ts';

const LABELS = new Set<string>([
  ...ENTITY_TYPES,
  ENTITY_LABEL,
  ARTICLE_LABEL,
  CLAIM_LABEL,
  MERGE_LABEL,
  INGEST_LOCK_LABEL,
]);
const RELATIONSHIP_TYPES = new Set<string>([...RELATION_TYPES, ...Object.values(DERIVED_RELATIONSHIP_TYPES)]);

/** A string is Cypher when it holds a clause keyword; plain prose rarely shouts MATCH. */
const CYPHER_CLAUSE = /\b(MATCH|MERGE|CREATE|UNWIND|RETURN|WITH|WHERE|DELETE|SET|CALL|COUNT|COLLECT|EXISTS)\b/;

/**
 * The labels and relationship types a Cypher text spells out: `(n:Label&Other)`, `WHERE n:Label`,
 * `[r:TYPE|OTHER]`. What a template interpolates (`(n:${ENTITY})`) is not text, and is not seen.
 */
function cypherTokens(cypher: string): { labels: string[]; relationshipTypes: string[] } {
  const split = (expression: string) => expression.split(/[&|]/).filter(Boolean);
  const labels = [
    ...[...cypher.matchAll(/\(\w*:([A-Za-z_][\w&|]*)/g)].flatMap((m) => split(m[1]!)),
    ...[...cypher.matchAll(/\b(?:WHERE|AND|OR|NOT)\s+\w+:([A-Za-z_][\w&|]*)/g)].flatMap((m) => split(m[1]!)),
  ];
  const relationshipTypes = [...cypher.matchAll(/\[\w*:([A-Za-z_][\w|]*)/g)].flatMap((m) => split(m[1]!));
  return { labels, relationshipTypes };
}

/** Every string literal and template part of a TypeScript file (the text between interpolations). */
function stringTexts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const texts: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      texts.push(node.head.text, ...node.templateSpans.map((span) => span.literal.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
}

/** Each Cypher text of src/ that names a label or relationship type outside the vocabulary. */
function tokensOutsideTheVocabulary(): string[] {
  return sourceFiles(SRC).flatMap((file) =>
    stringTexts(file)
      .filter((text) => CYPHER_CLAUSE.test(text))
      .flatMap((text) => {
        const { labels, relationshipTypes } = cypherTokens(text);
        return [
          ...labels.filter((label) => !LABELS.has(label)).map((label) => `label :${label}`),
          ...relationshipTypes.filter((type) => !RELATIONSHIP_TYPES.has(type)).map((type) => `type [:${type}]`),
        ].map((token) => `${relative(SRC, file)}: ${token}`);
      }),
  );
}

describe('Cypher spells labels and relationship types only from the vocabulary', () => {
  test('the scan finds labels and types in node patterns, label predicates and relationship patterns', () => {
    const tokens = cypherTokens('MATCH (n:Entity&Statment)-[r:CRITICISES|SUPPORTS]->(:Aticle) WHERE m:Persn');
    expect(tokens.labels).toEqual(['Entity', 'Statment', 'Aticle', 'Persn']);
    expect(tokens.relationshipTypes).toEqual(['CRITICISES', 'SUPPORTS']);
  });

  test('interpolated labels are the vocabulary guards’ business, not text', () => {
    expect(cypherTokens('MATCH (n:${ENTITY})-[:${ISSUED}]->(m)')).toEqual({ labels: [], relationshipTypes: [] });
  });

  test('every label and relationship type written as text in src/ is in the vocabulary', () => {
    expect(tokensOutsideTheVocabulary()).toEqual([]);
  });
});
