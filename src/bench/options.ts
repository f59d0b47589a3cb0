/**
 * The options of `npm run bench` (src/cli/bench.ts), parsed without side effects so they can be tested.
 */
/**
 * The smallest corpus every query class runs on: the deep-page class walks 10 pages of
 * affirmative CRITICIZES relations first (201 relations at least). The v2 corpus has fewer
 * per article than v1's (more claim types, and claims that are not affirmative make none):
 * 100 articles give 210-228 on seeds 1-3, too close; 120 leaves a margin for other seeds.
 */
export const MIN_ARTICLES = 120;

/** Option specs in the form the shared command runner (src/cli/run-command.ts) takes. */
export const BENCH_OPTIONS = {
  sizes: {
    type: 'string',
    value: '<n,n,...>',
    description: `corpus sizes in articles, each at least ${MIN_ARTICLES} (default 1000,5000,20000)`,
  },
  quick: {
    type: 'boolean',
    default: false,
    description: 'one tiny size (200 articles) and 2 s of load per class: what CI runs',
  },
  seed: { type: 'string', default: '1', value: '<s>', description: 'corpus seed (default 1)' },
  duration: { type: 'string', value: '<s>', description: 'seconds of load per class and target (default 10)' },
  connections: {
    type: 'string',
    default: '8',
    value: '<n>',
    description: 'concurrent connections of the load (default 8)',
  },
  out: {
    type: 'string',
    default: 'bench/RESULTS.md',
    value: '<file>',
    description: 'where to write the results (default bench/RESULTS.md; the chart goes beside it)',
  },
  keep: { type: 'boolean', default: false, description: 'leave the bench Neo4j running' },
} as const;

export interface Options {
  sizes: number[];
  seed: number;
  duration: number;
  connections: number;
  out: string;
  keep: boolean;
}

export class UsageError extends Error {}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`--${name}: expected a positive integer, got ${JSON.stringify(text)}`);
  return value;
}

export interface BenchValues {
  sizes?: string;
  quick?: boolean;
  seed?: string;
  duration?: string;
  connections?: string;
  out?: string;
  keep?: boolean;
}

/** Checks and converts the parsed values; a bad one is a UsageError. */
export function benchOptions(values: BenchValues): Options {
  const sizes = (values.sizes ?? (values.quick ? '200' : '1000,5000,20000'))
    .split(',')
    .map((size) => positiveInteger('sizes', size.trim()));
  const tooSmall = sizes.find((size) => size < MIN_ARTICLES);
  if (tooSmall !== undefined) {
    throw new UsageError(
      `--sizes: ${tooSmall} articles is too small: the deep-page query class needs more than 10 pages of relations; use at least ${MIN_ARTICLES}`,
    );
  }
  return {
    sizes,
    seed: positiveInteger('seed', values.seed ?? '1'),
    duration: positiveInteger('duration', values.duration ?? (values.quick ? '2' : '10')),
    connections: positiveInteger('connections', values.connections ?? '8'),
    out: values.out ?? 'bench/RESULTS.md',
    keep: values.keep ?? false,
  };
}
