import { loadConfig } from '../config.ts';
import type { LeaseHolder } from '../db/ingest-lease.ts';
import { newTrace } from '../db/cypher-trace.ts';
import { openDb, type Db } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { ingestLimitsOf, type IngestLimits } from '../ingest/ingest-limits.ts';
import { formatGrounding } from '../ingest/grounding.ts';
import { formatIssueReport, formatIssues } from '../ingest/issues.ts';
import {
  DEFAULT_WRITE_BATCH_ROWS,
  SeedUsageError,
  SeedValidationError,
  fileSources,
  listArticleFiles,
  removeArticle,
  seedSources,
  validateRun,
  type SeedProgress,
  type SeedReport,
} from '../ingest/seed-run.ts';
import { createLogger } from '../log/logger.ts';
import { DATABASE_ENVIRONMENT } from './environment-help.ts';
import { progressPrinter } from './progress.ts';
import { loadCommandConfig, runCommand, type CommandContext, type OptionSpecs } from './run-command.ts';

const OPTIONS = {
  'dry-run': { type: 'boolean', default: false, description: 'validate only; needs no database' },
  reset: { type: 'boolean', default: false, description: 'empty the graph before loading' },
  remove: {
    type: 'string',
    value: '<articleId>',
    description: 'remove that article and only the claims it supports',
  },
  'batch-rows': {
    type: 'string',
    value: '<n>',
    description: `entity and claim rows per write transaction (default ${DEFAULT_WRITE_BATCH_ROWS}); a killed run loses at most one batch, and the next run writes it`,
  },
  'require-text': {
    type: 'boolean',
    default: false,
    description: 'refuse articles without text (their quotes cannot be located); nothing is written when one lacks it',
  },
} as const satisfies OptionSpecs;

interface SeedOptions {
  'dry-run': boolean;
  reset: boolean;
  'require-text': boolean;
  remove?: string;
  batchRows: number;
  paths: string[];
}

function seedOptions({
  values,
  positionals,
}: {
  values: Partial<SeedOptions> & { 'batch-rows'?: string };
  positionals: string[];
}): SeedOptions {
  const dryRun = values['dry-run'] ?? false;
  const reset = values.reset ?? false;
  const requireText = values['require-text'] ?? false;
  if (values.remove !== undefined && (dryRun || reset || requireText || positionals.length > 0)) {
    throw new SeedUsageError('--remove takes an article id and no other option or path');
  }
  if (dryRun && reset) throw new SeedUsageError('--dry-run and --reset exclude each other');
  const batchRows = values['batch-rows'] === undefined ? DEFAULT_WRITE_BATCH_ROWS : Number(values['batch-rows']);
  if (!Number.isInteger(batchRows) || batchRows < 1) {
    throw new SeedUsageError(
      `--batch-rows expects a whole number of rows above 0, got ${JSON.stringify(values['batch-rows'])}`,
    );
  }
  return {
    'dry-run': dryRun,
    reset,
    'require-text': requireText,
    remove: values.remove,
    batchRows,
    paths: positionals.length > 0 ? positionals : ['seed'],
  };
}

function printReport(report: SeedReport): void {
  console.log(
    [
      `Seeded ${report.files} file${report.files === 1 ? '' : 's'} in ${(report.durationMs / 1000).toFixed(2)} s:`,
      `  articles:  ${report.articles} (${report.created} new, ${report.replaced} replaced, ${report.unchanged} unchanged)`,
      `  entities:  ${report.entitiesCreated} created, ${report.entitiesMerged} merged`,
      ...report.merges.map(
        (merge) =>
          `    merged "${merge.fromId}" into "${merge.intoId}" (same ${merge.reason}: ${merge.matched}; ${merge.file})`,
      ),
      `  relations: ${report.relationsWritten} written`,
      `  grounding: ${formatGrounding(report.grounding)}${report.unreadUnchanged > 0 ? ` (of the files read; ${report.unreadUnchanged} unchanged, not read)` : ''}`,
    ].join('\n'),
  );
  if (report.warnings.length > 0) console.log(`Warnings:\n${formatIssues(report.warnings)}`);
}

function tellWaiting(holder: LeaseHolder): void {
  console.error(`Waiting for another writer to finish (${holder.purpose}, pid ${holder.pid} on ${holder.host}) ...`);
}

async function withDb<T>(context: CommandContext, work: (db: Db) => Promise<T>): Promise<T> {
  const config = loadCommandConfig(context);
  await using opened = openDb(config);
  // Its transactions say `seed` in SHOW TRANSACTIONS; LOG_LEVEL=debug logs each batch and query on stderr.
  const db: Db = { ...opened, trace: newTrace({ operation: 'seed' }, createLogger(config, 2)) };
  await migrate(db);
  return await work(db);
}

/** The problems, capped at INGEST_MAX_ISSUES_SHOWN, then the summary line. */
function printProblems(error: SeedValidationError, limits: IngestLimits): void {
  console.error(`${formatIssueReport(error.issues, limits.maxIssuesShown)}\n${error.message}.`);
}

async function seed(options: SeedOptions, context: CommandContext): Promise<number> {
  if (options.remove !== undefined) {
    const articleId = options.remove;
    const result = await withDb(context, (db) => removeArticle(articleId, db, { onWait: tellWaiting }));
    if (!result.removed) {
      console.error(`No article "${articleId}" in the graph; nothing removed.`);
      return 1;
    }
    console.log(
      `Removed article "${articleId}": ${result.relationsDeleted} relations and ${result.entitiesDeleted} entities no other article needs.`,
    );
    return 0;
  }

  const files = await listArticleFiles(options.paths);
  if (files.length === 0) throw new SeedUsageError(`no .json files in ${options.paths.join(', ')}`);
  const limits = ingestLimitsOf(loadConfig());
  try {
    return await load(files, options, limits, context);
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    printProblems(error, limits);
    return 1;
  }
}

async function load(
  files: string[],
  options: SeedOptions,
  limits: IngestLimits,
  context: CommandContext,
): Promise<number> {
  const progress = progressPrinter<SeedProgress>(
    (p) => `${p.phase === 'validate' ? 'validating' : 'writing'} ${p.done}/${p.total} ${p.file}`,
    (p) => p.done / p.total,
  );
  if (options['dry-run']) {
    const validation = await validateRun(fileSources(files, limits), null, progress.update, {
      requireText: options['require-text'],
    });
    progress.done();
    console.log(
      `${files.length} file${files.length === 1 ? '' : 's'} valid (dry run: nothing written, the graph not consulted).\n  grounding: ${formatGrounding(validation.grounding)}`,
    );
    if (validation.warnings.length > 0)
      console.log(`Not checked without the graph:\n${formatIssues(validation.warnings)}`);
    return 0;
  }
  const report = await withDb(context, (db) =>
    seedSources(fileSources(files, limits), db, progress.update, {
      reset: options.reset,
      onWait: tellWaiting,
      batchRows: options.batchRows,
      requireText: options['require-text'],
    }),
  );
  progress.done();
  printReport(report);
  return 0;
}

void runCommand({
  invocation: 'npm run seed',
  summary: 'Validates extracted-article files and loads them into Neo4j: nothing is written when any file is invalid.',
  synopsis: '[paths...]',
  positionals: [['paths', 'extracted-article files or folders (default: seed/)']],
  options: OPTIONS,
  environment: [
    ...DATABASE_ENVIRONMENT,
    'INGEST_MAX_BYTES',
    'INGEST_MAX_ENTITIES',
    'INGEST_MAX_RELATIONS',
    'INGEST_MAX_ISSUES_SHOWN',
  ],
  exitCodes: [[1, 'invalid input (nothing written; every problem listed) or a failure']],
  usageErrors: [SeedUsageError],
  run: (args, context) => seed(seedOptions(args), context),
});
