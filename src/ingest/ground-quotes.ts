/**
 * Grounding a file in a text it does not carry (`npm run ground`): every quote is located in
 * the text and its offsets written into the file, with the text's sha256, so the file says
 * exactly where its evidence is without holding an article its publisher has not licensed
 * for copying. Works on the document as written (keys, order and defaults left alone).
 */
import type { ValidationIssue } from './issues.ts';
import { quoteLocator } from './text-folding.ts';
import { sha256Of } from './validate-article.ts';

type JsonObject = Record<string, unknown>;

export interface GroundedDocument {
  document: JsonObject;
  quotes: number;
  /** Quotes the text does not hold: nothing is grounded then. */
  issues: ValidationIssue[];
}

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** `relation` with `quoteStart`/`quoteEnd` right after its quote (replacing any it had). */
function withOffsets(relation: JsonObject, start: number, end: number): JsonObject {
  const entries = Object.entries(relation).filter(([key]) => key !== 'quoteStart' && key !== 'quoteEnd');
  const at = entries.findIndex(([key]) => key === 'quote') + 1;
  entries.splice(at, 0, ['quoteStart', start], ['quoteEnd', end]);
  return Object.fromEntries(entries);
}

/** `document` (a valid version 2 file) with the offsets of its quotes in `text`, and the text's sha256. */
export function groundDocument(document: JsonObject, text: string, file: string, textFile: string): GroundedDocument {
  const locate = quoteLocator(text);
  const issues: ValidationIssue[] = [];
  let quotes = 0;
  const relations = (Array.isArray(document.relations) ? document.relations : []).map((relation: unknown, index) => {
    if (!isObject(relation) || typeof relation.quote !== 'string') return relation;
    quotes += 1;
    const span = locate(relation.quote);
    if (span === null) {
      issues.push({
        file,
        path: `relations[${index}].quote`,
        message: `expected a verbatim span of ${textFile} (whitespace, quotes and dashes folded); ${JSON.stringify(relation.quote)} does not occur in it`,
      });
      return relation;
    }
    return withOffsets(relation, span.start, span.end);
  });
  const article = isObject(document.article) ? document.article : {};
  return {
    document: { ...document, article: { ...article, textSha256: sha256Of(text) }, relations },
    quotes,
    issues,
  };
}
