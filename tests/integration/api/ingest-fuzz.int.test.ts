/**
 * Property-based: mutated articles through ingestArticle, in-process. A small fixed-seed run;
 * tests/reliability/ runs a thousand cases.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { expectIngestContract } from '../../fixtures/api-ingest-contract.ts';
import { baseArticles, mutatedArticle } from '../../fixtures/article-mutations.ts';
import { FuzzTally } from '../../fixtures/fuzz-run.ts';
import { openApi } from './harness.ts';

const api = await openApi();

describe('ingestArticle on mutated articles', () => {
  test('never a 5xx; refused input is BAD_USER_INPUT with field paths and leaves the graph unchanged', async () => {
    const tally = new FuzzTally('ingestArticle');
    await fc.assert(
      fc.asyncProperty(mutatedArticle(baseArticles()), async ({ doc }) => {
        await expectIngestContract(api, doc, tally);
      }),
      { seed: 20261127, numRuns: 40 },
    );
    expect(tally.get('cases')).toBe(40);
    expect(tally.get('refused')).toBeGreaterThan(20);
  }, 120_000);
});
