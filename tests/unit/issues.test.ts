import { describe, expect, it } from 'vitest';
import { capIssues, describeValue, formatIssueReport, formatIssues, formatPath } from '../../src/ingest/issues.ts';

describe('JSON paths', () => {
  it('reads like JavaScript: relations[3].target, entities[0].aliases[2]', () => {
    expect(formatPath(['relations', 3, 'target'])).toBe('relations[3].target');
    expect(formatPath(['entities', 0, 'aliases', 2])).toBe('entities[0].aliases[2]');
    expect(formatPath(['article', 'publishedAt'])).toBe('article.publishedAt');
  });

  it('is empty for the root and quotes keys that are not identifiers', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['a b', 0])).toBe('["a b"][0]');
  });
});

describe('received values', () => {
  it('quotes strings, shortens long ones and names structures', () => {
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue('y'.repeat(100))).toBe(`"${'y'.repeat(80)}…"`);
    expect(describeValue(3)).toBe('3');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(undefined)).toBe('nothing');
  });
});

describe('the issue list', () => {
  it('prints one line per issue with file, path and message, grouped by file', () => {
    const text = formatIssues([
      {
        file: 'seed/a.json',
        path: 'relations[3].target',
        message: 'expected the id of a State, Group or Person; "nato-summit" is a Meeting',
      },
      { file: 'seed/b.json', path: '', message: 'expected an object, received an array' },
      { file: 'seed/a.json', path: 'article.publishedAt', message: 'expected a date' },
    ]);
    expect(text).toBe(
      [
        '✖ seed/a.json → relations[3].target: expected the id of a State, Group or Person; "nato-summit" is a Meeting',
        '✖ seed/a.json → article.publishedAt: expected a date',
        '',
        '✖ seed/b.json: expected an object, received an array',
      ].join('\n'),
    );
  });

  it('is empty without issues', () => {
    expect(formatIssues([])).toBe('');
  });
});

describe('a capped report', () => {
  const issues = Array.from({ length: 12_350 }, (_, index) => ({
    file: 'big.json',
    path: `entities[${index}].type`,
    message: 'expected "State"',
  }));

  it('lists the first issues, then counts the others', () => {
    const lines = formatIssueReport(issues, 5).split('\n');
    expect(lines).toEqual([
      ...issues.slice(0, 5).map((issue) => `✖ big.json → ${issue.path}: expected "State"`),
      '… and 12,345 more problems',
    ]);
  });

  it('is the plain list when the issues fit', () => {
    expect(formatIssueReport(issues.slice(0, 3), 5)).toBe(formatIssues(issues.slice(0, 3)));
  });

  it('counts a single remaining problem in the singular', () => {
    expect(capIssues(issues.slice(0, 6), 5).more).toBe(1);
    expect(formatIssueReport(issues.slice(0, 6), 5).endsWith('… and 1 more problem')).toBe(true);
  });
});
