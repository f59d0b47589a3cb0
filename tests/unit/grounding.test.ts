import { describe, expect, it } from 'vitest';
import { addGrounding, formatGrounding, groundingOf, noGrounding } from '../../src/ingest/grounding.ts';
import { articleDocV2 } from '../fixtures/article-builder.ts';

const article = () =>
  articleDocV2()
    .add('State', 'a')
    .add('State', 'b')
    .add('Group', 'g')
    .claim('THREATENS', 'a', 'b')
    .claim('CRITICIZES', 'b', 'a')
    .relation('OPERATES_IN', 'g', 'a');

describe('grounding coverage', () => {
  it('counts the claims of an article with text as having offsets, and structural relations not at all', () => {
    expect(groundingOf(article().groundedInQuotes().parse())).toEqual({
      articles: 1,
      articlesWithText: 1,
      claims: 2,
      claimsWithOffsets: 2,
    });
  });

  it('counts no offsets for an article without text', () => {
    expect(groundingOf(article().parse())).toEqual({
      articles: 1,
      articlesWithText: 0,
      claims: 2,
      claimsWithOffsets: 0,
    });
  });

  it('adds up over a run and reads as shares', () => {
    const total = noGrounding();
    addGrounding(total, groundingOf(article().groundedInQuotes().parse()));
    addGrounding(total, groundingOf(article().parse()));
    addGrounding(total, groundingOf(article().parse()));
    expect(formatGrounding(total)).toBe('claims with offsets 2/6 (33%), articles with text 1/3 (33%)');
  });

  it('says 100% only when every claim has its offsets, and no share of nothing', () => {
    expect(formatGrounding({ articles: 1000, articlesWithText: 999, claims: 0, claimsWithOffsets: 0 })).toBe(
      'claims with offsets 0/0, articles with text 999/1000 (99%)',
    );
  });
});
