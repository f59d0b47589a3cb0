import { describe, expect, test } from 'vitest';
import { buildLuceneQuery, escapeLucene, searchTerms } from '../../../src/graphql/lucene.ts';

describe('Lucene escaping', () => {
  test('every special character is escaped', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });

  test('search text becomes lower-case words: operators and syntax lose their meaning', () => {
    expect(searchTerms('x" OR *:* AND name:(Taliban)')).toEqual(['x', 'or', 'and', 'name', 'taliban']);
    expect(searchTerms('Tehrik-i-Taliban Pakistan')).toEqual(['tehrik', 'i', 'taliban', 'pakistan']);
    expect(searchTerms('Пакистан')).toEqual(['пакистан']);
  });

  test('the query: the phrase first, then every word exactly, as a prefix or within a small edit distance', () => {
    expect(buildLuceneQuery('ISKP')).toBe('"iskp"^6 OR ((iskp^3 OR iskp*^2 OR iskp~1))');
    expect(buildLuceneQuery('Talibn')).toBe('"talibn"^6 OR ((talibn^3 OR talibn*^2 OR talibn~2))');
    expect(buildLuceneQuery('un ok')).toBe('"un ok"^6 OR ((un^3 OR un*^2) AND (ok^3 OR ok*^2))');
  });

  test('no word, no query', () => {
    expect(buildLuceneQuery('  *?! ')).toBeNull();
  });
});
