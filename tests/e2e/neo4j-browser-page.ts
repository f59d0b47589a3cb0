import type { Locator } from 'playwright-core';

/**
 * Reading Neo4j Browser 5's graph visualization (an SVG drawn by its force layout):
 *   svg.neod3viz g.node            one per node; circle.b-outline carries the style's fill,
 *                                  text.caption one line of the caption each
 *   svg.neod3viz g.relationship    path.b-outline carries the style's colour, text the caption
 */
export interface DrawnNode {
  /** The caption's lines joined with spaces; Browser cuts long ones with "…". */
  caption: string;
  /** The circle's fill, upper case (#2F6DB5). */
  fill: string;
}

export async function drawnNodes(graphFrame: Locator): Promise<DrawnNode[]> {
  return graphFrame.locator('svg.neod3viz g.node').evaluateAll((nodes) =>
    nodes.map((node) => ({
      caption: Array.from(node.querySelectorAll('text.caption'), (line) => (line.textContent ?? '').trim())
        .filter(Boolean)
        .join(' '),
      fill: (node.querySelector('circle.b-outline')?.getAttribute('fill') ?? '').toUpperCase(),
    })),
  );
}

export function nodeColorOf(nodes: DrawnNode[], caption: string): string {
  const node = nodes.find((candidate) => candidate.caption === caption);
  if (!node)
    throw new Error(`no node captioned "${caption}" among ${nodes.map((candidate) => candidate.caption).join(', ')}`);
  return node.fill;
}

/** The colour of the first relationship whose caption is `type` (captions can be cut: "OPPO…"). */
export async function relationshipColorOf(graphFrame: Locator, type: string): Promise<string> {
  const colors = await graphFrame
    .locator('svg.neod3viz g.relationship')
    .evaluateAll(
      (relationships, wanted) =>
        relationships
          .filter((relationship) => relationship.querySelector('text')?.textContent === wanted)
          .map((relationship) =>
            (relationship.querySelector('path.b-outline')?.getAttribute('fill') ?? '').toUpperCase(),
          ),
      type,
    );
  if (!colors[0]) throw new Error(`no relationship captioned ${type} is drawn in full`);
  return colors[0];
}

/**
 * Waits until the force layout stops moving the nodes (positions steady for a second), so the
 * screenshot shows the settled graph. Gives up quietly after `timeoutMs`: a layout still
 * drifting is drawn all the same.
 */
export async function waitForLayoutToSettle(graphFrame: Locator, timeoutMs = 20_000): Promise<void> {
  const positions = () =>
    graphFrame
      .locator('svg.neod3viz g.node')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('transform') ?? ''));
  const moved = (before: string[], after: string[]) =>
    before.length !== after.length ||
    before.some((transform, index) => {
      const a = transform.match(/-?[\d.]+/g)?.map(Number) ?? [];
      const b = after[index]?.match(/-?[\d.]+/g)?.map(Number) ?? [];
      return a.length !== b.length || a.some((value, axis) => Math.abs(value - (b[axis] ?? 0)) > 0.5);
    });
  const deadline = Date.now() + timeoutMs;
  let previous = await positions();
  let steady = 0;
  while (Date.now() < deadline && steady < 2) {
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 500));
    const current = await positions();
    steady = moved(previous, current) ? 0 : steady + 1;
    previous = current;
  }
}
