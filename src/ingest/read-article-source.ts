/**
 * Reading one extracted article, file or API document, with its size checked first: a file
 * by its length on disk before a byte is read, a document by its length as JSON. Invalid
 * UTF-8 is refused with the place of the first bad byte instead of being replaced by U+FFFD.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IngestLimits } from './ingest-limits.ts';
import { formatCount, type ValidationIssue } from './issues.ts';

/** The source could not be read as a document; nothing else was checked. */
export class ArticleReadError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
  }
}

const tooBig = (file: string, what: 'a file' | 'a document', limits: IngestLimits, size: number) => {
  const measure = what === 'a document' ? ' as compact JSON' : '';
  const message = `expected ${what} of at most ${formatCount(limits.maxBytes)} bytes${measure}, received ${formatCount(size)} bytes`;
  return new ArticleReadError([{ file, path: '', message }]);
};

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset]!;
    if (lead < 0x80) {
      offset += 1;
      continue;
    }
    const continuations =
      lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (continuations === 0) return offset;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let index = 1; index <= continuations; index += 1) {
      const byte = bytes[offset + index];
      const [min, max] = index === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return offset;
    }
    offset += continuations + 1;
  }
  return -1;
}

/** `line 3, column 17 (byte 1,234)`: where an editor shows the bad byte. */
function locateByte(bytes: Uint8Array, offset: number): string {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let index = 0; index < lineStart; index += 1) if (bytes[index] === 0x0a) line += 1;
  const column = [...new TextDecoder().decode(bytes.subarray(lineStart, offset))].length + 1;
  return `line ${line}, column ${column} (byte ${formatCount(offset)})`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file's bytes; a byte-order mark is dropped, invalid UTF-8 refused with its place. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const hex = `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    const message = `expected UTF-8 text; byte ${hex} at ${locateByte(bytes, offset)} is not valid UTF-8 (saved as Latin-1 or Windows-1252?)`;
    throw new ArticleReadError([{ file, path: '', message }]);
  }
}

/** Control characters shown as JSON escapes, so a message stays on one readable line. */
const escapeControls = (text: string) =>
  text.replace(/[\u0000-\u001F\u007F-\u009F]/g, (character) => JSON.stringify(character).slice(1, -1));

/** `line 3, column 17` of a character offset in a text. */
function locateCharacter(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${[...before.slice(before.lastIndexOf('\n') + 1)].length + 1}`;
}

/** JSON.parse, its complaint turned into a located issue (V8's message quotes raw source, newlines and all). */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = escapeControls((error as Error).message);
    const position = /at position (\d+)/.exec(reason);
    const where = position ? ` (${locateCharacter(text, Number(position[1]))})` : '';
    throw new ArticleReadError([{ file, path: '', message: `expected a JSON document: ${reason}${where}` }]);
  }
}

export async function readArticleFile(file: string, limits: IngestLimits): Promise<unknown> {
  const { size } = await stat(file);
  if (size > limits.maxBytes) throw tooBig(file, 'a file', limits, size);
  const bytes = await readFile(file);
  // The file may have grown since stat.
  if (bytes.length > limits.maxBytes) throw tooBig(file, 'a file', limits, bytes.length);
  return parseJsonText(decodeUtf8(bytes, file), file);
}

/**
 * UTF-8 bytes of a parsed JSON value serialized compactly, as `JSON.stringify` would write
 * it, computed without building that string and without recursion.
 */
export function jsonByteLength(json: unknown): number {
  let bytes = 0;
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') bytes += Buffer.byteLength(JSON.stringify(value));
    else if (Array.isArray(value)) {
      bytes += 2 + Math.max(0, value.length - 1);
      for (const item of value) stack.push(item);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      bytes += 2 + Math.max(0, entries.length - 1);
      for (const [key, child] of entries) {
        bytes += Buffer.byteLength(JSON.stringify(key)) + 1;
        stack.push(child);
      }
    } else bytes += String(JSON.stringify(value) ?? 'null').length;
  }
  return bytes;
}

/** A document sent to the API, refused before any other check when it is over the byte cap. */
export function checkDocumentSize(json: unknown, file: string, limits: IngestLimits): unknown {
  const size = jsonByteLength(json);
  if (size > limits.maxBytes) throw tooBig(file, 'a document', limits, size);
  return json;
}
