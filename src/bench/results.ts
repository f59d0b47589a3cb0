/**
 * `bench/RESULTS.md`: what `npm run bench` measured, rendered from plain figures (pure, so
 * the rendering is unit-tested without a database).
 */
import type { ClassFigures } from './http-load.ts';
import type { Target } from './compare/query-classes.ts';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  neo4j: string;
  /** 1, 5 and 15 minute load averages when the run started: other work on the machine skews every figure. */
  loadAverage?: string;
}

export interface LoadFigures {
  ms: number;
  articles: number;
  claims: number;
  /** MiB, of the bench process while it loaded. */
  peakRssMiB: number;
  /** Loading the same files again (every article unchanged); only the project has one. */
  rerunMs?: number;
}

export type Loader = 'project' | 'rawSimple' | 'rawModel';
export const LOADERS: readonly Loader[] = ['project', 'rawSimple', 'rawModel'];
export const LOADER_LABELS: Record<Loader, string> = {
  project: 'project (`seedSources`)',
  rawSimple: 'raw simple (old model)',
  rawModel: 'raw model (v2)',
};

export interface QueryRow {
  name: string;
  note?: string;
  /** undefined: the target has no equivalent ("—"). */
  figures: Partial<Record<Target, ClassFigures>>;
}

export interface SizeResult {
  articles: number;
  /** Claims in the corpus (elements of the articles' `relations`). */
  claims: number;
  loads: Partial<Record<Loader, LoadFigures>>;
  queries: QueryRow[];
}

export interface BenchReport {
  generatedAt: string;
  command: string;
  machine: MachineInfo;
  settings: { seed: number; connections: number; duration: number };
  sizes: SizeResult[];
}

export const TARGET_LABELS: Record<Target, string> = {
  project: 'project',
  neo4jGraphql: '@neo4j/graphql',
  raw: 'raw Cypher',
};

const int = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const seconds = (ms: number | undefined) => (ms === undefined ? '—' : fixed(ms / 1000, 2));
const ms = (value: number) =>
  !Number.isFinite(value)
    ? value === Number.POSITIVE_INFINITY
      ? '∞'
      : '—'
    : value < 10
      ? value.toFixed(1)
      : int(value);
const ratio = (value: number) =>
  Number.isFinite(value) && value > 0 ? `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×` : '—';
const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

export function renderSeedingTable(size: SizeResult): string {
  const project = size.loads.project;
  const rows = LOADERS.flatMap((loader) => {
    const figures = size.loads[loader];
    if (!figures) return [];
    return [
      [
        LOADER_LABELS[loader],
        seconds(figures.ms),
        fixed((figures.articles / figures.ms) * 1000),
        int((figures.claims / figures.ms) * 1000),
        int(figures.peakRssMiB),
        seconds(figures.rerunMs),
        loader === 'project' || !project ? '—' : ratio(project.ms / figures.ms),
      ],
    ];
  });
  return table(
    ['loader', 's', 'articles/s', 'claims/s', 'peak RSS (MiB)', 'unchanged re-run (s)', 'project time ÷ this'],
    rows,
  );
}

function cell(figures: ClassFigures | undefined, field: 'reqPerSec' | 'p50' | 'p99' | 'cypherQueries'): string {
  if (!figures) return '—';
  if (figures.failure !== null)
    return field === 'cypherQueries' ? fixed(figures.cypherQueries ?? Number.NaN, 0) : 'FAILED';
  if (field === 'reqPerSec') return fixed(figures.reqPerSec);
  if (field === 'cypherQueries') return figures.cypherQueries === null ? '?' : String(figures.cypherQueries);
  return ms(figures[field]);
}

const ok = (figures: ClassFigures | undefined): figures is ClassFigures =>
  figures !== undefined && figures.failure === null;

export function renderQueryTable(size: SizeResult): string {
  const targets: Target[] = ['project', 'neo4jGraphql', 'raw'];
  const header = [
    'class',
    ...targets.flatMap((target) => [`${TARGET_LABELS[target]} req/s`, 'p50 ms', 'p99 ms', 'queries/req']),
    'p50 project ÷ @neo4j/graphql',
    'p50 project ÷ raw',
  ];
  const rows = size.queries.map((row) => {
    const project = row.figures.project;
    const versus = (other: ClassFigures | undefined) =>
      ok(project) && ok(other) ? ratio(project.p50 / other.p50) : '—';
    return [
      escapeCell(row.name),
      ...targets.flatMap((target) =>
        (['reqPerSec', 'p50', 'p99', 'cypherQueries'] as const).map((field) => cell(row.figures[target], field)),
      ),
      versus(row.figures.neo4jGraphql),
      versus(row.figures.raw),
    ];
  });
  return table(header, rows);
}

function renderFailures(size: SizeResult): string {
  const lines = size.queries.flatMap((row) =>
    (Object.entries(row.figures) as Array<[Target, ClassFigures]>)
      .filter(([, figures]) => figures.failure !== null)
      .map(
        ([target, figures]) =>
          `- **${escapeCell(row.name)}**, ${TARGET_LABELS[target]}: ${escapeCell(figures.failure ?? '')}`,
      ),
  );
  return lines.length === 0
    ? 'No request class failed.'
    : `FAILED classes (reported, not hidden):\n\n${lines.join('\n')}`;
}

function renderNotes(size: SizeResult): string {
  const notes = size.queries
    .filter((row) => row.note)
    .map((row) => `- ${escapeCell(row.name)}: ${escapeCell(row.note ?? '')}`);
  return notes.length === 0 ? '' : `Differences between the targets' requests:\n\n${notes.join('\n')}`;
}

type Verdict = 'met' | 'not met' | 'n/a';

interface GoalRow {
  goal: string;
  measured: string;
  verdict: Verdict;
}

const verdict = (value: number, limit: number, atMost: boolean): Verdict =>
  !Number.isFinite(value) ? 'n/a' : (atMost ? value <= limit : value >= limit) ? 'met' : 'not met';

/**
 * Issue 9's goals, checked against this run's figures: seeding against the raw loaders and
 * across sizes, each query class against the references, p50 growth from the second-largest
 * size to the largest.
 */
export function renderGoals(report: BenchReport): string {
  const rows: GoalRow[] = [];
  const perArticle = (size: SizeResult) => (size.loads.project ? size.loads.project.ms / size.articles : Number.NaN);
  for (const size of report.sizes) {
    const { project, rawModel, rawSimple } = size.loads;
    if (!project) continue;
    const label = `${int(size.articles)} articles`;
    if (rawModel) {
      const value = project.ms / rawModel.ms;
      rows.push({
        goal: `seeding ≤ 1.1 × raw model (${label})`,
        measured: ratio(value),
        verdict: verdict(value, 1.1, true),
      });
    }
    if (rawSimple) {
      const value = project.ms / rawSimple.ms;
      rows.push({
        goal: `seeding ≤ 2 × raw simple (${label})`,
        measured: ratio(value),
        verdict: verdict(value, 2, true),
      });
    }
    if (size.articles === 5000 && project.rerunMs !== undefined) {
      rows.push({
        goal: 'unchanged re-run of 5,000 articles ≤ 1 s',
        measured: `${seconds(project.rerunMs)} s`,
        verdict: verdict(project.rerunMs, 1000, true),
      });
    }
  }
  const seeded = report.sizes.filter((size) => size.loads.project);
  if (seeded.length > 1) {
    const [first, last] = [seeded[0]!, seeded.at(-1)!];
    const growth = perArticle(last) / perArticle(first);
    rows.push({
      goal: `time per article at ${int(last.articles)} ≤ 1.2 × at ${int(first.articles)}`,
      measured: ratio(growth),
      verdict: verdict(growth, 1.2, true),
    });
    const rss = (last.loads.project?.peakRssMiB ?? Number.NaN) / (first.loads.project?.peakRssMiB ?? Number.NaN);
    rows.push({
      goal: `seed peak RSS flat from ${int(first.articles)} to ${int(last.articles)} (≤ 1.2 ×)`,
      measured: ratio(rss),
      verdict: verdict(rss, 1.2, true),
    });
  }
  const largest = report.sizes.at(-1);
  if (largest) {
    for (const row of largest.queries) {
      const project = row.figures.project;
      if (!ok(project)) {
        rows.push({
          goal: `${row.name}: answers (${int(largest.articles)} articles)`,
          measured: 'FAILED',
          verdict: 'not met',
        });
        continue;
      }
      const library = row.figures.neo4jGraphql;
      if (library) {
        const value = ok(library) ? project.reqPerSec / library.reqPerSec : Number.POSITIVE_INFINITY;
        rows.push({
          goal: `${row.name}: req/s ≥ 1.5 × @neo4j/graphql`,
          measured: ok(library) ? ratio(value) : 'it failed',
          verdict: ok(library) ? verdict(value, 1.5, false) : 'met',
        });
        if (ok(library))
          rows.push({
            goal: `${row.name}: p99 ≤ @neo4j/graphql's`,
            measured: `${ms(project.p99)} / ${ms(library.p99)} ms`,
            verdict: verdict(project.p99, library.p99, true),
          });
      }
      const raw = row.figures.raw;
      if (ok(raw)) {
        const value = project.reqPerSec / raw.reqPerSec;
        rows.push({
          goal: `${row.name}: req/s ≥ 0.8 × raw`,
          measured: ratio(value),
          verdict: verdict(value, 0.8, false),
        });
        rows.push({
          goal: `${row.name}: p99 ≤ raw's`,
          measured: `${ms(project.p99)} / ${ms(raw.p99)} ms`,
          verdict: verdict(project.p99, raw.p99, true),
        });
      }
    }
    const previous = report.sizes.at(-2);
    if (previous) {
      for (const row of largest.queries) {
        const [now, before] = [
          row.figures.project,
          previous.queries.find((candidate) => candidate.name === row.name)?.figures.project,
        ];
        if (!ok(now) || !ok(before)) continue;
        const growth = now.p50 / before.p50;
        rows.push({
          goal: `${row.name}: p50 at ${int(largest.articles)} ≤ 1.5 × at ${int(previous.articles)}`,
          measured: ratio(growth),
          verdict: verdict(growth, 1.5, true),
        });
      }
    }
  }
  if (rows.length === 0) return '';
  const met = rows.filter((row) => row.verdict === 'met').length;
  return [
    `## Goals (issue 9): ${met} of ${rows.length} met`,
    '',
    table(
      ['goal', 'measured', 'verdict'],
      rows.map((row) => [escapeCell(row.goal), row.measured, row.verdict]),
    ),
  ].join('\n');
}

export function renderResults(report: BenchReport, chartFile = 'bench-chart.svg'): string {
  const { machine, settings } = report;
  const parts = [
    '# Bench results',
    '',
    `Generated by \`${report.command}\` on ${report.generatedAt}.`,
    '',
    '## Machine',
    '',
    table(
      ['what', 'value'],
      [
        ['CPU', escapeCell(machine.cpu)],
        ['cores', String(machine.cores)],
        ['RAM', `${fixed(machine.ramGiB)} GiB`],
        ['OS', escapeCell(machine.os)],
        ['Node', machine.node],
        ['Neo4j', escapeCell(machine.neo4j)],
        ...(machine.loadAverage ? [['load average at start (1, 5, 15 min)', machine.loadAverage]] : []),
      ],
    ),
    '',
    `Synthetic corpus (src/bench/corpus.ts), seed ${settings.seed}. Load: autocannon on loopback, ${settings.connections} connections, ${settings.duration} s per class and target, after one sample request whose answer must be a 2xx without errors. Latencies in ms over every request that ended (a timeout counts as never answered); "queries/req" is the Cypher queries one request ran (\`extensions.cypherQueries\`). "—": no equivalent; FAILED: see below the table.`,
    '',
    `![seed time per article and query p50 against corpus size](${chartFile})`,
  ];
  const goals = renderGoals(report);
  if (goals) parts.push('', goals);
  for (const size of report.sizes) {
    parts.push(
      '',
      `## ${int(size.articles)} articles (${int(size.claims)} claims)`,
      '',
      '### Seeding',
      '',
      renderSeedingTable(size),
      '',
      '### Queries',
      '',
      'All three targets queried the graph the project seeded.',
      '',
      renderQueryTable(size),
      '',
      renderFailures(size),
    );
    const notes = renderNotes(size);
    if (notes) parts.push('', notes);
  }
  return `${parts.join('\n')}\n`;
}
