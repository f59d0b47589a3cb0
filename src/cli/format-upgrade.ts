import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadConfig } from '../config.ts';
import { ingestLimitsOf } from '../ingest/ingest-limits.ts';
import { formatIssueReport } from '../ingest/issues.ts';
import { SeedUsageError } from '../ingest/seed-run.ts';
import { findArticleFiles, upgradeFiles, type FoundFile } from '../ingest/upgrade-files.ts';
import { UsageError, runCommand, type OptionSpecs } from './run-command.ts';

const OPTIONS = {
  write: { type: 'boolean', default: false, description: 'rewrite each version 1 file in place' },
  out: {
    type: 'string',
    value: '<dir>',
    description: 'write the version 2 files into that folder instead (same names, folders kept)',
  },
} as const satisfies OptionSpecs;

interface UpgradeOptions {
  write: boolean;
  out?: string;
  paths: string[];
}

function upgradeOptions({
  values,
  positionals,
}: {
  values: { write?: boolean; out?: string };
  positionals: string[];
}): UpgradeOptions {
  if (positionals.length === 0) throw new UsageError('Name the files or folders to upgrade.');
  if (values.write && values.out !== undefined) throw new UsageError('--write and --out exclude each other.');
  return { write: values.write ?? false, out: values.out, paths: positionals };
}

/** Written beside the target, then renamed over it: a killed run never leaves half a file. */
async function writeWhole(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, text);
  await rename(partial, path);
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

async function upgrade(options: UpgradeOptions): Promise<number> {
  const files = await findArticleFiles(options.paths);
  if (files.length === 0) throw new UsageError(`No .json files in ${options.paths.join(', ')}.`);
  const toStdout = !options.write && options.out === undefined;
  if (toStdout && files.length > 1) {
    throw new UsageError(`${plural(files.length, 'file')} found: give --write or --out <dir> to rewrite several.`);
  }
  const limits = ingestLimitsOf(loadConfig());
  const { upgraded, current, issues } = await upgradeFiles(files, limits);
  if (issues.length > 0) {
    console.error(
      `${formatIssueReport(issues, limits.maxIssuesShown)}\n${plural(issues.length, 'problem')} in the input; nothing was written.`,
    );
    return 1;
  }
  if (toStdout) {
    const [only] = upgraded;
    if (only) process.stdout.write(only.text);
    else console.error(`${files[0]?.file} is already format version 2; nothing to do.`);
    return 0;
  }
  const target = (found: FoundFile) => (options.out === undefined ? found.file : join(options.out, found.name));
  for (const found of upgraded) await writeWhole(target(found), found.text);
  console.log(
    [
      `Rewrote ${plural(upgraded.length, 'file')} as format version 2${current.length > 0 ? `; ${current.length} already version 2, left as ${current.length === 1 ? 'it was' : 'they were'}` : ''}.`,
      ...upgraded.map((found) => `  ${found.file} → ${target(found)}`),
    ].join('\n'),
  );
  return 0;
}

void runCommand({
  invocation: 'npm run format:upgrade',
  summary:
    'Rewrites extracted-article files of format version 1 as version 2 (docs/extracted-article.md): every file is validated first, and nothing is written when any is invalid; version 2 files are left as they are. Without --write or --out, prints the one file it is given.',
  synopsis: '<paths...>',
  positionals: [['paths', 'extracted-article files or folders']],
  options: OPTIONS,
  environment: ['INGEST_MAX_BYTES', 'INGEST_MAX_ENTITIES', 'INGEST_MAX_RELATIONS', 'INGEST_MAX_ISSUES_SHOWN'],
  exitCodes: [[1, 'an invalid file (nothing written; every problem listed) or a failure']],
  usageErrors: [SeedUsageError],
  run: (args) => upgrade(upgradeOptions(args)),
});
