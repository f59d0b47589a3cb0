/**
 * What a test of a command line needs: a clean graph before each test, a folder of its own for
 * the files it writes (removed at the end), and the command run as a child process on them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach } from 'vitest';
import { resetGraph } from '../../../src/db/article-writer.ts';
import type { Db } from '../../../src/db/driver.ts';
import { cliEnvironment, openCleanTestDb } from './test-db.ts';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** `src/cli/<script>` with tsx, against the test database; its exit code and output. */
export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv = cliEnvironment()) {
  const result = spawnSync(TSX, [join(process.cwd(), 'src', 'cli', script), ...args], {
    env,
    encoding: 'utf8',
    cwd: process.cwd(),
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Opens the test database and a work folder for a test file; the graph is emptied before each test. */
export async function cliTestSetup(prefix: string) {
  const db: Db = await openCleanTestDb();
  const workdir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(async () => {
    rmSync(workdir, { recursive: true, force: true });
    await db.driver.close();
  });
  beforeEach(async () => {
    await resetGraph(db);
  });
  /** A folder of the work folder holding these files: JSON documents, or text as it is. */
  const folderWith = (name: string, files: Record<string, unknown>): string => {
    const folder = join(workdir, name);
    mkdirSync(folder, { recursive: true });
    for (const [file, json] of Object.entries(files)) {
      writeFileSync(join(folder, file), typeof json === 'string' ? json : JSON.stringify(json, null, 2));
    }
    return folder;
  };
  return { db, workdir, folderWith };
}
