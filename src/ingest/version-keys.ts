/**
 * A relation written in the other format version's words: v1's `modality` and `attributedTo`
 * in a version 2 file, or a version 2 field in a version 1 file. zod calls both an unknown
 * key; these messages say what the file's version uses instead.
 */
import type { z } from 'zod';
import { RelationSchema, RelationV1Schema, type FormatVersion } from '../domain/article.schema.ts';
import { STANCE_OF_V1_MODALITY } from '../domain/evidence-vocabulary.ts';
import { MODALITIES, type Modality } from '../domain/vocabulary.ts';
import { formatPath, fromZodIssues, type ValidationIssue } from './issues.ts';

const UPGRADE_HINT = 'npm run format:upgrade rewrites a version 1 file as version 2';

const isModality = (value: unknown): value is Modality => (MODALITIES as readonly unknown[]).includes(value);

function v1KeyMessage(key: string, value: unknown): string {
  if (key === 'modality') {
    const stance = isModality(value) ? STANCE_OF_V1_MODALITY[value] : 'asserts';
    const example = isModality(value) ? `${JSON.stringify(value)} is` : 'e.g.';
    return `expected attributions instead of modality in format version 2: ${example} "attributions": [{"stance": "${stance}"}], and "does not" is "polarity": "negative"; ${UPGRADE_HINT}`;
  }
  const holder = typeof value === 'string' ? value : 'pakistan';
  return `expected attributions instead of attributedTo in format version 2: the holder of an attribution, "attributions": [{"holder": ${JSON.stringify(holder)}, "stance": "asserts"}]; ${UPGRADE_HINT}`;
}

function v2KeyMessage(key: string): string {
  return `expected no ${key} in format version 1: it is a field of format version 2; set "formatVersion": 2 and write the relation as version 2 (${UPGRADE_HINT})`;
}

const shapeKeys = (schema: { shape: Record<string, unknown> }) => new Set(Object.keys(schema.shape));
const V1_KEYS = shapeKeys(RelationV1Schema);
const V2_KEYS = shapeKeys(RelationSchema);
/** Relation keys only version 1 knows, and only version 2. */
const ONLY_IN: Record<FormatVersion, Set<string>> = {
  1: new Set([...V1_KEYS].filter((key) => !V2_KEYS.has(key))),
  2: new Set([...V2_KEYS].filter((key) => !V1_KEYS.has(key))),
};

const isRelationPath = (path: readonly PropertyKey[]) =>
  path.length === 2 && path[0] === 'relations' && typeof path[1] === 'number';

function relationAt(json: unknown, index: number): Record<string, unknown> {
  const relations = (json as { relations?: unknown } | null)?.relations;
  const relation: unknown = Array.isArray(relations) ? relations[index] : undefined;
  return relation !== null && typeof relation === 'object' ? (relation as Record<string, unknown>) : {};
}

/**
 * `fromZodIssues`, with the unknown relation keys that belong to the other version told
 * apart: each gets its own issue, at its own path, saying what this version writes instead.
 */
export function issuesOfVersion(
  file: string,
  version: FormatVersion,
  zodIssues: readonly z.core.$ZodIssue[],
  json: unknown,
): ValidationIssue[] {
  const foreign = ONLY_IN[version === 1 ? 2 : 1];
  return zodIssues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys' || !isRelationPath(issue.path)) return fromZodIssues(file, [issue]);
    const known = issue.keys.filter((key) => foreign.has(key));
    if (known.length === 0) return fromZodIssues(file, [issue]);
    const relation = relationAt(json, issue.path[1] as number);
    const others = issue.keys.filter((key) => !foreign.has(key));
    return [
      ...(others.length > 0 ? fromZodIssues(file, [{ ...issue, keys: others }]) : []),
      ...known.map((key) => ({
        file,
        path: formatPath([...issue.path, key]),
        message: version === 2 ? v1KeyMessage(key, relation[key]) : v2KeyMessage(key),
      })),
    ];
  });
}
