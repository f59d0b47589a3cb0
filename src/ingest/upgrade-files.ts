/**
 * Rewriting extracted-article files of format version 1 as version 2 (`npm run format:upgrade`):
 * every file is read and validated first, as the loader would; an invalid file stops the run
 * before anything is written. A version 2 file is left as it is.
 */
import { basename, relative } from 'node:path';
import { articleV2Document } from '../domain/format-upgrade.ts';
import type { IngestLimits } from './ingest-limits.ts';
import type { ValidationIssue } from './issues.ts';
import { contentHashOf } from './plan-article-write.ts';
import { ArticleReadError, readArticleFile } from './read-article-source.ts';
import { listArticleFiles } from './seed-run.ts';
import { validateArticleFile } from './validate-article.ts';

/** A file found under a path the user gave, and its name under that path (what `--out` writes it as). */
export interface FoundFile {
  file: string;
  name: string;
}

/** Every `*.json` under the paths, each named relative to the folder it was found in (a file: its base name). */
export async function findArticleFiles(paths: readonly string[], cwd = process.cwd()): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  for (const path of paths) {
    const files = await listArticleFiles([path], cwd);
    const single = files.length === 1 && files[0] === relative(cwd, path);
    for (const file of files) found.push({ file, name: single ? basename(file) : relative(path, file) });
  }
  return found;
}

export interface UpgradeOutcome {
  /** Version 1 files, with the text of their version 2 document. */
  upgraded: Array<FoundFile & { text: string }>;
  /** Files already in version 2. */
  current: FoundFile[];
  issues: ValidationIssue[];
}

/** The file as JSON text the way the repository's files are: 2-space indentation, a final newline. */
export const documentText = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

async function readValidated(file: string, limits: IngestLimits) {
  try {
    return validateArticleFile(await readArticleFile(file, limits), file, limits);
  } catch (error) {
    if (error instanceof ArticleReadError) return { issues: error.issues };
    throw error;
  }
}

export async function upgradeFiles(files: readonly FoundFile[], limits: IngestLimits): Promise<UpgradeOutcome> {
  const outcome: UpgradeOutcome = { upgraded: [], current: [], issues: [] };
  for (const found of files) {
    const { article, issues } = await readValidated(found.file, limits);
    outcome.issues.push(...issues);
    if (!article) continue;
    if (article.formatVersion === 2) {
      outcome.current.push(found);
      continue;
    }
    const text = documentText(articleV2Document(article));
    // The rewrite must read as the very article the file holds; anything else is a bug here.
    const reread = validateArticleFile(JSON.parse(text), found.file, limits).article;
    if (!reread || contentHashOf(reread) !== contentHashOf(article)) {
      throw new Error(`${found.file}: its version 2 document does not read as the same article`);
    }
    outcome.upgraded.push({ ...found, text });
  }
  return outcome;
}
