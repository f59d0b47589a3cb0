/**
 * A checksum of the whole graph: every node with its labels and properties, every
 * relationship with its type, endpoints and properties. Stronger than graphCounts: a refused
 * input that changed one property, or wrote and deleted, would show. For small test graphs.
 * The writers' lock node is left out: every writer, even one whose input is refused, takes
 * its lease, and the lease is not data.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../src/db/driver.ts';
import { cypher } from './test-db.ts';

/** JSON with object keys sorted, so equal maps always serialize alike. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

export async function graphChecksum(db: Db): Promise<string> {
  const nodes = await cypher(
    db,
    'MATCH (n) WHERE NOT n:IngestLock RETURN labels(n) AS labels, properties(n) AS properties',
  );
  const relationships = await cypher(
    db,
    'MATCH (a)-[r]->(b) RETURN properties(a) AS from, type(r) AS type, properties(r) AS properties, properties(b) AS to',
  );
  const lines = [...nodes.map(canonical), ...relationships.map(canonical)].sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
