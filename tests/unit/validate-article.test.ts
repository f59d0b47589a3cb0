import { describe, expect, it } from 'vitest';
import {
  ACTOR_TYPES,
  ENTITY_TYPES,
  RELATION_RULES,
  RELATION_TYPES,
  isClaimType,
  type EntityType,
  type RelationType,
} from '../../src/domain/vocabulary.ts';
import { referencesOf, validateArticleFile } from '../../src/ingest/validate-article.ts';
import { articleDoc, articleDocV2, held } from '../fixtures/article-builder.ts';

const FILE = 'seed/a.json';
const validate = (doc: unknown) => validateArticleFile(doc, FILE);
const issue = (path: string, message: string) => ({ file: FILE, path, message });

const CLAIM_TYPES = RELATION_TYPES.filter(isClaimType);
const STRUCTURAL_TYPES = RELATION_TYPES.filter((type) => !isClaimType(type));
const outside = (allowed: readonly EntityType[]) => ENTITY_TYPES.find((type) => !allowed.includes(type));
const rule = (type: RelationType) =>
  RELATION_RULES[type] as { sources: readonly EntityType[]; targets: readonly EntityType[] };

describe('a valid file', () => {
  it('returns the parsed article and no issues', () => {
    const result = validate(articleDoc().add('State', 'a').add('State', 'b').claim('THREATENS', 'a', 'b').build());
    expect(result.issues).toEqual([]);
    expect(result.article?.relations[0]).toMatchObject({
      type: 'THREATENS',
      attributions: [{ stance: 'asserts' }],
      confidence: 1,
    });
  });

  it('returns no article when there is any issue', () => {
    const result = validate(articleDoc().add('State', 'a').add('State', 'a').build());
    expect(result.article).toBeUndefined();
  });
});

describe('all issues are collected', () => {
  it('reports schema issues and cross-value issues of the same file together', () => {
    const doc = articleDoc()
      .article({ publishedAt: 'yesterday' })
      .add('State', 'a')
      .add('State', 'a')
      .add('State', 'b')
      .relation('THREATENS', 'a', 'b')
      .relation('THREATENS', 'a', 'b', { quote: 'q', confidence: 7 })
      .build();
    expect(validate(doc).issues).toEqual([
      issue(
        'article.publishedAt',
        'expected a date: YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time with Z or an offset, received "yesterday"',
      ),
      issue('relations[1].confidence', 'expected a number greater than 0 and at most 1, received 7'),
      issue('entities[1].id', 'expected an id no other entity of this file has; "a" is already defined at entities[0]'),
      issue(
        'relations[0].quote',
        'expected a quote: THREATENS is a claim, and a claim needs a verbatim span of the article as evidence',
      ),
    ]);
  });
});

describe('entity ids are unique within a file', () => {
  it('reports the second definition, naming the first', () => {
    const doc = articleDoc().add('State', 'pakistan').add('Person', 'dar').add('Group', 'pakistan').build();
    expect(validate(doc).issues).toEqual([
      issue(
        'entities[2].id',
        'expected an id no other entity of this file has; "pakistan" is already defined at entities[0]',
      ),
    ]);
  });
});

describe('claims need a quote', () => {
  it.each(CLAIM_TYPES)('requires a quote for the claim type %s', (type) => {
    const source = rule(type).sources[0] as EntityType;
    const target = rule(type).targets[0] as EntityType;
    const doc = articleDocV2().add(source, 's').add(target, 't').relation(type, 's', 't', { demand: 'd' }).build();
    expect(validate(doc).issues).toEqual([
      issue(
        'relations[0].quote',
        `expected a quote: ${type} is a claim, and a claim needs a verbatim span of the article as evidence`,
      ),
    ]);
  });

  it.each(STRUCTURAL_TYPES)('does not require a quote for the structural type %s', (type) => {
    const source = rule(type).sources[0] as EntityType;
    const target = rule(type).targets[0] as EntityType;
    const doc = articleDocV2().add(source, 's').add(target, 't').relation(type, 's', 't').build();
    expect(validate(doc).issues).toEqual([]);
  });
});

describe('CALLS_ON needs a demand', () => {
  it('reports a CALLS_ON without demand', () => {
    const doc = articleDoc()
      .add('State', 'us')
      .add('State', 'pakistan')
      .relation('CALLS_ON', 'us', 'pakistan', { quote: 'q' })
      .build();
    expect(validate(doc).issues).toEqual([
      issue('relations[0].demand', 'expected a demand: CALLS_ON must say what is demanded'),
    ]);
  });
});

describe('quotes occur in the article text', () => {
  const text = 'Islamabad said on Tuesday:\n“Kabul shelters the TTP” — a charge the Taliban deny.';
  const withQuote = (quote: string, articleText: string | undefined) =>
    articleDoc()
      .article({ text: articleText })
      .add('State', 'pakistan')
      .add('Group', 'ttp')
      .claim('SHELTERS', 'pakistan', 'ttp', { quote })
      .build();

  it('accepts a quote that matches after folding whitespace, curly quotes and dashes', () => {
    expect(validate(withQuote('"Kabul shelters the TTP" - a charge', text)).issues).toEqual([]);
  });

  it('reports a quote that is not in the text', () => {
    expect(validate(withQuote('Kabul harbours the TTP', text)).issues).toEqual([
      issue(
        'relations[0].quote',
        'expected a verbatim span of article.text (whitespace, quotes and dashes folded); "Kabul harbours the TTP" does not occur in it',
      ),
    ]);
  });

  it('reports a quote of whitespace alone: it points nowhere in the text', () => {
    expect(validate(withQuote(' \n ', text)).issues).toEqual([
      issue(
        'relations[0].quote',
        'expected a verbatim span of article.text (whitespace, quotes and dashes folded); " \\n " does not occur in it',
      ),
    ]);
  });

  it('compares case exactly: a quote is verbatim', () => {
    expect(validate(withQuote('kabul shelters the ttp', text)).issues).toHaveLength(1);
  });

  it('does not check quotes when the article has no text', () => {
    expect(validate(withQuote('anything at all', undefined)).issues).toEqual([]);
  });
});

describe('endpoint types fit the vocabulary table', () => {
  it.each(RELATION_TYPES)('accepts every allowed source and target of %s', (type) => {
    const { sources, targets } = rule(type);
    const doc = articleDocV2();
    for (const source of sources) doc.add(source, `s-${source.toLowerCase()}`);
    for (const target of targets) doc.add(target, `t-${target.toLowerCase()}`);
    for (const source of sources) {
      for (const target of targets) doc.claim(type, `s-${source.toLowerCase()}`, `t-${target.toLowerCase()}`);
    }
    expect(validate(doc.build()).issues).toEqual([]);
  });

  it.each(RELATION_TYPES.filter((type) => outside(rule(type).sources)))(
    'rejects a source type %s does not allow',
    (type) => {
      const { sources, targets } = rule(type);
      const wrong = outside(sources) as EntityType;
      const doc = articleDocV2()
        .add(wrong, 'wrong')
        .add(targets[0] as EntityType, 't')
        .claim(type, 'wrong', 't')
        .build();
      expect(validate(doc).issues).toEqual([
        issue(
          'relations[0].source',
          expect.stringMatching(new RegExp(`^expected the id of a .*; "wrong" is a ${wrong}$`)),
        ),
      ]);
    },
  );

  it.each(RELATION_TYPES.filter((type) => outside(rule(type).targets)))(
    'rejects a target type %s does not allow',
    (type) => {
      const { sources, targets } = rule(type);
      const wrong = outside(targets) as EntityType;
      const doc = articleDocV2()
        .add(sources[0] as EntityType, 's')
        .add(wrong, 'wrong')
        .claim(type, 's', 'wrong')
        .build();
      expect(validate(doc).issues).toEqual([
        issue(
          'relations[0].target',
          expect.stringMatching(new RegExp(`^expected the id of a .*; "wrong" is a ${wrong}$`)),
        ),
      ]);
    },
  );

  it('names the allowed types in plain words', () => {
    const doc = articleDoc()
      .add('State', 'us')
      .add('Meeting', 'nato-summit')
      .claim('CALLS_ON', 'us', 'nato-summit')
      .build();
    expect(validate(doc).issues).toEqual([
      issue('relations[0].target', 'expected the id of a State, Group or Person; "nato-summit" is a Meeting'),
    ]);
  });

  it('does not report ids the file does not define: another file or the graph may', () => {
    const doc = articleDoc()
      .claim('THREATENS', 'elsewhere', 'in-the-graph', { attributedTo: 'someone' })
      .article({ authors: ['writer'] })
      .build();
    expect(validate(doc).issues).toEqual([]);
  });
});

describe('authors and attributions', () => {
  it('requires authors defined in the file to be Persons', () => {
    const doc = articleDoc()
      .article({ authors: ['ali', 'dawn'] })
      .add('Person', 'ali')
      .add('Group', 'dawn')
      .build();
    expect(validate(doc).issues).toEqual([
      issue('article.authors[1]', 'expected the id of a Person; "dawn" is a Group'),
    ]);
  });

  it.each(ACTOR_TYPES)('accepts a %s as attributedTo', (type) => {
    const doc = articleDoc()
      .add('State', 'a')
      .add('State', 'b')
      .add(type, 'claimant')
      .claim('THREATENS', 'a', 'b', { attributedTo: 'claimant' })
      .build();
    expect(validate(doc).issues).toEqual([]);
  });

  it('requires attributedTo defined in the file to be an actor', () => {
    const doc = articleDoc()
      .add('State', 'a')
      .add('State', 'b')
      .add('Statement', 'communique')
      .claim('THREATENS', 'a', 'b', { attributedTo: 'communique' })
      .build();
    expect(validate(doc).issues).toEqual([
      issue('relations[0].attributedTo', 'expected the id of a State, Group or Person; "communique" is a Statement'),
    ]);
  });
});

describe('references', () => {
  it('lists every place an entity is named by id, with the types allowed there', () => {
    const article = articleDoc()
      .article({ authors: ['ali'] })
      .claim('CALLS_ON', 'us', 'pakistan', { attributedTo: 'ali' })
      .parse();
    expect(referencesOf(article)).toEqual([
      { path: 'article.authors[0]', id: 'ali', allowed: ['Person'] },
      { path: 'relations[0].source', id: 'us', allowed: ['State', 'Group', 'Person', 'Statement'] },
      { path: 'relations[0].target', id: 'pakistan', allowed: ['State', 'Group', 'Person'] },
      { path: 'relations[0].attributedTo', id: 'ali', allowed: ['State', 'Group', 'Person'] },
    ]);
  });
});

describe('values are data', () => {
  it("accepts a name like x'}) MATCH (n) DETACH DELETE n // as it is", () => {
    const hostile = "x'}) MATCH (n) DETACH DELETE n //";
    const result = validate(
      articleDoc()
        .article({ text: `He said ${hostile}.` })
        .add('Group', 'g', { name: hostile })
        .add('State', 's')
        .claim('THREATENS', 'g', 's', { quote: hostile })
        .build(),
    );
    expect(result.issues).toEqual([]);
    expect(result.article?.entities[0]?.name).toBe(hostile);
  });
});

describe('version 2: who holds a claim', () => {
  const claimHeldBy = (holderType: EntityType, attributions: unknown[]) =>
    articleDocV2()
      .add('State', 'a')
      .add('State', 'b')
      .add(holderType, 'holder')
      .claim('THREATENS', 'a', 'b', { attributions })
      .build();

  it.each(['State', 'Group', 'Person', 'Collective'] as const)('accepts a %s as a holder', (type) => {
    expect(validate(claimHeldBy(type, [held(null, 'infers'), held('holder', 'believes', 0)])).issues).toEqual([]);
  });

  it.each(['Meeting', 'Statement', 'Place', 'Event', 'Project'] as const)('refuses a %s as a holder', (type) => {
    expect(validate(claimHeldBy(type, [held(null, 'infers'), held('holder', 'believes', 0)])).issues).toEqual([
      issue(
        'relations[0].attributions[1].holder',
        `expected the id of a State, Group, Person or Collective; "holder" is a ${type}`,
      ),
    ]);
  });

  it('does not report holders the file does not define: another file or the graph may', () => {
    const doc = articleDocV2()
      .claim('THREATENS', 'a', 'b', { attributions: [held('elsewhere', 'alleges')] })
      .build();
    expect(validate(doc).issues).toEqual([]);
  });

  it('lists the holders and the publisher among the references, with the types allowed there', () => {
    const article = articleDocV2()
      .article({ publisherId: 'global-research' })
      .claim('THREATENS', 'a', 'b', { attributions: [held('korybko', 'infers'), held('the-four', 'believes', 0)] })
      .parse();
    expect(referencesOf(article)).toEqual([
      { path: 'article.publisherId', id: 'global-research', allowed: ['Group', 'Person'] },
      { path: 'relations[0].source', id: 'a', allowed: ['State', 'Group', 'Person', 'Collective', 'Event'] },
      {
        path: 'relations[0].target',
        id: 'b',
        allowed: ['State', 'Group', 'Person', 'Collective', 'Project', 'Place'],
      },
      {
        path: 'relations[0].attributions[0].holder',
        id: 'korybko',
        allowed: ['State', 'Group', 'Person', 'Collective'],
      },
      {
        path: 'relations[0].attributions[1].holder',
        id: 'the-four',
        allowed: ['State', 'Group', 'Person', 'Collective'],
      },
    ]);
  });

  it('requires the publisher to be a Group or a Person', () => {
    const doc = articleDocV2().article({ publisherId: 'pakistan' }).add('State', 'pakistan').build();
    expect(validate(doc).issues).toEqual([
      issue('article.publisherId', 'expected the id of a Group or Person; "pakistan" is a State'),
    ]);
  });

  it('names only version 1 types in the messages about a version 1 file', () => {
    const doc = articleDoc().add('State', 'a').add('Statement', 's').claim('THREATENS', 'a', 's').build();
    expect(validate(doc).issues).toEqual([
      issue('relations[0].target', 'expected the id of a State, Group or Person; "s" is a Statement'),
    ]);
  });
});

describe('version 2: SEEKS needs a demand', () => {
  it('reports a SEEKS without the outcome sought', () => {
    const doc = articleDocV2()
      .add('State', 'china')
      .add('State', 'pakistan')
      .relation('SEEKS', 'china', 'pakistan', { quote: 'q' })
      .build();
    expect(validate(doc).issues).toEqual([
      issue('relations[0].demand', 'expected a demand: SEEKS must say the outcome sought'),
    ]);
  });
});

describe("a relation in the other version's words", () => {
  it('tells a version 2 file that a modality is an attribution stance now', () => {
    const doc = articleDocV2()
      .add('State', 'a')
      .add('State', 'b')
      .claim('THREATENS', 'a', 'b', { modality: 'denied' })
      .build();
    expect(validate(doc).issues).toEqual([
      issue(
        'relations[0].modality',
        'expected attributions instead of modality in format version 2: "denied" is "attributions": [{"stance": "denies"}], and "does not" is "polarity": "negative"; npm run format:upgrade rewrites a version 1 file as version 2',
      ),
    ]);
  });

  it('tells a version 2 file that attributedTo is the holder of an attribution now', () => {
    const doc = articleDocV2()
      .add('State', 'a')
      .add('State', 'b')
      .claim('THREATENS', 'a', 'b', { attributedTo: 'pakistan', note: 'n', mood: 'grim' })
      .build();
    expect(validate(doc).issues).toEqual([
      issue('relations[0]', 'unknown key "mood": expected only the keys the format defines here'),
      issue(
        'relations[0].attributedTo',
        'expected attributions instead of attributedTo in format version 2: the holder of an attribution, "attributions": [{"holder": "pakistan", "stance": "asserts"}]; npm run format:upgrade rewrites a version 1 file as version 2',
      ),
    ]);
  });

  it('tells a version 1 file that attributions and polarity are version 2 fields', () => {
    const doc = articleDoc()
      .add('State', 'a')
      .add('State', 'b')
      .claim('THREATENS', 'a', 'b', { polarity: 'negative', attributions: [held(null, 'asserts')] })
      .build();
    const hint =
      'it is a field of format version 2; set "formatVersion": 2 and write the relation as version 2 (npm run format:upgrade rewrites a version 1 file as version 2)';
    expect(validate(doc).issues).toEqual([
      issue('relations[0].polarity', `expected no polarity in format version 1: ${hint}`),
      issue('relations[0].attributions', `expected no attributions in format version 1: ${hint}`),
    ]);
  });
});

describe('version 2: quotes occur in the article text', () => {
  it('reports a quote that is not in the text, at its path', () => {
    const doc = articleDocV2()
      .article({ text: 'China, Iran and Russia wouldn’t politically oppose it.' })
      .add('State', 'china')
      .add('State', 'pakistan')
      .claim('OPPOSES', 'china', 'pakistan', { quote: 'China opposes Pakistan', polarity: 'negative' })
      .build();
    expect(validate(doc).issues).toEqual([
      issue(
        'relations[0].quote',
        'expected a verbatim span of article.text (whitespace, quotes and dashes folded); "China opposes Pakistan" does not occur in it',
      ),
    ]);
  });
});
