import { describe, expect, it } from 'vitest';
import { validateArticleFile } from '../../src/ingest/validate-article.ts';
import { articleDoc } from '../fixtures/article-builder.ts';

const FILE = 'a.json';
const issuesOf = (doc: unknown) => validateArticleFile(doc, FILE).issues;
const issue = (path: string, message: string) => ({ file: FILE, path, message });

const ONE_LINE = 'expected one line of text without control characters';
const MULTI_LINE = 'expected text without control characters (tab and line breaks are allowed here)';

describe('control characters', () => {
  it('refuses NUL in a name, with the field and the position of the character', () => {
    expect(issuesOf(articleDoc().add('State', 'a', { name: 'Paki\u0000stan' }).build())).toEqual([
      issue('entities[0].name', `${ONE_LINE}; found U+0000 (NUL) at character 5`),
    ]);
  });

  it('refuses NUL even in the multi-line article text', () => {
    expect(issuesOf(articleDoc().article({ text: 'line one\nline\u0000two' }).build())).toEqual([
      issue('article.text', `${MULTI_LINE}; found U+0000 (NUL) at character 14`),
    ]);
  });

  it('allows tab, line feed and carriage return in the multi-line texts', () => {
    const doc = articleDoc()
      .article({ text: 'Para one.\r\n\tPara two: a\nb.' })
      .add('Statement', 's', { description: 'd\n\te', summary: 'one\ntwo' })
      .add('State', 'a')
      .claim('CALLS_ON', 's', 'a', { quote: 'a\nb', demand: 'to\nact', note: 'n\r\nm' });
    expect(issuesOf(doc.build())).toEqual([]);
  });

  it('refuses a line break in a single-line field such as a title', () => {
    expect(issuesOf(articleDoc().article({ title: 'Two\nlines' }).build())).toEqual([
      issue('article.title', `${ONE_LINE}; found U+000A (line feed) at character 4`),
    ]);
  });

  it('refuses a tab in an alias', () => {
    expect(
      issuesOf(
        articleDoc()
          .add('Group', 'g', { aliases: ['ok', 'T\tTP'] })
          .build(),
      ),
    ).toEqual([issue('entities[0].aliases[1]', `${ONE_LINE}; found U+0009 (tab) at character 2`)]);
  });

  it('refuses escape sequences, DEL and C1 controls, even in multi-line texts', () => {
    expect(issuesOf(articleDoc().article({ text: '\u001b[31mred' }).build())).toEqual([
      issue('article.text', `${MULTI_LINE}; found U+001B (escape) at character 1`),
    ]);
    expect(issuesOf(articleDoc().article({ publisher: 'Dawn\u007f' }).build())).toEqual([
      issue('article.publisher', `${ONE_LINE}; found U+007F (DEL) at character 5`),
    ]);
    expect(issuesOf(articleDoc().add('State', 'a', { description: 'caf\u0083' }).build())).toEqual([
      issue('entities[0].description', `${MULTI_LINE}; found U+0083 at character 4`),
    ]);
  });

  it('checks strings where the format expects none, and keys it does not know, without confusion', () => {
    const issues = issuesOf(
      articleDoc()
        .set({ extra: { deep: ['x\u0000'] } })
        .build(),
    );
    expect(issues).toContainEqual(issue('extra.deep[0]', `${ONE_LINE}; found U+0000 (NUL) at character 2`));
    expect(issues).toContainEqual(issue('', 'unknown key "extra": expected only the keys the format defines here'));
  });
});

describe('unpaired surrogates', () => {
  it('refuses a lone high surrogate instead of storing U+FFFD', () => {
    expect(issuesOf(articleDoc().add('State', 'a', { name: 'Ira\uD800n' }).build())).toEqual([
      issue('entities[0].name', 'expected well-formed Unicode text; found an unpaired surrogate U+D800 at character 4'),
    ]);
  });

  it('refuses a lone low surrogate, counting a pair before it as one character', () => {
    expect(issuesOf(articleDoc().article({ text: '\uD83D\uDE00 \uDC00' }).build())).toEqual([
      issue('article.text', 'expected well-formed Unicode text; found an unpaired surrogate U+DC00 at character 3'),
    ]);
  });

  it('accepts characters outside the BMP (surrogate pairs)', () => {
    expect(issuesOf(articleDoc().add('State', 'a', { name: 'Flag 🇵🇰 𝔸' }).build())).toEqual([]);
  });
});

describe('deep nesting', () => {
  it('is refused as an unknown shape, quickly and without overflowing the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    const startedAt = performance.now();
    const issues = issuesOf(articleDoc().set({ $schema: deep }).build());
    expect(issues).toEqual([
      issue('$schema', 'expected a JSON Schema reference of at most 2,000 characters, received an array'),
    ]);
    expect(performance.now() - startedAt).toBeLessThan(1_000);
  });
});
