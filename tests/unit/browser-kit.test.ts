import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSER_KIT_PATHS, browserKitResponse } from '../../src/http/browser-kit.ts';
import {
  ARTICLE_LABEL,
  CLAIM_LABEL,
  DERIVED_RELATIONSHIP_TYPES,
  ENTITY_LABEL,
  ENTITY_TYPES,
  MERGE_LABEL,
  RELATION_TYPES,
  isClaimType,
} from '../../src/domain/vocabulary.ts';

const style = readFileSync(new URL('../../schema/browser/style.grass', import.meta.url), 'utf8');
const guide = readFileSync(new URL('../../schema/browser/guide.html', import.meta.url), 'utf8');
const SEED_FILE = new URL('../../seed/2024-10-03-korybko-quadrilateral-statement.json', import.meta.url);

const LABELS: readonly string[] = [ENTITY_LABEL, ...ENTITY_TYPES, ARTICLE_LABEL, MERGE_LABEL, CLAIM_LABEL];
const RELATIONSHIP_TYPES: readonly string[] = [...RELATION_TYPES, ...Object.values(DERIVED_RELATIONSHIP_TYPES)];
const CAPTIONS: Record<string, string> = {
  [ARTICLE_LABEL]: '{title}',
  [MERGE_LABEL]: '{fromId}',
  // A negated claim must not read as its affirmative: the polarity is in the caption.
  [CLAIM_LABEL]: '{type} {polarity}',
};
/** Each holder of a claim is drawn with how it holds it; every other relationship with its type. */
const RELATIONSHIP_CAPTIONS: Record<string, string> = {
  [DERIVED_RELATIONSHIP_TYPES.heldBy]: '{stance}',
};

/**
 * GRASS as Neo4j Browser 5 reads it (shared/services/grassUtils.ts, parseGrassCSS): braces
 * open and close a rule unless inside quotes; a nested {…} inside a rule is a binding; quotes
 * are dropped; a property is `key: value` split on its only colon. There is no comment syntax,
 * which is why style.grass has no comments.
 */
function parseGrass(text: string): Map<string, Record<string, string>> {
  const raw = new Map<string, string>();
  let insideString = false;
  let insideProps = false;
  let insideBinding = false;
  let keyword = '';
  let props = '';
  for (const c of text) {
    let skip = true;
    if (c === '{') {
      if (insideString) skip = false;
      else if (insideProps) insideBinding = true;
      else insideProps = true;
    } else if (c === '}') {
      if (insideString) skip = false;
      else if (insideBinding) insideBinding = false;
      else {
        insideProps = false;
        raw.set(keyword, props);
        keyword = '';
        props = '';
      }
    } else if (c === "'" || c === '"') {
      insideString = !insideString;
    } else {
      skip = false;
    }
    if (skip) continue;
    if (insideProps) props += c;
    else if (!/\s/.test(c)) keyword += c;
  }
  const rules = new Map<string, Record<string, string>>();
  for (const [selector, body] of raw) {
    const parsed: Record<string, string> = {};
    for (const declaration of body.split(';')) {
      const parts = declaration.split(':');
      if (parts.length === 2) parsed[parts[0]!.trim()] = parts[1]!.trim();
      else if (declaration.trim() !== '') throw new Error(`Browser would drop "${declaration.trim()}" in ${selector}`);
    }
    rules.set(selector, parsed);
  }
  return rules;
}

/** WCAG 2 contrast ratio of two #RRGGBB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE = '#FFFFFF';

describe('style.grass', () => {
  const rules = parseGrass(style);
  const rule = (selector: string): Record<string, string> => {
    const found = rules.get(selector);
    if (!found) throw new Error(`style.grass has no rule for ${selector}`);
    return found;
  };

  it('has only comment-free rules Browser can parse', () => {
    expect(style).not.toMatch(/\/\*|\/\/|#[^0-9A-Fa-f]/);
    expect(rules.size).toBeGreaterThan(0);
  });

  it('styles every vocabulary label, with its own colour and size, captioned by its display property', () => {
    const colours = new Set<string>();
    for (const label of LABELS) {
      const props = rule(`node.${label}`);
      expect(props.caption, label).toBe(CAPTIONS[label] ?? '{name}');
      expect(props.color, label).toMatch(/^#[0-9A-F]{6}$/i);
      expect(props.diameter, label).toMatch(/^\d+px$/);
      colours.add(props.color!.toUpperCase());
    }
    expect(colours.size).toBe(LABELS.length);
  });

  it('captions every relationship type, vocabulary and derived, with its type, and a holder with its stance', () => {
    for (const type of RELATIONSHIP_TYPES) {
      const props = rule(`relationship.${type}`);
      expect(props.caption, type).toBe(RELATIONSHIP_CAPTIONS[type] ?? '<type>');
      expect(props.color, type).toMatch(/^#[0-9A-F]{6}$/i);
    }
  });

  it('names nothing outside the vocabulary', () => {
    const known = new Set([
      'node',
      'relationship',
      ...LABELS.map((label) => `node.${label}`),
      ...RELATIONSHIP_TYPES.map((type) => `relationship.${type}`),
    ]);
    expect([...rules.keys()].filter((selector) => !known.has(selector))).toEqual([]);
  });

  it('lets the type label win over the Entity fallback (Browser applies matching rules in order)', () => {
    const order = [...rules.keys()];
    for (const type of ENTITY_TYPES) {
      expect(order.indexOf(`node.${type}`)).toBeGreaterThan(order.indexOf(`node.${ENTITY_LABEL}`));
    }
  });

  it('is readable on the white background', () => {
    for (const label of LABELS) {
      const props = rule(`node.${label}`);
      expect(
        contrast(props.color!, props['text-color-internal']!),
        `${label} caption on its fill`,
      ).toBeGreaterThanOrEqual(4.5);
      expect(contrast(props['border-color']!, WHITE), `${label} border on white`).toBeGreaterThanOrEqual(3);
    }
    const base = rule('relationship');
    expect(contrast(base['text-color-external']!, WHITE)).toBeGreaterThanOrEqual(4.5);
    for (const type of RELATIONSHIP_TYPES) {
      expect(contrast(rule(`relationship.${type}`).color!, WHITE), `${type} on white`).toBeGreaterThanOrEqual(3);
    }
  });
});

const decodeEntities = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The text Browser copies into its editor: `pre.runnable`'s textContent, trimmed. */
const runnableBlocks: string[] = [
  ...guide.matchAll(/<pre\b[^>]*\bclass="[^"]*\brunnable\b[^"]*"[^>]*>([\s\S]*?)<\/pre>/g),
].map((match) => decodeEntities(match[1]!).trim());

/** Cypher without string literals and comments, so that only syntax is left to inspect. */
const cypherSyntax = (cypher: string): string =>
  cypher
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''")
    .replace(/\/\/.*$/gm, '')
    .replace(/\/\*[\s\S]*?\*\//g, '');

function relationshipTypesIn(cypher: string): string[] {
  const types: string[] = [];
  for (const [, inner] of cypherSyntax(cypher).matchAll(/-\[([^\]]*)\]/g)) {
    const spelled = /^\s*\w*\s*:\s*([^*{\s]+)/.exec(inner!)?.[1];
    if (spelled) types.push(...spelled.split(/[|:]/).filter(Boolean));
  }
  return types;
}

function labelsIn(cypher: string): string[] {
  const withoutRelationships = cypherSyntax(cypher).replace(/-\[[^\]]*\]/g, '-[]');
  // `(x:Label)`, `(:A|B)` and `x:Label` predicates; map entries are written `key: value`.
  return [...withoutRelationships.matchAll(/\w*:([A-Za-z_][\w|&!:]*)/g)].flatMap((match) =>
    match[1]!.split(/[|&!:]/).filter(Boolean),
  );
}

describe('guide.html', () => {
  it('is a Browser guide: an article with a carousel of slides and a title', () => {
    expect(guide).toMatch(/<article class="guide">/);
    expect(guide).toMatch(/<carousel\b/);
    expect((guide.match(/<slide\b/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(guide).toMatch(/<title>[^<]+<\/title>/);
  });

  it('has runnable Cypher blocks, each parameter-free and bounded', () => {
    expect(runnableBlocks.length).toBeGreaterThanOrEqual(8);
    for (const block of runnableBlocks) {
      expect(cypherSyntax(block), block).not.toContain('$');
      if (/\bMATCH\b/.test(block)) expect(block, block).toMatch(/\bLIMIT\s+\d+$/);
    }
  });

  it('uses only labels and relationship types of the vocabulary', () => {
    const labels = new Set(LABELS);
    const types = new Set(RELATIONSHIP_TYPES);
    for (const block of runnableBlocks) {
      expect(
        labelsIn(block).filter((label) => !labels.has(label)),
        block,
      ).toEqual([]);
      expect(
        relationshipTypesIn(block).filter((type) => !types.has(type)),
        block,
      ).toEqual([]);
    }
    // The extractors do find what is there.
    expect(runnableBlocks.flatMap(labelsIn)).toContain('Statement');
    expect(runnableBlocks.flatMap(relationshipTypesIn)).toContain('CALLS_ON');
  });

  it('walks shortest paths over exactly the vocabulary relationship types', () => {
    const block = runnableBlocks.find((cypher) => cypher.includes('allShortestPaths'));
    expect(block).toBeDefined();
    expect(new Set(relationshipTypesIn(block!))).toEqual(new Set(RELATION_TYPES));
  });

  it('draws the claims overview from exactly the claim types', () => {
    const block = runnableBlocks[1];
    expect(block).toMatch(/claims network/i);
    expect(new Set(relationshipTypesIn(block!))).toEqual(new Set(RELATION_TYPES.filter(isClaimType)));
  });

  it('covers the explorations analysts asked for', () => {
    const someBlockHasAll = (...patterns: RegExp[]) =>
      runnableBlocks.some((cypher) => patterns.every((pattern) => pattern.test(cypherSyntax(cypher))));
    // Criticism with statements resolved to their issuers.
    expect(someBlockHasAll(/:CRITICIZES\]/, /-\[:ISSUED\]->/, /:Statement\b/)).toBe(true);
    // Sheltering with quotes, modality, claimant and article.
    expect(someBlockHasAll(/:SHELTERS\]/, /\.quote\b/, /\.modality\b/, /\.attributedTo\b/, /:Article\b/)).toBe(true);
    // Meeting -> statement -> demands.
    expect(someBlockHasAll(/:Meeting\)-\[:ISSUED\]->\(\w+:Statement\)/, /:CALLS_ON\]/, /\.demand\b/)).toBe(true);
    // Most criticized, by distinct articles.
    expect(someBlockHasAll(/:CRITICIZES\]/, /count\(DISTINCT \w+\.articleId\)/)).toBe(true);
    // An article and everything it contributed.
    expect(someBlockHasAll(/:AUTHORED\]/, /:MENTIONS\]/, /articleId = a\.id/, /:MERGED_INTO\]/)).toBe(true);
  });

  it('covers the evidence model: an attribution chain, allegations, denials, collectives, places and events', () => {
    const someBlockHasAll = (...patterns: RegExp[]) =>
      runnableBlocks.some((cypher) => patterns.every((pattern) => pattern.test(cypher)));
    // A chain: every holder of one claim with order, stance and the holder that reports it.
    expect(someBlockHasAll(/:HELD_BY\]/, /\.order\b/, /\.stance\b/, /\.reportedBy\b/, /c\.id = '[^']+#\d+'/)).toBe(
      true,
    );
    // What one actor alleges: its HELD_BY with a stance, whatever the claim's subject.
    expect(someBlockHasAll(/HELD_BY\]->\(:Entity \{id: 'pakistan'\}\)/, /'alleges'/, /'suspects'/)).toBe(true);
    // What the author infers, and whom he reports as believing it.
    expect(someBlockHasAll(/:AUTHORED\]/, /stance: 'infers'/, /reportedBy: \w+\.order/)).toBe(true);
    // Denials: a holder with the stance denies.
    expect(someBlockHasAll(/HELD_BY \{stance: 'denies'\}\]->\(:Entity \{id: 'taliban'\}\)/, /\.affirmative\b/)).toBe(
      true,
    );
    // Collectives and their members.
    expect(someBlockHasAll(/:MEMBER_OF\]->\(\w*:Collective\)/)).toBe(true);
    // Places and events, and the claims about events that back no edge.
    expect(someBlockHasAll(/:LOCATED_IN\|PARTICIPATED_IN\]/, /:OPERATES_IN\]->\(:Place\)/)).toBe(true);
    expect(someBlockHasAll(/:OBJECT\]->\(\w+:Event\)/, /\.polarity\b/, /\.condition\b/, /\.hypothetical\b/)).toBe(true);
  });

  it("walks the seed article's chain: the Taliban shelters the TTP, as the author infers, the four imply and Pakistan suspects", () => {
    const seed = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as {
      article: { id: string };
      relations: Array<{
        type: string;
        source: string;
        target: string;
        attributions?: Array<{ holder?: string; stance: string; reportedBy?: number }>;
      }>;
    };
    const chainIds = new Set(
      runnableBlocks.flatMap((cypher) => [...cypher.matchAll(/c\.id = '([^']+)'/g)].map((m) => m[1]!)),
    );
    expect(chainIds.size).toBe(1);
    const [articleId, ordinal] = [...chainIds][0]!.split('#') as [string, string];
    expect(articleId).toBe(seed.article.id);
    const claim = seed.relations[Number(ordinal)];
    expect(claim).toMatchObject({ type: 'SHELTERS', source: 'taliban', target: 'tehrik-i-taliban-pakistan' });
    expect(claim?.attributions).toEqual([
      { holder: 'andrew-korybko', stance: 'infers' },
      { holder: 'china-iran-pakistan-russia', stance: 'implies', reportedBy: 0 },
      { holder: 'pakistan', stance: 'suspects', reportedBy: 0 },
    ]);
  });

  it('leaves denied and negated claims to the affirmative rule, not to a modality filter', () => {
    // Only affirmative claims back an edge; a modality test would also drop a claim the article
    // asserts and another holder denies (its first holder's modality).
    for (const block of runnableBlocks) expect(block, block).not.toMatch(/modalit(y|ies)\b[^\n]*'denied'/);
  });

  it('survives the HTML cleaning Browser applies to remote guides unchanged', () => {
    // shared/services/remoteUtils.ts cleanHtml: it strips on* attributes, scripts and
    // javascript: links from the whole text, Cypher blocks included.
    const cleaned = guide
      .replace(/(\s+(on[^\s=]+)[^\s=]*\s*=\s*("[^"]*"|'[^']*'|[\w\-.:]+\s*))/gi, '')
      .replace(/<script\b[^<]*(?:(?!<\/script>)<[^<]*)*(<\/script>)?/gi, '')
      .replace(/href=".*javascript:[^"]*"/, 'href=""');
    expect(cleaned).toBe(guide);
  });
});

describe('browserKitResponse', () => {
  it('serves the style as text/plain with CORS', async () => {
    const response = browserKitResponse('/browser/style.grass');
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response?.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response?.text()).toBe(style);
  });

  it('serves the guide as text/html with CORS', async () => {
    const response = browserKitResponse('/browser/guide.html', 'GET');
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response?.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response?.text()).toBe(guide);
  });

  it('answers the CORS preflight Browser sends before fetching the guide', () => {
    const response = browserKitResponse('/browser/guide.html', 'OPTIONS');
    expect(response?.status).toBe(204);
    expect(response?.headers.get('access-control-allow-origin')).toBe('*');
    expect(response?.headers.get('access-control-allow-methods')).toContain('GET');
    expect(response?.headers.get('access-control-allow-headers')).toBe('*');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = browserKitResponse('/browser/style.grass', 'HEAD');
    expect(head?.status).toBe(200);
    expect(head?.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(head?.body).toBeNull();
    const post = browserKitResponse('/browser/style.grass', 'POST');
    expect(post?.status).toBe(405);
    expect(post?.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('leaves every other path to the caller', () => {
    for (const path of [
      '/',
      '/browser',
      '/browser/',
      '/browser/style.grass/',
      '/browser/../package.json',
      '/constructor',
      '/graphql',
    ]) {
      expect(browserKitResponse(path), path).toBeNull();
    }
    expect(BROWSER_KIT_PATHS).toEqual(['/browser/style.grass', '/browser/guide.html']);
  });
});
