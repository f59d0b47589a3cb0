/**
 * Relation ids and page cursors are one thing: the relation's key (source, type, target, via)
 * in base64url. Deterministic, so the same relation has the same id in every response; and
 * since `relations` pages in key order, the id of a page's last relation is the keyset cursor
 * for the next page. Opaque to clients: they pass it back, they do not build it.
 */
import { z } from 'zod';
import { isRelationType } from '../domain/vocabulary.ts';
import type { ClaimPosition } from '../db/claims.repo.ts';
import type { RelationKey } from '../db/rows.ts';
import { BadUserInputError } from './errors.ts';

const SEPARATOR = '|';
const VIA = 'via';

export function encodeRelationKey(key: RelationKey): string {
  const parts = [key.sourceId, key.type, key.targetId, ...(key.viaId ? [VIA, key.viaId] : [])];
  return Buffer.from(parts.join(SEPARATOR), 'utf8').toString('base64url');
}

/** `field` names the argument in the error, e.g. `after` or `id`. */
export function decodeRelationKey(value: string, field: string): RelationKey {
  const parts = Buffer.from(value, 'base64url').toString('utf8').split(SEPARATOR);
  const [sourceId, type, targetId, via, viaId] = parts;
  const wellFormed =
    (parts.length === 3 || (parts.length === 5 && via === VIA && viaId)) &&
    sourceId &&
    targetId &&
    type !== undefined &&
    isRelationType(type);
  if (!wellFormed) {
    throw new BadUserInputError({
      field,
      reason: 'expected a relation id or cursor exactly as an earlier response returned it',
    });
  }
  return { sourceId, type, targetId, viaId: viaId ?? null };
}

/** A claim's place in evidence order: its date bounds, its article and its position there. */
const ClaimCursorSchema = z.tuple([z.string(), z.string(), z.string().min(1), z.number().int().min(0)]);

export function encodeClaimCursor(position: ClaimPosition): string {
  const parts = [position.dateStart, position.dateEnd, position.articleId, position.ordinal];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function decodeClaimCursor(value: string, field: string): ClaimPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const result = ClaimCursorSchema.safeParse(parsed);
  if (!result.success) {
    throw new BadUserInputError({
      field,
      reason: 'expected a claim cursor exactly as an earlier response returned it',
    });
  }
  const [dateStart, dateEnd, articleId, ordinal] = result.data;
  return { dateStart, dateEnd, articleId, ordinal };
}
