import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_INGEST_LIMITS } from '../../src/ingest/ingest-limits.ts';
import {
  ArticleReadError,
  checkDocumentSize,
  firstInvalidUtf8Offset,
  jsonByteLength,
  readArticleFile,
} from '../../src/ingest/read-article-source.ts';

const folder = mkdtempSync(join(tmpdir(), 'geograph-read-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function fileWith(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

async function readIssues(path: string, limits = DEFAULT_INGEST_LIMITS) {
  const error = await readArticleFile(path, limits).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ArticleReadError);
  return (error as ArticleReadError).issues;
}

describe('reading a file', () => {
  it('refuses a file over the byte cap before parsing it', async () => {
    const path = fileWith('big.json', `{"formatVersion": 1, "padding": "${'x'.repeat(1_000)}"`);
    expect(await readIssues(path, { ...DEFAULT_INGEST_LIMITS, maxBytes: 500 })).toEqual([
      { file: path, path: '', message: 'expected a file of at most 500 bytes, received 1,034 bytes' },
    ]);
  });

  it('refuses invalid UTF-8 with the line, column and byte of the first bad byte', async () => {
    const latin1 = Buffer.concat([Buffer.from('{\n  "title": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]);
    expect(await readIssues(fileWith('latin1.json', latin1))).toEqual([
      {
        file: join(folder, 'latin1.json'),
        path: '',
        message:
          'expected UTF-8 text; byte 0xE9 at line 2, column 16 (byte 17) is not valid UTF-8 (saved as Latin-1 or Windows-1252?)',
      },
    ]);
  });

  it('counts characters, not bytes, for the column', async () => {
    const bytes = Buffer.concat([Buffer.from('["ÄÖÜ'), Buffer.from([0xff]), Buffer.from('"]')]);
    const [issue] = await readIssues(fileWith('column.json', bytes));
    expect(issue?.message).toContain('byte 0xFF at line 1, column 6 (byte 8)');
  });

  it('reads valid UTF-8, with or without a byte-order mark', async () => {
    expect(await readArticleFile(fileWith('plain.json', '{"name": "Ḱabul 🇦🇫"}'), DEFAULT_INGEST_LIMITS)).toEqual({
      name: 'Ḱabul 🇦🇫',
    });
    expect(await readArticleFile(fileWith('bom.json', '\uFEFF{"a": 1}'), DEFAULT_INGEST_LIMITS)).toEqual({ a: 1 });
  });
});

describe('the first invalid UTF-8 byte', () => {
  it.each([
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong encoding of "/"', [0xc0, 0xaf], 0],
    ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short at the end', [0x61, 0x62, 0xe2, 0x82], 2],
  ])('is found in %s', (_name, bytes, offset) => {
    expect(firstInvalidUtf8Offset(Uint8Array.from(bytes))).toBe(offset);
  });

  it('is never found in text that TextEncoder produced', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (text) => firstInvalidUtf8Offset(new TextEncoder().encode(text)) === -1,
      ),
    );
  });
});

describe('the size of a document sent to the API', () => {
  it('is the length of its compact JSON in UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => jsonByteLength(value) === Buffer.byteLength(JSON.stringify(value))),
      { seed: 42, numRuns: 500 },
    );
  });

  it('is measured without recursion, whatever the nesting', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 200_000; level += 1) deep = { a: deep };
    expect(jsonByteLength(deep)).toBe(200_000 * 6 + 3);
  });

  it('over the cap, refuses the document before any other check', () => {
    const document = { formatVersion: 1, padding: 'x'.repeat(600) };
    expect(() => checkDocumentSize(document, 'document', { ...DEFAULT_INGEST_LIMITS, maxBytes: 500 })).toThrow(
      'expected a document of at most 500 bytes as compact JSON, received 632 bytes',
    );
  });
});

describe('a file that is not JSON', () => {
  it('is refused with the parser complaint, and the line and column when the parser gives a position', async () => {
    const [issue] = await readIssues(fileWith('broken.json', '{\n  "formatVersion": 1\n  "article": {}\n}'));
    expect(issue?.message).toMatch(/^expected a JSON document: .* \(line 3, column 3\)$/);
  });

  it('shows control characters of the source as escapes', async () => {
    const [issue] = await readIssues(fileWith('control.json', '{\n  "a": \u0001x\n}'));
    expect(issue?.message).toContain('\\n');
    expect(issue?.message).toContain('\\u0001');
    expect(issue?.message).not.toMatch(/[\u0000-\u001f]/);
  });
});
