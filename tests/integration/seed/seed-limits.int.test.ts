/**
 * `npm run seed` refuses what the ingest limits refuse (src/ingest/ingest-limits.ts): exit
 * code 1, every problem located, the report capped and always ending with its summary line,
 * and the graph exactly as it was.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../../../src/db/driver.ts';
import { fileSources, listArticleFiles, seedSources } from '../../../src/ingest/seed-run.ts';
import { articleDoc, type ArticleBuilder } from '../../fixtures/article-builder.ts';
import { cliEnvironment, graphCounts, openCleanTestDb } from '../helpers/test-db.ts';

const db: Db = await openCleanTestDb();
const workdir = mkdtempSync(join(tmpdir(), 'geograph-seed-limits-'));
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const SEED_CLI = join(process.cwd(), 'src', 'cli', 'seed.ts');

let seeded: Record<string, number>;
beforeAll(async () => {
  await seedSources(fileSources(await listArticleFiles(['seed'])), db);
  seeded = await graphCounts(db);
});
afterAll(async () => {
  rmSync(workdir, { recursive: true, force: true });
  await db.driver.close();
});
beforeEach(async () => {
  expect(await graphCounts(db)).toEqual(seeded);
});

function seedCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(TSX, [SEED_CLI, ...args], { env: { ...cliEnvironment(), ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folderWith(name: string, files: Record<string, string | Uint8Array | ArticleBuilder>): string {
  const folder = join(workdir, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    writeFileSync(join(folder, file), typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content.build(), null, 2));
  }
  return folder;
}

function withEntities(count: number, id = 'limits-test'): ArticleBuilder {
  const doc = articleDoc(id);
  for (let index = 0; index < count; index += 1) doc.add('Group', `limits-group-${index}`);
  return doc;
}

/** An article whose every entity has an unknown type: one problem per entity. */
function withBadEntities(count: number): ArticleBuilder {
  const doc = articleDoc('limits-bad');
  for (let index = 0; index < count; index += 1) doc.entity({ id: `e-${index}`, type: 'Nation', name: `E ${index}` });
  return doc;
}

async function expectGraphUnchanged() {
  expect(await graphCounts(db)).toEqual(seeded);
}

describe('caps', () => {
  test('a file over 2 MiB is refused by its size, before it is parsed, and nothing is written', async () => {
    const folder = folderWith('big', { 'a-valid.json': withEntities(2, 'limits-valid'), 'b-big.json': withEntities(100_000) });
    const { code, stderr } = seedCli([folder]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/✖ .*b-big\.json: expected a file of at most 2,097,152 bytes, received [\d,]+ bytes/);
    expect(stderr).toContain('1 problem in the input; nothing was written.');
    await expectGraphUnchanged();
  });

  test('a file with more than 2,000 entities is refused on the count, with its path', async () => {
    const { code, stderr } = seedCli([folderWith('entities', { 'many.json': withEntities(2_001) })]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/✖ .*many\.json → entities: expected at most 2,000 entities, received 2,001\n/);
    await expectGraphUnchanged();
  });

  test('the caps come from the environment', async () => {
    const { code, stderr } = seedCli(['--dry-run', folderWith('env', { 'a.json': withEntities(3) })], { INGEST_MAX_ENTITIES: '2' });
    expect(code).toBe(1);
    expect(stderr).toContain('entities: expected at most 2 entities, received 3');
  });
});

describe('characters and bytes', () => {
  test('a NUL escaped in a file is refused with its path, not stored', async () => {
    const { code, stderr } = seedCli([folderWith('nul', { 'a.json': withEntities(1).add('State', 'limits-state', { name: 'Null\u0000land' }) })]);
    expect(code).toBe(1);
    expect(stderr).toContain('a.json → entities[1].name: expected one line of text without control characters; found U+0000 (NUL) at character 5');
    await expectGraphUnchanged();
  });

  test('an unpaired surrogate escaped in a file is refused, not turned into U+FFFD', async () => {
    const { code, stderr } = seedCli([folderWith('surrogate', { 'a.json': withEntities(1).article({ title: 'Broken \uD800 title' }) })]);
    expect(code).toBe(1);
    expect(stderr).toContain('a.json → article.title: expected well-formed Unicode text; found an unpaired surrogate U+D800 at character 8');
    await expectGraphUnchanged();
  });

  test('a file in Latin-1 is refused with the place of its first non-UTF-8 byte', async () => {
    const json = JSON.stringify(withEntities(1).article({ publisher: 'Le Monde diplomatique, café' }).build(), null, 2);
    const latin1 = Buffer.from(json, 'latin1');
    const { code, stderr } = seedCli([folderWith('latin1', { 'a.json': latin1 })]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/a\.json: expected UTF-8 text; byte 0xE9 at line \d+, column \d+ \(byte [\d,]+\) is not valid UTF-8/);
    await expectGraphUnchanged();
  });
});

describe('the report', () => {
  test('lists at most 100 problems, then counts the others, then the summary line', () => {
    const { code, stderr } = seedCli(['--dry-run', folderWith('report', { 'bad.json': withBadEntities(1_900) })]);
    expect(code).toBe(1);
    expect(stderr.match(/^✖ /gm)).toHaveLength(100);
    expect(stderr.trimEnd().split('\n').slice(-2)).toEqual(['… and 1,800 more problems', '1900 problems in the input; nothing was written.']);
  });

  test('ends with its summary line on a pipe that is read slowly, however long it is', async () => {
    const folder = folderWith('slow-pipe', { 'bad.json': withBadEntities(1_900) });
    const child = spawn(TSX, [SEED_CLI, '--dry-run', folder], {
      env: { ...cliEnvironment(), INGEST_MAX_ISSUES_SHOWN: '100000' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Nobody reads stderr until the CLI has exited or 3 s have passed: a CLI that exits with
    // writes still queued loses them (the pipe holds 64 KiB), one that waits for them does not.
    child.stderr.pause();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    const chunks: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closed = new Promise((resolve) => child.stderr.once('close', resolve));
    child.stderr.resume();
    const [code] = await Promise.all([exited, closed]);
    const stderr = Buffer.concat(chunks).toString('utf8');
    expect(code).toBe(1);
    expect(stderr.length).toBeGreaterThan(200_000);
    expect(stderr.match(/^✖ /gm)).toHaveLength(1_900);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('1900 problems in the input; nothing was written.');
  });
});
