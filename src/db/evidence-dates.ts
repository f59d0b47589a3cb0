import type { EvidenceRow } from './rows.ts';

/** Oldest first: by the first day a claim's date can mean, then the last, then article order. */
export function compareEvidenceByDate(a: EvidenceRow, b: EvidenceRow): number {
  const key = (row: EvidenceRow) => [
    row.dateStart ?? '',
    row.dateEnd ?? '',
    row.articleId,
    String(row.ordinal ?? 0).padStart(6, '0'),
  ];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i += 1) {
    if (x[i]! < y[i]!) return -1;
    if (x[i]! > y[i]!) return 1;
  }
  return 0;
}

/** The dates (as written) of the earliest and the latest claim. */
export function seenRange(evidence: readonly EvidenceRow[]): { firstSeen: string | null; lastSeen: string | null } {
  let first: EvidenceRow | undefined;
  let last: EvidenceRow | undefined;
  for (const claim of evidence) {
    if (claim.dateStart !== null && (!first || claim.dateStart < (first.dateStart ?? ''))) first = claim;
    if (claim.dateEnd !== null && (!last || claim.dateEnd > (last.dateEnd ?? ''))) last = claim;
  }
  return { firstSeen: first?.effectiveDate ?? null, lastSeen: last?.effectiveDate ?? null };
}
