import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SRC, sourceFiles } from '../../fixtures/source-files.ts';

/** Static imports, re-exports and dynamic imports of relative modules, as `src/`-relative paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => relative(SRC, resolve(dirname(file), specifier)));
}

/** Every import from a module under `layer` into one of the `forbidden` folders, as "file → module". */
function crossings(layer: string, forbidden: readonly string[]): string[] {
  return sourceFiles(join(SRC, layer)).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.some((folder) => target.startsWith(`${folder}/`)))
      .map((target) => `${relative(SRC, file)} → ${target}`),
  );
}

describe('module boundaries: ingest → domain ← db, graphql on top', () => {
  test('the scan sees the imports it checks (db imports the domain)', () => {
    expect(crossings('db', ['domain'])).not.toEqual([]);
  });

  test('src/db imports nothing from src/ingest or src/graphql', () => {
    expect(crossings('db', ['ingest', 'graphql'])).toEqual([]);
  });

  test('src/domain imports nothing from src/db, src/ingest or src/graphql', () => {
    expect(crossings('domain', ['db', 'ingest', 'graphql'])).toEqual([]);
  });
});
