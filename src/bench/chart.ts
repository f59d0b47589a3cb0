/**
 * The bench chart, as hand-written SVG (no dependency): seed time per article (left) and
 * query p50 (right) against corpus size, both axes logarithmic. The right panel shows, per
 * target, the geometric mean of p50 over the request classes every plotted target answered
 * at every size, so the lines compare the same work.
 */
import type { BenchReport, Loader } from './results.ts';
import { LOADERS, LOADER_LABELS, TARGET_LABELS } from './results.ts';
import { TARGETS, type Target } from './compare/query-classes.ts';

export interface Series {
  label: string;
  color: string;
  dashed?: boolean;
  points: Array<{ x: number; y: number }>;
}

const LOADER_COLORS: Record<Loader, string> = { project: '#1f77b4', rawSimple: '#7f7f7f', rawModel: '#2ca02c' };
const TARGET_COLORS: Record<Target, string> = { project: '#1f77b4', neo4jGraphql: '#d62728', raw: '#2ca02c' };

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function seedSeries(report: BenchReport): Series[] {
  return LOADERS.map((loader) => ({
    label: LOADER_LABELS[loader].replace(/`/g, ''),
    color: LOADER_COLORS[loader],
    points: report.sizes.flatMap((size) => {
      const figures = size.loads[loader];
      return figures && figures.articles > 0 ? [{ x: size.articles, y: figures.ms / figures.articles }] : [];
    }),
  })).filter((series) => series.points.length > 0);
}

const geometricMean = (values: number[]) =>
  Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);

/** Per target, geometric mean of p50 over the classes that every target drawn answered cleanly at every size. */
export function querySeries(report: BenchReport): { series: Series[]; classes: string[] } {
  const answered = (target: Target, name: string) =>
    report.sizes.every((size) => {
      const figures = size.queries.find((row) => row.name === name)?.figures[target];
      return figures !== undefined && figures.failure === null && Number.isFinite(figures.p50) && figures.p50 > 0;
    });
  const names = report.sizes[0]?.queries.map((row) => row.name) ?? [];
  let drawn: Target[] = [...TARGETS];
  let classes = names.filter((name) => drawn.every((target) => answered(target, name)));
  if (classes.length === 0) {
    drawn = ['project', 'raw'];
    classes = names.filter((name) => drawn.every((target) => answered(target, name)));
  }
  const series = drawn.map((target) => ({
    label: TARGET_LABELS[target],
    color: TARGET_COLORS[target],
    points:
      classes.length === 0
        ? []
        : report.sizes.map((size) => ({
            x: size.articles,
            y: geometricMean(
              classes.map((name) => size.queries.find((row) => row.name === name)?.figures[target]?.p50 as number),
            ),
          })),
  }));
  return { series: series.filter((line) => line.points.length > 0), classes };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Powers of ten (and 2, 5 between them when few) within [min, max]. */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let exponent = Math.floor(Math.log10(min)); exponent <= Math.ceil(Math.log10(max)); exponent += 1) {
    for (const mantissa of [1, 2, 5]) {
      const value = mantissa * 10 ** exponent;
      if (value >= min * 0.999 && value <= max * 1.001) ticks.push(value);
    }
  }
  return ticks;
}

const tickLabel = (value: number) =>
  value >= 1000 ? `${value / 1000}k` : value >= 1 ? String(value) : value.toPrecision(1);

function panel(box: Box, title: string, yLabel: string, series: Series[]): string {
  const all = series.flatMap((line) => line.points);
  if (all.length === 0) {
    return `<text x="${box.x + box.width / 2}" y="${box.y + box.height / 2}" text-anchor="middle">${escapeXml(title)}: no data</text>`;
  }
  const xs = all.map((point) => point.x);
  const ys = all.map((point) => point.y);
  // Pad each range by a factor so single points sit inside the frame.
  const [xMin, xMax] = [Math.min(...xs) / 1.5, Math.max(...xs) * 1.5];
  const [yMin, yMax] = [Math.min(...ys) / 2, Math.max(...ys) * 2];
  const px = (x: number) => box.x + ((Math.log(x) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin))) * box.width;
  const py = (y: number) =>
    box.y + box.height - ((Math.log(y) - Math.log(yMin)) / (Math.log(yMax) - Math.log(yMin))) * box.height;
  const out: string[] = [];
  out.push(`<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="none" stroke="#999"/>`);
  out.push(
    `<text x="${box.x + box.width / 2}" y="${box.y - 10}" text-anchor="middle" font-weight="bold">${escapeXml(title)}</text>`,
  );
  out.push(
    `<text transform="translate(${box.x - 48},${box.y + box.height / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`,
    `<text x="${box.x + box.width / 2}" y="${box.y + box.height + 36}" text-anchor="middle">articles in the corpus</text>`,
  );
  for (const tick of logTicks(Math.min(...xs), Math.max(...xs))) {
    out.push(
      `<line x1="${px(tick).toFixed(1)}" y1="${box.y + box.height}" x2="${px(tick).toFixed(1)}" y2="${box.y + box.height + 5}" stroke="#999"/>`,
    );
    out.push(
      `<text x="${px(tick).toFixed(1)}" y="${box.y + box.height + 18}" text-anchor="middle">${tickLabel(tick)}</text>`,
    );
  }
  for (const tick of logTicks(yMin, yMax)) {
    out.push(
      `<line x1="${box.x}" y1="${py(tick).toFixed(1)}" x2="${box.x + box.width}" y2="${py(tick).toFixed(1)}" stroke="#eee"/>`,
    );
    out.push(`<text x="${box.x - 6}" y="${(py(tick) + 4).toFixed(1)}" text-anchor="end">${tickLabel(tick)}</text>`);
  }
  series.forEach((line, index) => {
    const points = [...line.points].sort((a, b) => a.x - b.x);
    const path = points
      .map((point, at) => `${at === 0 ? 'M' : 'L'}${px(point.x).toFixed(1)},${py(point.y).toFixed(1)}`)
      .join(' ');
    out.push(
      `<path d="${path}" fill="none" stroke="${line.color}" stroke-width="2"${line.dashed ? ' stroke-dasharray="5,4"' : ''}/>`,
    );
    for (const point of points)
      out.push(`<circle cx="${px(point.x).toFixed(1)}" cy="${py(point.y).toFixed(1)}" r="3.5" fill="${line.color}"/>`);
    const legendY = box.y + 16 + index * 16;
    out.push(`<rect x="${box.x + 8}" y="${legendY - 9}" width="12" height="4" fill="${line.color}"/>`);
    out.push(`<text x="${box.x + 26}" y="${legendY - 3}">${escapeXml(line.label)}</text>`);
  });
  return out.join('\n');
}

export function renderChart(report: BenchReport): string {
  const width = 960;
  const height = 420;
  const seed = panel({ x: 80, y: 40, width: 360, height: 300 }, 'Seeding', 'ms per article', seedSeries(report));
  const { series, classes } = querySeries(report);
  const query = panel(
    { x: 560, y: 40, width: 360, height: 300 },
    'Query p50',
    'ms (geometric mean over classes)',
    series,
  );
  const caption =
    classes.length > 0
      ? `p50: geometric mean over ${classes.length} classes every drawn target answered (${classes.join('; ')})`
      : 'p50: no class answered by every target';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">
<rect width="${width}" height="${height}" fill="white"/>
${seed}
${query}
<text x="${width / 2}" y="${height - 12}" text-anchor="middle" fill="#555">${escapeXml(caption.length > 170 ? `${caption.slice(0, 167)}...` : caption)}</text>
</svg>
`;
}
