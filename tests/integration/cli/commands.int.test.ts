import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Db } from '../../../src/db/driver.ts';
import { migrate } from '../../../src/db/migrate.ts';
import { portAnswers } from '../../../src/runtime/local-neo4j.ts';
import { freePort } from '../helpers/free-port.ts';
import { cliEnvironment, cypher, openCleanTestDb } from '../helpers/test-db.ts';

/**
 * Every command follows one convention (src/cli/run-command.ts): --help runs nothing, an
 * unknown option exits 2 with the usage, an expected failure is one sentence naming the fix.
 */
const db: Db = await openCleanTestDb();
const workdir = mkdtempSync(join(tmpdir(), 'geograph-cli-'));
/** An instance folder no command may create when it only prints its help. */
const untouchedFolder = join(workdir, 'never-created');
const closedPort = await freePort();

afterAll(async () => {
  rmSync(workdir, { recursive: true, force: true });
  await db.driver.close();
});

const COMMANDS: Array<{ invocation: string; args: string[] }> = [
  { invocation: 'npm run up', args: ['src/cli/up.ts'] },
  { invocation: 'npm run down', args: ['src/cli/down.ts'] },
  { invocation: 'npm start', args: ['src/cli/serve.ts'] },
  { invocation: 'npm run db:start', args: ['src/cli/db.ts', 'start'] },
  { invocation: 'npm run db:stop', args: ['src/cli/db.ts', 'stop'] },
  { invocation: 'npm run db:status', args: ['src/cli/db.ts', 'status'] },
  { invocation: 'npm run db:migrate', args: ['src/cli/migrate.ts'] },
  { invocation: 'npm run seed', args: ['src/cli/seed.ts'] },
  { invocation: 'npm run format:upgrade', args: ['src/cli/format-upgrade.ts'] },
  { invocation: 'npm run ground', args: ['src/cli/ground.ts'] },
  { invocation: 'npm run bench', args: ['src/cli/bench.ts'] },
];

/** Where nothing answers, and a folder that does not exist: whatever runs would fail or create it. */
const NOWHERE: NodeJS.ProcessEnv = {
  NEO4J_URI: `bolt://localhost:${closedPort}`,
  NEO4J_LOCAL_DIR: untouchedFolder,
  NEO4J_BENCH_LOCAL_DIR: untouchedFolder,
  NEO4J_BOLT_PORT: String(closedPort),
  NEO4J_BENCH_BOLT_PORT: String(closedPort),
};

function cli(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STACK_LINE = /\n\s+at \S/;
const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

function holdPort(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe.each(COMMANDS)('$invocation', ({ invocation, args }) => {
  test('--help prints usage, options, environment and exit codes, runs nothing, and exits 0', () => {
    const { code, stdout } = cli([...args, '--help'], NOWHERE);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(new RegExp(`^usage: ${invocation.replace(/[.:]/g, '\\$&')} -- `));
    expect(stdout).toContain('options:');
    expect(stdout).toContain('environment:');
    expect(stdout).toContain('exit codes:');
    expect(existsSync(untouchedFolder)).toBe(false);
  });

  test("the README's command table names every option --help prints", () => {
    const { stdout } = cli([...args, '--help'], NOWHERE);
    const options = (/\noptions:\n([\s\S]*?)\n\n/.exec(stdout)?.[1] ?? '')
      .split('\n')
      .map((line) => /^\s+(?:-\w, )?(--[\w-]+)/.exec(line)?.[1])
      .filter((option) => option !== undefined && option !== '--help' && option !== '--verbose');
    const row = README.split('\n').find((line) => line.startsWith(`| \`${invocation}\``));
    expect(row, `README.md has no row for ${invocation} in its command table`).toBeDefined();
    for (const option of options) expect(row).toContain(`\`${option}`);
  });

  test('an unknown option exits 2 with the usage', () => {
    const { code, stderr } = cli([...args, '--frobnicate'], NOWHERE);
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--frobnicate'.");
    expect(stderr).toContain(`usage: ${invocation} -- `);
  });
});

describe('--help runs nothing', () => {
  test('db:migrate --help leaves the database untouched', async () => {
    await cypher(db, 'DROP CONSTRAINT merge_from_id_unique');
    try {
      expect(cli(['src/cli/migrate.ts', '--help'], cliEnvironment()).code).toBe(0);
      const constraints = await cypher<{ name: string }>(db, 'SHOW CONSTRAINTS YIELD name');
      expect(constraints.map((constraint) => constraint.name)).not.toContain('merge_from_id_unique');
    } finally {
      await migrate(db);
    }
  });
});

describe('expected failures are one sentence naming the fix, without a stack', () => {
  // Another user than the tests', so that Neo4j's lock after failed logins locks that one.
  const WRONG_PASSWORD = { NEO4J_USER: 'nobody', NEO4J_PASSWORD: 'not-the-password' };

  test('seed with a wrong password names NEO4J_PASSWORD', () => {
    const { code, stderr } = cli(['src/cli/seed.ts'], { ...cliEnvironment(), ...WRONG_PASSWORD });
    expect(code).toBe(1);
    expect(stderr).toContain('refused user "nobody" with the password in NEO4J_PASSWORD');
    expect(stderr).not.toMatch(STACK_LINE);
  });

  test('up with a wrong password names NEO4J_PASSWORD', async () => {
    // up's local runtime knows the one user "neo4j": one failed login stays below Neo4j's lock (3).
    const env = {
      ...cliEnvironment(),
      NEO4J_PASSWORD: 'not-the-password',
      PORT: String(await freePort()),
      NEO4J_LOCAL_DIR: workdir,
    };
    const { code, stderr } = cli(['src/cli/up.ts'], env);
    expect(code).toBe(1);
    expect(stderr).toContain('refused user "neo4j" with the password in NEO4J_PASSWORD');
    expect(stderr).not.toMatch(STACK_LINE);
  });

  test('db:migrate with no Neo4j at NEO4J_URI says so and how to start one', () => {
    const { code, stderr } = cli(['src/cli/migrate.ts'], { ...cliEnvironment(), NEO4J_URI: NOWHERE.NEO4J_URI });
    expect(code).toBe(1);
    expect(stderr).toContain(`Neo4j does not answer at ${NOWHERE.NEO4J_URI}. Start it with npm run db:start`);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  test.each([
    ['npm start', 'src/cli/serve.ts'],
    ['npm run up', 'src/cli/up.ts'],
  ])('%s on a taken API port names PORT and the command to run again', async (invocation, file) => {
    const port = await freePort();
    const holder = await holdPort(port);
    try {
      const { code, stderr } = cli([file], { ...cliEnvironment(), PORT: String(port), NEO4J_LOCAL_DIR: workdir });
      expect(code).toBe(1);
      expect(stderr).toContain(
        `Port ${port} (PORT) is already taken by another process. Stop it, or choose another port, e.g. PORT=${port + 1000} ${invocation}.`,
      );
      expect(stderr).not.toMatch(STACK_LINE);
    } finally {
      holder.close();
    }
  });

  test('--verbose shows the stack', () => {
    const { stderr } = cli(['src/cli/migrate.ts', '--verbose'], { ...cliEnvironment(), NEO4J_URI: NOWHERE.NEO4J_URI });
    expect(stderr).toMatch(STACK_LINE);
  });

  test('bench refuses a corpus too small for its query classes', () => {
    const { code, stderr } = cli(['src/cli/bench.ts', '--sizes', '10'], NOWHERE);
    expect(code).toBe(2);
    expect(stderr).toContain('--sizes: 10 articles is too small');
    expect(existsSync(untouchedFolder)).toBe(false);
  });
});

/** `npm start` on a free port, against the test database, as its own process group. */
async function startedByNpm() {
  const port = await freePort();
  const npm = spawn('npm', ['start'], {
    env: { ...cliEnvironment(), PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = { port, npm, output: '' };
  npm.stdout?.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
  npm.stderr?.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
  // Room for a `prestart` build before the API starts.
  const ready = Date.now() + 120_000;
  while (!run.output.includes('GraphQL API on') && Date.now() < ready) await sleep(100);
  expect(run.output).toContain('GraphQL API on');
  return run;
}

/** Ready within 120 s (room for a `prestart` build), stopped within 12 s. */
const NPM_START_TIMEOUT_MS = 150_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True once nothing listens on the port; gives up after the API's grace period (10 s) and a margin. */
async function portFreed(port: number): Promise<boolean> {
  const deadline = Date.now() + 12_000;
  while ((await portAnswers(port)) && Date.now() < deadline) await sleep(200);
  return !(await portAnswers(port));
}

function killGroup(pid: number | undefined): void {
  try {
    process.kill(-pid!, 'SIGKILL');
  } catch {
    // Already gone, as it should be.
  }
}

describe('npm start and signals', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)(
    '%s sent to the npm process stops the API gracefully: its port is free',
    async (signal) => {
      const run = await startedByNpm();
      try {
        process.kill(run.npm.pid!, signal);
        expect(await portFreed(run.port)).toBe(true);
        expect(run.output).toContain(`${signal}: finishing in-flight requests, then stopping.`);
      } finally {
        killGroup(run.npm.pid);
      }
    },
    NPM_START_TIMEOUT_MS,
  );

  test(
    'the API stops gracefully when the npm that launched it dies without passing on a signal',
    async () => {
      const run = await startedByNpm();
      try {
        process.kill(run.npm.pid!, 'SIGKILL');
        expect(await portFreed(run.port)).toBe(true);
        expect(run.output).toMatch(/The process that launched the API \(pid \d+\) ended: finishing in-flight requests/);
      } finally {
        killGroup(run.npm.pid);
      }
    },
    NPM_START_TIMEOUT_MS,
  );
});
