/**
 * One owner of the driver: src/db/driver.ts creates every Neo4j driver (`openDb`), with the
 * project's settings (integers as numbers, bounded retries and timeouts). A driver made anywhere
 * else in src/ would have the driver's defaults, a minute of retries and lossy 64-bit integers,
 * and a pool of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const SRC = join(ROOT, 'src');
const OWNER = 'src/db/driver.ts';

/** `file:line` of every call that creates a driver: `neo4j.driver(…)`, or `driver(…)` imported from neo4j-driver. */
function driverCreations(file: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const modules = new Set<string>();
  const functions = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== 'neo4j-driver') continue;
    const clause = statement.importClause;
    if (clause?.name) modules.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) modules.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        if ((element.propertyName ?? element.name).text === 'driver') functions.add(element.name.text);
      }
    }
  }
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const createsDriver =
        (ts.isPropertyAccessExpression(callee) &&
          callee.name.text === 'driver' &&
          ts.isIdentifier(callee.expression) &&
          modules.has(callee.expression.text)) ||
        (ts.isIdentifier(callee) && functions.has(callee.text));
      if (createsDriver) found.push(`${file}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe('the scan', () => {
  test('finds a driver created through the default, namespace or named import', () => {
    expect(driverCreations('a.ts', `import neo4j from 'neo4j-driver';\nconst d = neo4j.driver(uri, auth);`)).toEqual([
      'a.ts:2',
    ]);
    expect(driverCreations('b.ts', `import * as n4j from 'neo4j-driver';\nn4j.driver(uri);`)).toEqual(['b.ts:2']);
    expect(driverCreations('c.ts', `import { driver as connect } from 'neo4j-driver';\nconnect(uri);`)).toEqual([
      'c.ts:2',
    ]);
  });

  test('ignores the driver property of anything else', () => {
    expect(
      driverCreations('d.ts', `import neo4j from 'neo4j-driver';\ndb.driver.executeQuery(q); neo4j.int(1);`),
    ).toEqual([]);
    expect(driverCreations('e.ts', `import other from 'other';\nother.driver(uri);`)).toEqual([]);
  });
});

describe('src/ creates drivers in one place', () => {
  const creations = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .flatMap((path) => driverCreations(relative(ROOT, join(SRC, path)), readFileSync(join(SRC, path), 'utf8')));

  test(`${OWNER} creates the driver`, () => {
    // If this finds nothing, the scan is broken and the next test proves nothing.
    expect(creations.filter((site) => site.startsWith(`${OWNER}:`))).toHaveLength(1);
  });

  test('no other file of src/ creates one: they call openDb', () => {
    expect(creations.filter((site) => !site.startsWith(`${OWNER}:`))).toEqual([]);
  });
});
