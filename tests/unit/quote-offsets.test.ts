import { describe, expect, it } from 'vitest';
import { groundDocument } from '../../src/ingest/ground-quotes.ts';
import { planArticleWrite } from '../../src/ingest/plan-article-write.ts';
import { locateQuote, quoteOccursIn } from '../../src/ingest/text-folding.ts';
import { sha256Of, validateArticleFile } from '../../src/ingest/validate-article.ts';
import { articleDocV2 } from '../fixtures/article-builder.ts';

const TEXT =
  "The Taliban deny it. Pakistan's <u>Express Tribune</u>, which is one of the country's most reliable outlets, agreed.";
const QUOTE = "Pakistan's Express Tribune, which is one of the country's most reliable outlets";

const withQuote = (fields: Record<string, unknown> = {}) =>
  articleDocV2()
    .add('Group', 'express-tribune')
    .add('State', 'pakistan')
    .claim('SUPPORTS', 'express-tribune', 'pakistan', { quote: QUOTE, ...fields });

const issuesOf = (document: unknown) =>
  validateArticleFile(document, 'a.json').issues.map(({ path, message }) => ({ path, message }));
const noResolution = { file: 'a.json', canonicalIds: new Map<string, string>(), merges: [], forwardReferences: [] };

describe('inline markup in a text', () => {
  it('a quote of what the reader saw is found across the markup', () => {
    expect(quoteOccursIn(QUOTE, TEXT)).toBe(true);
  });

  it("the quote's offsets span the markup in the text as given", () => {
    const span = locateQuote(QUOTE, TEXT);
    expect(TEXT.slice(span!.start, span!.end)).toBe(
      "Pakistan's <u>Express Tribune</u>, which is one of the country's most reliable outlets",
    );
  });

  it('a "<" that opens no tag is text, not markup', () => {
    expect(quoteOccursIn('a < b and c > d', 'so a < b and c > d holds')).toBe(true);
    expect(quoteOccursIn('a  d', 'so a < b and c > d holds')).toBe(false);
  });
});

describe('offsets given by the file', () => {
  it('without the text, they are stored as given', () => {
    const document = withQuote({ quoteStart: 21, quoteEnd: 107 })
      .article({ textSha256: sha256Of(TEXT) })
      .build();
    const { article } = validateArticleFile(document, 'a.json');
    const [claim] = planArticleWrite(article!, noResolution, 'hash').relationsByType.SUPPORTS!;
    expect([claim!.props.quoteStart, claim!.props.quoteEnd]).toEqual([21, 107]);
  });

  it('without the text, they need the sha256 of the text they point into', () => {
    expect(issuesOf(withQuote({ quoteStart: 21, quoteEnd: 107 }).build())).toEqual([
      {
        path: 'article.textSha256',
        message:
          'expected the sha256 of the text the offsets point into (relations[0] gives offsets, and the file has no article.text)',
      },
    ]);
  });

  it('with the text, they must be where the text has the quote', () => {
    const document = withQuote({ quoteStart: 0, quoteEnd: 10 }).article({ text: TEXT }).build();
    expect(issuesOf(document)).toEqual([
      {
        path: 'relations[0].quoteStart',
        message: 'expected quoteStart 21 and quoteEnd 107, where the quote is in article.text; the file says 0 and 10',
      },
    ]);
  });

  it("with the text, the sha256 must be the text's", () => {
    const document = withQuote()
      .article({ text: TEXT, textSha256: '0'.repeat(64) })
      .build();
    expect(issuesOf(document).map(({ path }) => path)).toEqual(['article.textSha256']);
  });

  it('come in pairs', () => {
    expect(
      issuesOf(
        withQuote({ quoteStart: 3 })
          .article({ textSha256: sha256Of(TEXT) })
          .build(),
      ),
    ).toEqual([
      {
        path: 'relations[0].quoteEnd',
        message: "expected a quoteEnd too: a quote's offsets come in pairs, but it is missing",
      },
    ]);
  });
});

describe('npm run ground', () => {
  it("writes each quote's offsets after it, and the text's sha256", () => {
    const grounded = groundDocument(withQuote().build(), TEXT, 'a.json', 'a.txt');
    expect(grounded.issues).toEqual([]);
    const relation = (grounded.document.relations as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(relation).slice(3, 6)).toEqual(['quote', 'quoteStart', 'quoteEnd']);
    expect([relation.quoteStart, relation.quoteEnd]).toEqual([21, 107]);
    expect((grounded.document.article as Record<string, unknown>).textSha256).toBe(sha256Of(TEXT));
    expect(validateArticleFile(grounded.document, 'a.json').issues).toEqual([]);
  });

  it('names a quote the text does not hold', () => {
    const grounded = groundDocument(withQuote({ quote: 'not in it' }).build(), TEXT, 'a.json', 'a.txt');
    expect(grounded.issues.map(({ path }) => path)).toEqual(['relations[0].quote']);
  });
});
