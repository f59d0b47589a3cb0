import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import type { LeaseHolder } from '../db/ingest-lease.ts';
import { newTrace } from '../db/cypher-trace.ts';
import { openDb, type Db } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { ingestLimitsOf, type IngestLimits } from '../ingest/ingest-limits.ts';
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
import { progressPrinter } from './progress.ts';

const USAGE = `usage: npm run seed -- [paths...] [--dry-run] [--reset] [--remove <articleId>]

  paths            extracted-article files or folders (default: seed/)
  --dry-run        validate only; needs no database
  --reset          empty the graph before loading
  --remove <id>    remove that article and only the claims it supports
  --batch-rows <n> entity and claim rows per write transaction (default ${DEFAULT_WRITE_BATCH_ROWS});
                   a killed run loses at most one batch, and the next run writes it
  -h, --help       this text

exit codes: 0 done, 1 invalid input or failure (nothing written for invalid input), 2 usage error`;

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      reset: { type: 'boolean', default: false },
      remove: { type: 'string' },
      'batch-rows': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.remove !== undefined && (values['dry-run'] || values.reset || positionals.length > 0)) {
    throw new SeedUsageError('--remove takes an article id and no other option or path');
  }
  if (values['dry-run'] && values.reset) throw new SeedUsageError('--dry-run and --reset exclude each other');
  const batchRows = values['batch-rows'] === undefined ? DEFAULT_WRITE_BATCH_ROWS : Number(values['batch-rows']);
  if (!Number.isInteger(batchRows) || batchRows < 1) {
    throw new SeedUsageError(
      `--batch-rows expects a whole number of rows above 0, got ${JSON.stringify(values['batch-rows'])}`,
    );
  }
  return { ...values, batchRows, paths: positionals.length > 0 ? positionals : ['seed'] };
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
    ].join('\n'),
  );
  if (report.warnings.length > 0) console.log(`Warnings:\n${formatIssues(report.warnings)}`);
}

function tellWaiting(holder: LeaseHolder): void {
  console.error(`Waiting for another writer to finish (${holder.purpose}, pid ${holder.pid} on ${holder.host}) ...`);
}

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
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

async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.remove !== undefined) {
    const articleId = options.remove;
    const result = await withDb((db) => removeArticle(articleId, db, { onWait: tellWaiting }));
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
    return await load(files, options, limits);
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    printProblems(error, limits);
    return 1;
  }
}

async function load(files: string[], options: ReturnType<typeof parse>, limits: IngestLimits): Promise<number> {
  const progress = progressPrinter<SeedProgress>(
    (p) => `${p.phase === 'validate' ? 'validating' : 'writing'} ${p.done}/${p.total} ${p.file}`,
    (p) => p.done / p.total,
  );
  if (options['dry-run']) {
    const validation = await validateRun(fileSources(files, limits), null, progress.update);
    progress.done();
    console.log(
      `${files.length} file${files.length === 1 ? '' : 's'} valid (dry run: nothing written, the graph not consulted).`,
    );
    if (validation.warnings.length > 0)
      console.log(`Not checked without the graph:\n${formatIssues(validation.warnings)}`);
    return 0;
  }
  const report = await withDb((db) =>
    seedSources(fileSources(files, limits), db, progress.update, {
      reset: options.reset,
      onWait: tellWaiting,
      batchRows: options.batchRows,
    }),
  );
  progress.done();
  printReport(report);
  return 0;
}

// process.exitCode, not process.exit(): exiting at once drops what is still queued for a
// pipe (a report on stderr was cut at 64 KiB and lost its summary line); the process ends
// by itself once the streams have drained and the driver is closed.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof SeedUsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof ConfigError ? error.message : `Seed failed: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
