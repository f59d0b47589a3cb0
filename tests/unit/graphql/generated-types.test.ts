import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import prettier from 'prettier';
import { expect, test } from 'vitest';
import config, { RESOLVER_TYPES_FILE } from '../../../codegen.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

test('the committed resolver types are what schema/*.graphql generates (else run npm run codegen)', async () => {
  const file = resolve(ROOT, RESOLVER_TYPES_FILE);
  // Typed loosely by codegen (its watch mode returns no list): the file outputs of a single run.
  const outputs: Array<{ filename: string; content: string }> = await generate(
    { ...config, cwd: ROOT, silent: true },
    false,
  );
  const generated = outputs.find((output) => resolve(ROOT, output.filename) === file);
  if (!generated) throw new Error(`codegen.ts generates no ${RESOLVER_TYPES_FILE}`);
  const formatted = await prettier.format(generated.content, {
    ...(await prettier.resolveConfig(file)),
    filepath: file,
  });
  expect(readFileSync(file, 'utf8')).toBe(formatted);
}, 60_000);
