import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import {
  deleteArticle,
  findArticlesByFileHash,
  findContentHashes,
  resetGraph,
  writeArticle,
  writeNewArticles,
  type RemoveArticleResult,
} from '../db/article-writer.ts';
import type { Db } from '../db/driver.ts';
import { withIngestLease, type IngestLease, type LeaseHolder } from '../db/ingest-lease.ts';
import { graphEntityLookup } from '../db/known-entities.repo.ts';
import { ExtractedArticleSchema, type ExtractedArticle } from '../domain/article.schema.ts';
import { addGrounding, groundingOf, missingTextIssue, noGrounding, type GroundingCoverage } from './grounding.ts';
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest-limits.ts';
import type { ValidationIssue } from './issues.ts';
import { contentHashOf, planArticleWrite, type ArticleWritePlan } from './plan-article-write.ts';
import { ArticleReadError, checkDocumentSize, readArticleFile } from './read-article-source.ts';
import {
  RESOLVE_CHUNK_FILES,
  RESOLVE_CHUNK_ITEMS,
  RunResolver,
  forResolution,
  resolutionItemsOf,
  type KnownEntityLookup,
  type Merge,
  type Resolution,
} from './resolve-run.ts';
import { validateArticleFile } from './validate-article.ts';

/** One extracted article to load: a file on disk, or a document sent to the API. */
export interface ArticleSource {
  /** Shown in every error about it; also the order of the run. */
  file: string;
  read(): Promise<unknown>;
  /** Caps checked before anything else (src/ingest/ingest-limits.ts); the defaults when absent. */
  limits?: IngestLimits;
  /**
   * sha256 of the source's bytes, for sources that have bytes (files). A source whose bytes
   * are those of an article in the graph is that article unchanged: it is neither read nor
   * validated again.
   */
  fingerprint?(): Promise<string>;
}

export interface SeedProgress {
  phase: 'validate' | 'write';
  done: number;
  total: number;
  file: string;
}

export interface SeedReport {
  files: number;
  articles: number;
  articleIds: string[];
  created: number;
  replaced: number;
  unchanged: number;
  entitiesCreated: number;
  entitiesMerged: number;
  merges: Array<Pick<Merge, 'fromId' | 'intoId' | 'reason' | 'matched' | 'file'>>;
  relationsWritten: number;
  /** Over the files read in this run: those skipped unread (`unreadUnchanged`) are not in it. */
  grounding: GroundingCoverage;
  /** Files whose bytes are those of an article in the graph: neither read nor counted in `grounding`. */
  unreadUnchanged: number;
  warnings: ValidationIssue[];
  durationMs: number;
}

/** Invalid input: nothing was written. Carries every problem of the run. */
export class SeedValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the input; nothing was written`);
  }
}

/** Bad paths or arguments, as opposed to bad content. */
export class SeedUsageError extends Error {}

/** Every `*.json` under the given files and folders, in path order (the order of the run). */
export async function listArticleFiles(paths: string[], cwd = process.cwd()): Promise<string[]> {
  const found: string[] = [];
  async function visit(path: string): Promise<void> {
    const info = await stat(path).catch(() => null);
    if (!info) throw new SeedUsageError(`${relative(cwd, path) || path}: no such file or folder`);
    if (info.isDirectory()) {
      for (const entry of (await readdir(path)).sort()) {
        const child = join(path, entry);
        const childInfo = await stat(child);
        if (childInfo.isDirectory() || entry.endsWith('.json')) await visit(child);
      }
    } else {
      found.push(path);
    }
  }
  for (const path of paths) await visit(resolve(cwd, path));
  return [...new Set(found)].sort().map((path) => relative(cwd, path) || path);
}

export function fileSources(files: string[], limits: IngestLimits = DEFAULT_INGEST_LIMITS): ArticleSource[] {
  return files.map((file) => ({
    file,
    limits,
    read: () => readArticleFile(file, limits),
    fingerprint: async () =>
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
  }));
}

const FINGERPRINTS_AT_ONCE = 32;

/**
 * The sources whose bytes are those of an article in the graph, by file: one query for the
 * whole run. A fingerprint two sources share is left out, so validation still reports them.
 */
async function unchangedByFingerprint(
  sources: ArticleSource[],
  db: Db,
): Promise<{ fingerprints: Map<string, string>; unchanged: Map<string, string> }> {
  const fingerprints = new Map<string, string>();
  const withBytes = sources.filter((source) => source.fingerprint);
  // A few files at a time: the disk and the hashing overlap, memory stays a few files.
  for (let start = 0; start < withBytes.length; start += FINGERPRINTS_AT_ONCE) {
    const chunk = withBytes.slice(start, start + FINGERPRINTS_AT_ONCE);
    const hashes = await Promise.all(chunk.map((source) => (source.fingerprint as () => Promise<string>)()));
    chunk.forEach((source, index) => fingerprints.set(source.file, hashes[index] as string));
  }
  const uses = new Map<string, number>();
  for (const hash of fingerprints.values()) uses.set(hash, (uses.get(hash) ?? 0) + 1);
  const stored = await findArticlesByFileHash(
    db,
    [...uses.keys()].filter((hash) => uses.get(hash) === 1),
  );
  const unchanged = new Map<string, string>();
  for (const [file, hash] of fingerprints) {
    const articleId = stored.get(hash);
    if (articleId !== undefined) unchanged.set(file, articleId);
  }
  return { fingerprints, unchanged };
}

interface Checked {
  article?: ExtractedArticle;
  issues: ValidationIssue[];
}

async function readAndValidate(source: ArticleSource): Promise<Checked> {
  let json: unknown;
  try {
    json = await source.read();
  } catch (error) {
    if (error instanceof ArticleReadError) return { issues: error.issues };
    return {
      issues: [{ file: source.file, path: '', message: `expected a JSON document: ${(error as Error).message}` }],
    };
  }
  return validateArticleFile(json, source.file, source.limits);
}

/**
 * A source the run already validated, read again to be written: parsed, not checked again.
 * The caller compares its content hash with the validated one, so a file that changed since
 * is refused rather than trusted.
 */
async function readValidated(source: ArticleSource): Promise<ExtractedArticle | undefined> {
  try {
    const parsed = ExtractedArticleSchema.safeParse(await source.read());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface RunValidation {
  resolutions: Map<string, Resolution>;
  hashes: Map<string, string>;
  /** file → the id of the article it holds */
  articleIds: Map<string, string>;
  grounding: GroundingCoverage;
  warnings: ValidationIssue[];
}

export interface RunValidationOptions {
  /** Replaces the graph's lookup (tests); null: none (dry run). */
  lookup?: KnownEntityLookup | null;
  chunkFiles?: number;
  chunkItems?: number;
  /** Refuse articles without text (`--require-text`): their quotes cannot be located. */
  requireText?: boolean;
}

/**
 * Validates a whole run before anything is written. Sources are read and checked a chunk at
 * a time (RESOLVE_CHUNK_FILES files, fewer when they hold many names); the resolver asks the graph
 * once per lookup kind for the whole chunk, then resolves its files one by one. Only the
 * resolver's compact index and one chunk (the parts resolution reads) stay in memory.
 * With `db` null (dry run) nothing is looked up in the graph; `options.lookup` replaces the
 * graph's lookup (tests).
 */
export async function validateRun(
  sources: ArticleSource[],
  db: Db | null,
  onProgress: (progress: SeedProgress) => void = () => {},
  options: RunValidationOptions = {},
): Promise<RunValidation> {
  const lookup = options.lookup !== undefined ? options.lookup : db ? graphEntityLookup(db) : null;
  const chunkFiles = options.chunkFiles ?? RESOLVE_CHUNK_FILES;
  const chunkItems = options.chunkItems ?? RESOLVE_CHUNK_ITEMS;
  const resolver = new RunResolver(lookup);
  const issues: ValidationIssue[] = [];
  const hashes = new Map<string, string>();
  const articleIds = new Map<string, string>();
  const grounding = noGrounding();
  let done = 0;
  let start = 0;
  while (start < sources.length) {
    // Read and check a chunk; keep of each article only what resolution reads.
    const chunk: Array<{ source: ArticleSource; article?: ExtractedArticle }> = [];
    let items = 0;
    for (
      let index = start;
      index < sources.length && (chunk.length === 0 || (chunk.length < chunkFiles && items < chunkItems));
      index += 1
    ) {
      const source = sources[index] as ArticleSource;
      const checked = await readAndValidate(source);
      issues.push(...checked.issues);
      if (!checked.article) {
        chunk.push({ source });
        continue;
      }
      if (options.requireText && checked.article.article.text === undefined) issues.push(missingTextIssue(source.file));
      addGrounding(grounding, groundingOf(checked.article));
      hashes.set(source.file, contentHashOf(checked.article));
      articleIds.set(source.file, checked.article.article.id);
      items += resolutionItemsOf(checked.article);
      chunk.push({ source, article: forResolution(checked.article) });
    }
    start += chunk.length;
    await resolver.prefetch(chunk.flatMap(({ article }) => article ?? []));
    for (const { source, article } of chunk) {
      if (article) await resolver.addFile(source.file, article);
      done += 1;
      onProgress({ phase: 'validate', done, total: sources.length, file: source.file });
    }
  }
  const run = resolver.finish();
  issues.push(...run.issues);
  if (issues.length > 0) throw new SeedValidationError(issues);
  return {
    resolutions: new Map(run.resolutions.map((resolution) => [resolution.file, resolution])),
    hashes,
    articleIds,
    grounding,
    warnings: run.warnings,
  };
}

export interface WriterOptions {
  /** How long to wait while another writer holds the lease (default: 10 minutes). */
  waitMs?: number;
  /** Told once when another writer holds the lease and this one waits. */
  onWait?: (holder: LeaseHolder) => void;
  /** seedSources only: empty the graph first, under the same lease. */
  reset?: boolean;
  /** Entity and claim rows per write transaction (default DEFAULT_WRITE_BATCH_ROWS). */
  batchRows?: number;
  /** Refuse articles without text (`--require-text`); every file is then read, unchanged ones too. */
  requireText?: boolean;
}

const DEFAULT_WAIT_MS = 10 * 60_000;

/**
 * Entity and claim rows per write transaction. Round trips and planning are paid per
 * transaction, so bigger is faster up to where one transaction's memory starts to matter
 * (see bench/RESULTS.md); a batch is also what a killed run loses.
 */
export const DEFAULT_WRITE_BATCH_ROWS = 2000;

/**
 * Loads sources into the graph: all validated first (any problem: nothing written), then
 * written in transactions that each hold whole articles (new ones batched, a changed one
 * alone), so a kill loses whole articles only. Run again, it changes nothing; a changed
 * article replaces its own claims.
 *
 * The run holds the ingest lease from validation to its last write, so what validation read
 * of the graph (entity resolution) is still true when it writes: concurrent runs take turns.
 */
export function seedSources(
  sources: ArticleSource[],
  db: Db,
  onProgress: (progress: SeedProgress) => void = () => {},
  options: WriterOptions = {},
): Promise<SeedReport> {
  const purpose = `loading ${sources.length} article${sources.length === 1 ? '' : 's'}`;
  return withIngestLease(
    db,
    { purpose, waitMs: options.waitMs ?? DEFAULT_WAIT_MS, onWait: options.onWait },
    async (lease) => {
      if (options.reset) await resetGraph(db);
      return seedSourcesHoldingLease(sources, db, onProgress, lease, {
        batchRows: options.batchRows ?? DEFAULT_WRITE_BATCH_ROWS,
        requireText: options.requireText ?? false,
      });
    },
  );
}

async function seedSourcesHoldingLease(
  sources: ArticleSource[],
  db: Db,
  onProgress: (progress: SeedProgress) => void,
  lease: IngestLease,
  { batchRows, requireText }: { batchRows: number; requireText: boolean },
): Promise<SeedReport> {
  const startedAt = performance.now();
  const ordered = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const fingerprinted = await unchangedByFingerprint(ordered, db);
  const fingerprints = fingerprinted.fingerprints;
  // Whether an unchanged file has text is only known by reading it.
  const unchangedFiles = requireText ? new Map<string, string>() : fingerprinted.unchanged;
  const validation = await validateRun(
    ordered.filter((source) => !unchangedFiles.has(source.file)),
    db,
    onProgress,
    { requireText },
  );
  // An article id is one file's: a changed file may not take the id of an unchanged one.
  const unchangedIds = new Map([...unchangedFiles].map(([file, articleId]) => [articleId, file]));
  const taken = [...validation.articleIds].flatMap(([file, articleId]) => {
    const other = unchangedIds.get(articleId);
    return other === undefined
      ? []
      : [
          {
            file,
            path: 'article.id',
            message: `expected an article id no other file of this run uses; "${articleId}" is already the id of ${other}`,
          },
        ];
  });
  if (taken.length > 0) throw new SeedValidationError(taken);
  const report: SeedReport = {
    files: ordered.length,
    articles: 0,
    articleIds: [],
    created: 0,
    replaced: 0,
    unchanged: 0,
    entitiesCreated: 0,
    entitiesMerged: 0,
    merges: [],
    relationsWritten: 0,
    grounding: validation.grounding,
    unreadUnchanged: unchangedFiles.size,
    warnings: validation.warnings,
    durationMs: 0,
  };
  // One query decides which articles are unchanged; they need no write transaction at all.
  const storedHashes = await findContentHashes(db, [...validation.articleIds.values()]);
  // New articles are written many per transaction (batched by rows, in run order); a changed
  // one is written alone, after what came before it, since it recounts what it touched.
  // While one batch is written, the next is read and planned: the database and this process
  // work at once (one write in flight, so the order of writes is the run's).
  let batch: Array<{ plan: ArticleWritePlan; resolution: Resolution; index: number; file: string }> = [];
  let batchSize = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const settle = async () => {
    const writing = inFlight;
    inFlight = Promise.resolve();
    await writing;
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const written = batch;
    batch = [];
    batchSize = 0;
    await settle();
    inFlight = writeNewArticles(
      db,
      written.map(({ plan }) => plan),
      lease,
    ).then((result) => {
      report.created += written.length;
      report.entitiesCreated += result.entitiesCreated;
      report.relationsWritten += result.relationsWritten;
      for (const { plan, resolution, index, file } of written) {
        report.articles += 1;
        report.articleIds.push(plan.article.id);
        countMerges(report, resolution);
        onProgress({ phase: 'write', done: index + 1, total: ordered.length, file });
      }
    });
    // Observed at the next settle(); until then a failure must not count as unhandled.
    inFlight.catch(() => {});
  };
  for (const [index, source] of ordered.entries()) {
    const unchangedId = unchangedFiles.get(source.file);
    if (unchangedId !== undefined) {
      report.articles += 1;
      report.articleIds.push(unchangedId);
      report.unchanged += 1;
      onProgress({ phase: 'write', done: index + 1, total: ordered.length, file: source.file });
      continue;
    }
    const articleId = validation.articleIds.get(source.file) ?? '';
    const storedHash = storedHashes.get(articleId);
    if (storedHash === validation.hashes.get(source.file)) {
      report.articles += 1;
      report.articleIds.push(articleId);
      report.unchanged += 1;
      onProgress({ phase: 'write', done: index + 1, total: ordered.length, file: source.file });
      continue;
    }
    // Read again rather than kept from validation, so memory does not grow with the corpus.
    const article = await readValidated(source);
    const resolution = validation.resolutions.get(source.file);
    if (!article || !resolution || contentHashOf(article) !== validation.hashes.get(source.file)) {
      throw new SeedValidationError([
        {
          file: source.file,
          path: '',
          message: 'expected the file to stay as it was validated; it changed during the run',
        },
      ]);
    }
    const plan = planArticleWrite(
      article,
      resolution,
      validation.hashes.get(source.file) ?? '',
      fingerprints.get(source.file) ?? null,
    );
    if (storedHash === undefined) {
      batch.push({ plan, resolution, index, file: source.file });
      batchSize += plan.entities.length + article.relations.length;
      if (batchSize >= batchRows) await flush();
      continue;
    }
    await flush();
    await settle();
    const result = await writeArticle(db, plan, lease);
    report.articles += 1;
    report.articleIds.push(article.article.id);
    report[result.outcome] += 1;
    report.entitiesCreated += result.entitiesCreated;
    report.relationsWritten += result.relationsWritten;
    if (result.outcome !== 'unchanged') countMerges(report, resolution);
    onProgress({ phase: 'write', done: index + 1, total: ordered.length, file: source.file });
  }
  await flush();
  await settle();
  report.durationMs = Math.round(performance.now() - startedAt);
  return report;
}

function countMerges(report: SeedReport, resolution: Resolution): void {
  report.entitiesMerged += resolution.merges.length;
  report.merges.push(
    ...resolution.merges.map(({ fromId, intoId, reason, matched, file }) => ({
      fromId,
      intoId,
      reason,
      matched,
      file,
    })),
  );
}

/** The API's entry: documents sent as JSON, loaded exactly like files. */
export function ingestDocuments(
  documents: Array<{ file: string; json: unknown }>,
  db: Db,
  options: WriterOptions = {},
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
): Promise<SeedReport> {
  return seedSources(
    documents.map(({ file, json }) => ({ file, limits, read: async () => checkDocumentSize(json, file, limits) })),
    db,
    () => {},
    options,
  );
}

export function removeArticle(articleId: string, db: Db, options: WriterOptions = {}): Promise<RemoveArticleResult> {
  const lease = {
    purpose: `removing article ${articleId}`,
    waitMs: options.waitMs ?? DEFAULT_WAIT_MS,
    onWait: options.onWait,
  };
  return withIngestLease(db, lease, (held) => deleteArticle(db, articleId, held));
}
