import { describe, expect, test } from 'vitest';
import { answerProblem } from '../fuzz/fuzz-graphql-api.ts';

/** The fuzz tests' judgement of an answer: it must be able to fail. */
describe('fuzz answer check', () => {
  test('data, or errors that all carry a code, pass', () => {
    expect(answerProblem(200, '{"data":{"entity":null}}')).toBeNull();
    expect(answerProblem(400, '{"errors":[{"message":"x","extensions":{"code":"DEPTH_LIMIT_EXCEEDED"}}]}')).toBeNull();
  });

  test('a 5xx fails', () => {
    expect(answerProblem(500, '{"errors":[{"message":"x","extensions":{"code":"X"}}]}')).toBe('HTTP 500');
  });

  test('an error without a code fails', () => {
    expect(answerProblem(200, '{"errors":[{"message":"x"}]}')).toMatch(/without a code/);
  });

  test('a masked unexpected error fails', () => {
    expect(
      answerProblem(200, '{"errors":[{"message":"Unexpected error.","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}'),
    ).toMatch(/unexpected/);
  });

  test('an answer that is not JSON fails', () => {
    expect(answerProblem(200, '<html>')).toMatch(/not JSON/);
  });
});
