/**
 * Grounding: how much of a run's evidence points into article texts. With the text, every
 * quote is located (validation refuses a quote the text does not hold) and its offsets are
 * stored; without it, the claims stand on their quotes alone. `--require-text` refuses
 * articles without text; the seed report prints the coverage.
 */
import type { ExtractedArticle } from '../domain/article.schema.ts';
import { isClaimType } from '../domain/vocabulary.ts';
import type { ValidationIssue } from './issues.ts';

export interface GroundingCoverage {
  articles: number;
  articlesWithText: number;
  /** Claims: relations of a claim type (the ones that need a quote). */
  claims: number;
  /** Claims whose quote has offsets stored: located in the article text, or given by the file (`npm run ground`). */
  claimsWithOffsets: number;
}

export const noGrounding = (): GroundingCoverage => ({
  articles: 0,
  articlesWithText: 0,
  claims: 0,
  claimsWithOffsets: 0,
});

/** One valid article's share; validation has already refused any quote its text does not hold. */
export function groundingOf(article: ExtractedArticle): GroundingCoverage {
  const hasText = article.article.text !== undefined;
  const claims = article.relations.filter((relation) => isClaimType(relation.type));
  return {
    articles: 1,
    articlesWithText: hasText ? 1 : 0,
    claims: claims.length,
    claimsWithOffsets: claims.filter(
      (claim) => claim.quote !== undefined && (hasText || claim.quoteStart !== undefined),
    ).length,
  };
}

export function addGrounding(total: GroundingCoverage, more: GroundingCoverage): void {
  total.articles += more.articles;
  total.articlesWithText += more.articlesWithText;
  total.claims += more.claims;
  total.claimsWithOffsets += more.claimsWithOffsets;
}

const share = (part: number, whole: number) =>
  `${part}/${whole}${whole > 0 ? ` (${Math.floor((part / whole) * 100)}%)` : ''}`;

/** `claims with offsets 25/27 (92%), articles with text 1/2 (50%)` */
export function formatGrounding(coverage: GroundingCoverage): string {
  return `claims with offsets ${share(coverage.claimsWithOffsets, coverage.claims)}, articles with text ${share(coverage.articlesWithText, coverage.articles)}`;
}

/** What `--require-text` says of an article without text. */
export function missingTextIssue(file: string): ValidationIssue {
  return {
    file,
    path: 'article.text',
    message:
      'expected the article text (--require-text): without it the quotes cannot be located in the article, but it is missing',
  };
}
