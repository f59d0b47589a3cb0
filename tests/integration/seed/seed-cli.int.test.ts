import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resetGraph } from '../../../src/db/article-writer.ts';
import { articleDoc } from '../../fixtures/article-builder.ts';
import { cliTestSetup, runCli } from '../helpers/cli-workdir.ts';
import { cliEnvironment, cypher, graphCounts, graphFingerprint } from '../helpers/test-db.ts';

const { db, folderWith } = await cliTestSetup('geograph-seed-cli-');
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const SEED_CLI = join(process.cwd(), 'src', 'cli', 'seed.ts');

const seedCli = (args: string[], env: NodeJS.ProcessEnv = cliEnvironment()) => runCli('seed.ts', args, env);

/** Transactions of the test database waiting on a lock another transaction holds. */
async function blockedWrites(): Promise<number> {
  const rows = await cypher<{ status: string }>(db, 'SHOW TRANSACTIONS YIELD status RETURN status');
  return rows.filter(({ status }) => status.startsWith('Blocked')).length;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A corpus big enough that a run takes a while: articles sharing a few actors. */
function corpus(name: string, size: number): string {
  const files: Record<string, unknown> = {};
  for (let index = 0; index < size; index += 1) {
    const id = `article-${String(index).padStart(3, '0')}`;
    files[`${id}.json`] = articleDoc(id)
      .add('Group', 'taliban', { aliases: [`Alias ${index}`] })
      .add('Group', `group-${index % 7}`)
      .add('State', 'pakistan')
      .claim('SHELTERS', 'taliban', `group-${index % 7}`, { quote: `quote ${index}`, modality: 'alleged', attributedTo: 'pakistan' })
      .claim('THREATENS', `group-${index % 7}`, 'pakistan', { quote: `threat ${index}` })
      .build();
  }
  return folderWith(name, files);
}

describe('npm run seed', () => {
  test('--dry-run on a folder with a broken file exits 1 naming the file and the JSON path', () => {
    const folder = folderWith('broken', {
      'a-good.json': articleDoc('good').add('Group', 'taliban').build(),
      'b-broken.json': articleDoc('broken').add('Group', 'ttp').claim('SHELTERS', 'ttp', 'ttp', { confidence: 2 }).build(),
    });
    const { code, stderr } = seedCli(['--dry-run', folder]);
    expect(code).toBe(1);
    expect(stderr).toContain('b-broken.json');
    expect(stderr).toContain('relations[0].confidence');
  });

  test('--dry-run needs no database', () => {
    const folder = folderWith('valid', { 'a.json': articleDoc('valid').add('Group', 'taliban').build() });
    const { code, stdout } = seedCli(['--dry-run', folder], { ...cliEnvironment(), NEO4J_URI: 'bolt://localhost:1' });
    expect(code).toBe(0);
    expect(stdout).toContain('1 file valid');
  });

  test('a file that is not JSON is reported with its name', () => {
    const folder = folderWith('not-json', { 'a.json': '{ "formatVersion": 1, ' });
    const { code, stderr } = seedCli(['--dry-run', folder]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/a\.json.*expected a JSON document/);
  });

  test('an unknown option is a usage error with exit code 2', () => {
    const { code, stderr } = seedCli(['--frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: npm run seed');
  });

  test('a path that does not exist is a usage error with exit code 2', () => {
    const { code, stderr } = seedCli(['no/such/folder']);
    expect(code).toBe(2);
    expect(stderr).toContain('no/such/folder: no such file or folder');
  });

  test('loads a folder and prints a report of what it wrote', () => {
    const folder = corpus('report', 3);
    const { code, stdout } = seedCli([folder]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/articles: +3 \(3 new, 0 replaced, 0 unchanged\)/);
    expect(stdout).toMatch(/relations: 6 written/);
  });

  test('--reset empties the graph first, and --remove takes one article out', async () => {
    await cypher(db, 'CREATE (:Leftover {from: "an earlier test"})');
    const folder = corpus('reset', 2);
    expect(seedCli(['--reset', folder]).code).toBe(0);
    expect(await cypher(db, 'MATCH (n:Leftover) RETURN n')).toEqual([]);

    const removed = seedCli(['--remove', 'article-000']);
    expect(removed.code).toBe(0);
    expect(await cypher(db, 'MATCH (a:Article) RETURN a.id AS id')).toEqual([{ id: 'article-001' }]);
    expect(seedCli(['--remove', 'article-000']).code).toBe(1);
  });

  test('a run killed in the middle of a write transaction loses whole articles only, and started again ends with the same graph as one clean run', async () => {
    const folder = corpus('killed', 120);
    expect(seedCli([folder]).code).toBe(0);
    const clean = await graphCounts(db);
    const cleanFingerprint = await graphFingerprint(db);
    await resetGraph(db);

    // The kill lands at a known point, whatever the machine's speed: this test creates
    // article-060 in a transaction it keeps open, so the run's write of that article waits on
    // the id's uniqueness lock, with the batches before it committed and its own transaction open.
    const holder = db.driver.session({ database: db.database });
    const held = holder.beginTransaction();
    await held.run(`CREATE (:Article {id: 'article-060'})`);
    // Small write transactions, so that several commit before the one that waits.
    const child = spawn(TSX, [SEED_CLI, folder, '--batch-rows', '60'], {
      env: cliEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let exitCode: number | null | undefined;
    const exited = new Promise<void>((resolve) =>
      child.once('exit', (code) => {
        exitCode = code;
        resolve();
      }),
    );
    try {
      await waitFor(async () => {
        if (exitCode !== undefined) throw new Error(`the run ended (exit ${exitCode}) before it was killed:\n${output}`);
        return (await blockedWrites()) > 0;
      }, 60_000);
      // The whole process group: tsx runs the CLI in a child process of its own.
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    } finally {
      if (exitCode === undefined) process.kill(-child.pid!, 'SIGKILL');
      await held.rollback();
      await holder.close();
    }

    const written = await cypher<{ id: string; claims: number }>(
      db,
      `MATCH (a:Article) RETURN a.id AS id, COUNT { (a)-[:CLAIMS]->() } AS claims ORDER BY id`,
    );
    // Whole batches in run order, all before the one that was killed, and every article whole.
    expect(written.length).toBeGreaterThan(0);
    expect(written.map(({ id }) => id)).toEqual(
      Array.from({ length: written.length }, (_, index) => `article-${String(index).padStart(3, '0')}`),
    );
    expect(written.length).toBeLessThanOrEqual(60);
    expect(written.every(({ claims }) => Number(claims) === 2)).toBe(true);

    expect(seedCli([folder]).code).toBe(0);
    expect(await graphCounts(db)).toEqual(clean);
    expect(await graphFingerprint(db)).toEqual(cleanFingerprint);
  });
});
