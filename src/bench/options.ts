/**
 * The options of `npm run bench` (src/cli/bench.ts), parsed without side effects so they can be tested.
 */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run bench -- [options]

  --sizes 1000,5000,20000   corpus sizes in articles (default 1000,5000,20000)
  --quick                   one tiny size (200 articles) and 2 s of load per class: what CI runs
  --seed S                  corpus seed (default 1)
  --duration S              seconds of load per class and target (default 10)
  --connections N           concurrent connections of the load (default 8)
  --out FILE                where to write the results (default bench/RESULTS.md; the chart goes beside it)
  --keep                    leave the bench Neo4j running
  --help                    this text

Neo4j: NEO4J_BENCH_BOLT_PORT, NEO4J_BENCH_HTTP_PORT, NEO4J_BENCH_LOCAL_DIR (default 17697, 17484, .neo4j-bench).`;

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

export function parseOptions(args: string[]): Options | 'help' {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      duration: { type: 'string' },
      connections: { type: 'string', default: '8' },
      out: { type: 'string', default: 'bench/RESULTS.md' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const sizes = (values.sizes ?? (values.quick ? '200' : '1000,5000,20000'))
    .split(',')
    .map((size) => positiveInteger('sizes', size.trim()));
  return {
    sizes,
    seed: positiveInteger('seed', values.seed),
    duration: positiveInteger('duration', values.duration ?? (values.quick ? '2' : '10')),
    connections: positiveInteger('connections', values.connections),
    out: values.out,
    keep: values.keep,
  };
}
