/** 1,000 mutated articles through ingestArticle in-process (the integration suite runs 40). */
import { describe, expect, test } from 'vitest';
import { fuzzIngestArticle } from '../fixtures/api-ingest-contract.ts';
import { fuzzRun } from '../fixtures/fuzz-run.ts';
import { openApi } from '../integration/api/harness.ts';

const api = await openApi();

describe('ingestArticle on 1,000 mutated articles', () => {
  test('never a 5xx; refused input is BAD_USER_INPUT with field paths and leaves the graph unchanged', async () => {
    const tally = await fuzzIngestArticle(api, fuzzRun('ingestArticle', 1_000));
    tally.print();
    expect(tally.get('crashes')).toBe(0);
    expect(tally.get('partial writes')).toBe(0);
  });
});
