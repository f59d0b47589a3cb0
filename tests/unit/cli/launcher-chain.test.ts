import { describe, expect, test } from 'vitest';
import { isNpmCommand, launcherChain, parseProcessTable } from '../../../src/cli/launcher-chain.ts';

/** What `ps -A -o pid=,ppid=,args=` shows while `npm run up` serves (npm → sh → tsx → node). */
const PS_OUTPUT = `    1     0 /sbin/init
  200     1 bash
  300   200 npm run up
  301   300 sh -c tsx src/cli/up.ts
  302   301 node /work/node_modules/.bin/tsx src/cli/up.ts
  303   302 /usr/bin/node --require /work/node_modules/tsx/dist/preflight.cjs --import file:///work/node_modules/tsx/dist/loader.mjs src/cli/up.ts
  400   200 node dist/cli/serve.js`;

describe('the launcher chain the API watches', () => {
  const table = parseProcessTable(PS_OUTPUT);

  test('reads pid, parent pid and command line of every process', () => {
    expect(table.get(301)).toEqual({ ppid: 300, command: 'sh -c tsx src/cli/up.ts' });
    expect(table.size).toBe(7);
  });

  test('runs from the parent up to the npm that launched the API, npm included', () => {
    expect(launcherChain(table, 303)).toEqual([302, 301, 300]);
  });

  test('is empty when no npm launched the process (node run from a shell, a container init)', () => {
    expect(launcherChain(table, 400)).toEqual([]);
  });

  test('recognises npm by its process title or by the npm script it runs', () => {
    expect(isNpmCommand('npm start')).toBe(true);
    expect(isNpmCommand('/usr/local/bin/npm run up')).toBe(true);
    expect(
      isNpmCommand('node /usr/lib/node_modules/npm/bin/npm-cli.js run up', '/usr/lib/node_modules/npm/bin/npm-cli.js'),
    ).toBe(true);
    expect(isNpmCommand('node npm-helper.js')).toBe(false);
  });
});
