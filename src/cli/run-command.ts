import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.ts';
import { environmentHelp } from './environment-help.ts';
import { describeFailure, type Neo4jTarget } from './failure-message.ts';

/**
 * The one convention every command follows (`up`, `start`, `db:*`, `seed`, `bench`, `down`):
 * strict options, `--help` that prints usage, options, environment and exit codes and runs
 * nothing, exit 2 with the usage on a usage error, and every expected failure as one sentence
 * naming the fix (failure-message.ts), its stack only with `--verbose` or `DEBUG=1`.
 */

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  default?: string | boolean;
  /** The value's placeholder in the help, e.g. `<n>`. */
  value?: string;
  description: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** A command line the user got wrong: exit 2, with the usage. */
export class UsageError extends Error {}

export interface CommandContext {
  /** How the user runs the command, e.g. `npm run up`: hints name it. */
  readonly invocation: string;
  /** The Neo4j the command talks to, once known: failure messages name it. */
  neo4j?: Neo4jTarget;
}

/** The API's configuration, its Neo4j remembered for the failure messages. */
export function loadCommandConfig(context: CommandContext, env: NodeJS.ProcessEnv = process.env): Config {
  const config = loadConfig(env);
  context.neo4j = { ...context.neo4j, uri: config.NEO4J_URI, user: config.NEO4J_USER };
  return config;
}

type Parsed<Options extends OptionSpecs> = ReturnType<
  typeof parseArgs<{ options: Options; allowPositionals: true; strict: true }>
>;

export interface CommandSpec<Options extends OptionSpecs> {
  /** How the user runs it: `npm run seed`. */
  invocation: string;
  /** What it does, one or two lines. */
  summary: string;
  /** Arguments after `--` in the usage line, e.g. `[paths...]`; options are added. */
  synopsis?: string;
  /** Positional arguments, for the help: [name, meaning]. None allowed when empty. */
  positionals?: ReadonlyArray<readonly [string, string]>;
  options: Options;
  /** Names of the environment variables it reads (environment-help.ts describes them). */
  environment: readonly string[];
  /** Besides 0, 1 and 2, which every command has. */
  exitCodes?: ReadonlyArray<readonly [number, string]>;
  /** Other error classes that mean a usage error (exit 2 with the usage). */
  usageErrors?: ReadonlyArray<abstract new (...args: never[]) => Error>;
  /** The work; resolves to the exit code, or to `serving` when a server now keeps the process alive. */
  run(args: Parsed<Options>, context: CommandContext): Promise<number | 'serving'>;
}

const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h', description: 'print this help and run nothing' },
  verbose: { type: 'boolean', description: 'show the stack of an error (also DEBUG=1)' },
} as const satisfies OptionSpecs;

function optionLine(name: string, spec: OptionSpec): [string, string] {
  const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''}`;
  return [flag, spec.description];
}

function columns(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 3;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
}

export function usageLine(spec: CommandSpec<OptionSpecs>): string {
  const args = [spec.synopsis, '[options]'].filter(Boolean).join(' ');
  return `usage: ${spec.invocation} -- ${args}`;
}

export function helpText(spec: CommandSpec<OptionSpecs>): string {
  const options = { ...spec.options, ...COMMON_OPTIONS };
  // A command's own meaning of a code replaces the general one.
  const exitCodes = new Map<number, string>([
    [0, 'done'],
    [1, 'failed (the message says why and what to do)'],
    [2, 'usage error: an unknown option or a bad value'],
    ...(spec.exitCodes ?? []),
  ]);
  return [
    usageLine(spec),
    '',
    spec.summary,
    ...(spec.positionals?.length ? ['', 'arguments:', ...columns(spec.positionals)] : []),
    '',
    'options:',
    ...columns(Object.entries(options).map(([name, option]) => optionLine(name, option))),
    ...(spec.environment.length > 0 ? ['', 'environment:', ...columns(environmentHelp(spec.environment))] : []),
    '',
    'exit codes:',
    ...columns([...exitCodes].sort(([a], [b]) => a - b).map(([code, meaning]) => [String(code), meaning])),
  ].join('\n');
}

const debugRequested = (env: NodeJS.ProcessEnv) => Boolean(env.DEBUG) && !/^(0|false|no|off)$/i.test(env.DEBUG ?? '');

/**
 * Parses the command line, runs the command and sets the exit code. process.exitCode, not
 * process.exit(): exiting at once drops what is still queued for a pipe (a report on stderr
 * was cut at 64 KiB and lost its summary line); the process ends once nothing holds it.
 */
export function runCommand<Options extends OptionSpecs>(
  spec: CommandSpec<Options>,
  argv: string[] = process.argv.slice(2),
): Promise<void> {
  const context: CommandContext = { invocation: spec.invocation };
  const verbose = argv.includes('--verbose') || debugRequested(process.env);
  const general = spec as unknown as CommandSpec<OptionSpecs>;
  const usageFailure = (message: string) => {
    console.error(`${message}\n\n${usageLine(general)}\n(${spec.invocation} -- --help lists the options)`);
    process.exitCode = 2;
  };
  // parseArgs knows type, short and default only, and refuses a key set to undefined.
  const options = Object.fromEntries(
    Object.entries<OptionSpec>({ ...spec.options, ...COMMON_OPTIONS }).map(
      ([name, { type, short, default: fallback }]) => [
        name,
        { type, ...(short && { short }), ...(fallback !== undefined && { default: fallback }) },
      ],
    ),
  ) as Options;
  let args: Parsed<Options>;
  try {
    args = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    if (args.positionals.length > 0 && !spec.synopsis) {
      throw new UsageError(`Unexpected argument "${args.positionals[0]}": ${spec.invocation} takes none.`);
    }
  } catch (error) {
    // Node adds how to pass a positional that starts with '-': beside the point here.
    usageFailure((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
    return Promise.resolve();
  }
  if ((args.values as { help?: boolean }).help) {
    console.log(helpText(general));
    return Promise.resolve();
  }
  return Promise.resolve()
    .then(() => spec.run(args, context))
    .then(
      (code) => {
        if (code !== 'serving') process.exitCode = code;
      },
      (error: unknown) => {
        if (error instanceof UsageError || spec.usageErrors?.some((type) => error instanceof type)) {
          usageFailure((error as Error).message);
          return;
        }
        const failure = describeFailure(error, context);
        console.error(failure.message);
        if (verbose) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
        else if (!failure.expected) console.error('(--verbose or DEBUG=1 shows the stack)');
        process.exitCode = 1;
      },
    );
}
