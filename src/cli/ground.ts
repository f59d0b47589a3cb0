import { readFile, rename, writeFile } from 'node:fs/promises';
import { loadConfig } from '../config.ts';
import { groundDocument } from '../ingest/ground-quotes.ts';
import { ingestLimitsOf } from '../ingest/ingest-limits.ts';
import { formatIssueReport, type ValidationIssue } from '../ingest/issues.ts';
import { ArticleReadError, readArticleFile } from '../ingest/read-article-source.ts';
import { SeedUsageError } from '../ingest/seed-run.ts';
import { documentText } from '../ingest/upgrade-files.ts';
import { validateArticleFile } from '../ingest/validate-article.ts';
import { UsageError, runCommand, type OptionSpecs } from './run-command.ts';

const OPTIONS = {
  text: { type: 'string', value: '<file>', description: 'the article text (UTF-8) the quotes are taken from' },
  write: { type: 'boolean', default: false, description: 'rewrite the file in place instead of printing it' },
} as const satisfies OptionSpecs;

interface GroundOptions {
  file: string;
  textFile: string;
  write: boolean;
}

function groundOptions({
  values,
  positionals,
}: {
  values: { text?: string; write?: boolean };
  positionals: string[];
}): GroundOptions {
  if (values.text === undefined) throw new UsageError('Give the article text with --text <file>.');
  if (positionals.length !== 1) throw new UsageError('Name one extracted-article file.');
  return { file: positionals[0]!, textFile: values.text, write: values.write ?? false };
}

async function validated(file: string, json: unknown, limits: ReturnType<typeof ingestLimitsOf>) {
  const { article, issues } = validateArticleFile(json, file, limits);
  if (article && article.formatVersion !== 2) {
    return [
      {
        file,
        path: 'formatVersion',
        message: 'expected format version 2: upgrade the file first (npm run format:upgrade)',
      },
    ];
  }
  return issues;
}

function refuse(issues: ValidationIssue[], maxShown: number): number {
  console.error(`${formatIssueReport(issues, maxShown)}\nNothing was written.`);
  return 1;
}

async function ground(options: GroundOptions): Promise<number> {
  const limits = ingestLimitsOf(loadConfig());
  let json: unknown;
  try {
    json = await readArticleFile(options.file, limits);
  } catch (error) {
    if (error instanceof ArticleReadError) return refuse(error.issues, limits.maxIssuesShown);
    throw error;
  }
  const before = await validated(options.file, json, limits);
  if (before.length > 0) return refuse(before, limits.maxIssuesShown);
  const text = await readFile(options.textFile, 'utf8');
  const grounded = groundDocument(json as Record<string, unknown>, text, options.file, options.textFile);
  if (grounded.issues.length > 0) return refuse(grounded.issues, limits.maxIssuesShown);
  // The result must read as a valid file too (e.g. a text over the size limit would not).
  const after = await validated(options.file, grounded.document, limits);
  if (after.length > 0) return refuse(after, limits.maxIssuesShown);
  const output = documentText(grounded.document);
  if (!options.write) {
    process.stdout.write(output);
    return 0;
  }
  const partial = `${options.file}.${process.pid}.partial`;
  await writeFile(partial, output);
  await rename(partial, options.file);
  console.log(
    `Located ${grounded.quotes} quotes of ${options.file} in ${options.textFile}; offsets and the text's sha256 written.`,
  );
  return 0;
}

void runCommand({
  invocation: 'npm run ground',
  summary:
    "Locates every quote of a format version 2 extracted-article file in the article's text and writes their offsets (quoteStart, quoteEnd) and the text's sha256 (article.textSha256) into the file, without copying the text into it (docs/extracted-article.md, Grounding). Nothing is written when a quote is not in the text. Without --write, prints the grounded file.",
  synopsis: '--text <file> <article.json>',
  positionals: [['article.json', 'the extracted-article file to ground']],
  options: OPTIONS,
  environment: ['INGEST_MAX_BYTES', 'INGEST_MAX_ENTITIES', 'INGEST_MAX_RELATIONS', 'INGEST_MAX_ISSUES_SHOWN'],
  exitCodes: [[1, 'a quote not in the text, an invalid file (nothing written), or a failure']],
  usageErrors: [SeedUsageError],
  run: (args) => ground(groundOptions(args)),
});
