import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { buildDirs, compiledFrom } from './helpers/compiled-from.ts';

/**
 * The server runs as compiled JavaScript: `npm run build` (tsc -b tsconfig.build.json) writes
 * dist/, and `npm start` and `npm run up` build, then run node on it. Whether dist/ runs is
 * tests/integration/build/compiled-server.int.test.ts's question; this one checks the wiring.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

describe('tsconfig.build.json', () => {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.build.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;

  test('compiles src/ alone to dist/, keeping its layout', () => {
    expect(buildDirs()).toEqual({ rootDir: 'src', outDir: 'dist' });
    expect(parsed.fileNames.length).toBeGreaterThan(0);
    expect(parsed.fileNames.filter((file) => !file.startsWith(join(ROOT, 'src') + '/'))).toEqual([]);
  });

  test("emits JavaScript whose imports name .js files (the sources' imports name .ts files)", () => {
    expect(parsed.options.noEmit).toBe(false);
    expect(parsed.options.rewriteRelativeImportExtensions).toBe(true);
  });

  test('builds with `npm run build`', () => {
    expect(scripts.build).toBe('tsc -b tsconfig.build.json');
  });
});

describe.each([
  ['start', 'src/cli/serve.ts'],
  ['up', 'src/cli/up.ts'],
])('npm run %s', (name, source) => {
  test('builds first, in its pre-script', () => {
    expect(scripts[`pre${name}`]).toBe('npm run -s build');
  });

  // `exec`: the shell npm starts (dash keeps itself as node's parent otherwise) becomes node, so a
  // signal sent to the script reaches node; no tsx process between them either.
  test(`runs the compiled ${source} with node alone, in the shell's place`, () => {
    const script = scripts[name]!;
    expect(script).toMatch(/^exec node(\s+--[\w-]+)*\s+\S+\.js$/);
    expect(compiledFrom(script.split(/\s+/).at(-1)!)).toBe(source);
  });
});
