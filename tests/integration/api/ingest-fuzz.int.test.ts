/**
 * Property-based: mutated articles through ingestArticle, in-process. A small fixed-seed run;
 * tests/reliability/ runs a thousand cases.
 */
import { describe, expect, test } from 'vitest';
import { fuzzIngestArticle } from '../../fixtures/api-ingest-contract.ts';
import { openApi } from './harness.ts';

const api = await openApi();

describe('ingestArticle on mutated articles', () => {
  test('never a 5xx; refused input is BAD_USER_INPUT with field paths and leaves the graph unchanged', async () => {
    const tally = await fuzzIngestArticle(api, { seed: 20261127, runs: 40 });
    expect(tally.get('cases')).toBe(40);
    expect(tally.get('refused')).toBeGreaterThan(20);
  }, 120_000);
});
