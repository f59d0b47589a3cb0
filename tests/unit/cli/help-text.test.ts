import { describe, expect, test } from 'vitest';
import { helpText, type CommandSpec, type OptionSpecs } from '../../../src/cli/run-command.ts';

const spec: CommandSpec<OptionSpecs> = {
  invocation: 'npm run example',
  summary: 'Does an example.',
  synopsis: '[paths...]',
  positionals: [['paths', 'files to read']],
  options: { rows: { type: 'string', value: '<n>', description: 'rows per batch' } },
  environment: ['NEO4J_URI'],
  exitCodes: [[3, 'not running']],
  run: () => Promise.resolve(0),
};

describe('--help', () => {
  const text = helpText(spec);

  test('starts with the usage line', () => {
    expect(text.split('\n')[0]).toBe('usage: npm run example -- [paths...] [options]');
  });

  test('lists the options, with --help and --verbose', () => {
    expect(text).toMatch(/--rows <n> +rows per batch/);
    expect(text).toMatch(/-h, --help +print this help and run nothing/);
    expect(text).toMatch(/--verbose +show the stack of an error/);
  });

  test('lists the environment variables it reads, and DEBUG', () => {
    expect(text).toMatch(/environment:\n +NEO4J_URI +Bolt URI of Neo4j/);
    expect(text).toMatch(/DEBUG +1 shows the stack/);
  });

  test('lists the exit codes, its own among them', () => {
    expect(text).toMatch(/exit codes:\n +0 +done\n +1 .*\n +2 +usage error.*\n +3 +not running/);
  });
});
