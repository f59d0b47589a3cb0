import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** rootDir and outDir of the compiled server (tsconfig.build.json), relative to the project. */
export function buildDirs(): { rootDir: string; outDir: string } {
  const path = join(ROOT, 'tsconfig.build.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  const { rootDir, outDir } = parsed?.options ?? {};
  if (!rootDir || !outDir) throw new Error('tsconfig.build.json sets no rootDir or outDir');
  return { rootDir: relative(ROOT, rootDir), outDir: relative(ROOT, outDir) };
}

/**
 * The source a compiled file comes from: `dist/cli/serve.js` → `src/cli/serve.ts`. Throws when
 * the file is not under outDir or its source does not exist, so a command naming a file the
 * build never writes fails here, before any image is built.
 */
export function compiledFrom(compiled: string): string {
  const { rootDir, outDir } = buildDirs();
  const inOut = relative(outDir, compiled);
  if (inOut.startsWith('..') || !inOut.endsWith('.js')) {
    throw new Error(`${compiled} is not a file that npm run build writes (in ${outDir}/, ending .js)`);
  }
  const source = join(rootDir, inOut.replace(/\.js$/, '.ts'));
  if (!existsSync(join(ROOT, source)))
    throw new Error(`${compiled} would be compiled from ${source}, which does not exist`);
  return source;
}
