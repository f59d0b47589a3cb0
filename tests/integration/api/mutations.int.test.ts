import { describe, expect, test } from 'vitest';
import { API_TOKEN, firstError, openApi } from './harness.ts';

const api = await openApi();
/** The same API started without API_TOKEN. */
const closed = await openApi({ apiToken: null, graph: 'as-is' });

const ARTICLE = 'mutation-test-militia-threat';

/** An extracted article (the seed file format) that adds one new group and names a known one by alias. */
const document = {
  formatVersion: 1,
  article: {
    id: ARTICLE,
    title: 'A new militia threatens Pakistan',
    publishedAt: '2025-01',
    publisher: 'Test Wire',
    authors: ['mutation-test-reporter'],
    text: 'The Mutation Test Militia threatened Pakistan. It works with the Pakistani Taliban.',
  },
  entities: [
    { id: 'mutation-test-militia', type: 'Group', name: 'Mutation Test Militia', category: 'militant' },
    // Resolution folds this id into the fixture's tehrik-i-taliban-pakistan (alias "Pakistani Taliban").
    { id: 'pak-taliban', type: 'Group', name: 'Pakistani Taliban' },
    { id: 'mutation-test-reporter', type: 'Person', name: 'Mutation Test Reporter' },
  ],
  relations: [
    {
      type: 'THREATENS',
      source: 'mutation-test-militia',
      target: 'pakistan',
      quote: 'The Mutation Test Militia threatened Pakistan.',
    },
    {
      type: 'COOPERATES_WITH',
      source: 'mutation-test-militia',
      target: 'pak-taliban',
      quote: 'It works with the Pakistani Taliban.',
      modality: 'alleged',
      confidence: 0.7,
    },
  ],
};

const INGEST = `mutation Ingest($document: JSON!) {
  ingestArticle(document: $document) {
    article { id title authors { id } }
    outcome entitiesCreated entitiesMerged relationsWritten durationMs
    merges { fromId into { id } reason }
    warnings { field message }
  }
}`;

const REMOVE = `mutation Remove($id: ID!) { removeArticle(id: $id) { articleId relationsDeleted entitiesDeleted } }`;

const articleExists = async (id: string) =>
  (await api.data(`query($id: ID!) { article(id: $id) { id } }`, { id })).article !== null;

describe('mutations need the token', () => {
  test('without Authorization: UNAUTHENTICATED (HTTP 401), nothing written', async () => {
    const { status, body } = await api.gql(INGEST, { document });
    expect(status).toBe(401);
    expect(firstError(body).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_TOKEN' });
    expect(await articleExists(ARTICLE)).toBe(false);
  });

  test('with a wrong token: UNAUTHENTICATED', async () => {
    for (const mutation of [INGEST, REMOVE]) {
      const { body } = await api.gql(mutation, { document, id: 'x' }, { token: `${API_TOKEN}-wrong` });
      expect(firstError(body).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
    }
  });

  test('without API_TOKEN on the server, mutations are disabled whatever the client sends', async () => {
    const { body } = await closed.gql(INGEST, { document }, { token: API_TOKEN });
    expect(firstError(body).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MUTATIONS_DISABLED' });
    expect(await articleExists(ARTICLE)).toBe(false);
  });
});

describe('ingestArticle and removeArticle', () => {
  test('ingests a valid document: report, merges, and the article queryable at once', async () => {
    const { body } = await api.gql(INGEST, { document }, { token: API_TOKEN });
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestArticle).toMatchObject({
      article: { id: ARTICLE, title: 'A new militia threatens Pakistan', authors: [{ id: 'mutation-test-reporter' }] },
      outcome: 'created',
      entitiesCreated: 2,
      entitiesMerged: 1,
      relationsWritten: 2,
      merges: [{ fromId: 'pak-taliban', into: { id: 'tehrik-i-taliban-pakistan' }, reason: 'name' }],
    });

    const data = await api.data(`{
      merged: entity(id: "pak-taliban") { id }
      relations(filter: { source: "mutation-test-militia" }) { edges { node { type target { id } evidence { modality article { id } } } } }
    }`);
    expect(data.merged).toEqual({ id: 'tehrik-i-taliban-pakistan' });
    expect(
      data.relations.edges.map(
        (e: { node: { type: string; target: { id: string } } }) => `${e.node.type} ${e.node.target.id}`,
      ),
    ).toEqual(['COOPERATES_WITH tehrik-i-taliban-pakistan', 'THREATENS pakistan']);
  });

  test('the same document again changes nothing', async () => {
    const { body } = await api.gql(INGEST, { document }, { token: API_TOKEN });
    expect(body.data.ingestArticle).toMatchObject({ outcome: 'unchanged', entitiesCreated: 0, relationsWritten: 0 });
  });

  test('an invalid document: BAD_USER_INPUT with the path of every problem, nothing written', async () => {
    const broken = {
      ...document,
      article: { ...document.article, id: 'mutation-test-broken' },
      relations: [{ ...document.relations[0], target: 'atlantis', confidence: 3 }],
    };
    const { body } = await api.gql(INGEST, { document: broken }, { token: API_TOKEN });
    const error = firstError(body);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    const fields = (error.extensions.issues as Array<{ field: string; reason: string }>).map((issue) => issue.field);
    expect(fields).toContain('document.relations[0].confidence');
    expect(error.message).toContain('document.relations[0]');
    expect(await articleExists('mutation-test-broken')).toBe(false);
  });

  test('a document that is not an object at all is BAD_USER_INPUT too', async () => {
    const { body } = await api.gql(INGEST, { document: 'hello' }, { token: API_TOKEN });
    expect(firstError(body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'document' });
  });

  test('removeArticle deletes the article, its claims and the entities only it mentioned; again is NOT_FOUND', async () => {
    const { body } = await api.gql(REMOVE, { id: ARTICLE }, { token: API_TOKEN });
    expect(body.errors).toBeUndefined();
    expect(body.data.removeArticle).toEqual({ articleId: ARTICLE, relationsDeleted: 2, entitiesDeleted: 2 });
    expect(await articleExists(ARTICLE)).toBe(false);
    expect((await api.data(`{ entity(id: "mutation-test-militia") { id } }`)).entity).toBeNull();
    // The known group it named stays.
    expect((await api.data(`{ entity(id: "tehrik-i-taliban-pakistan") { id } }`)).entity).not.toBeNull();

    const again = await api.gql(REMOVE, { id: ARTICLE }, { token: API_TOKEN });
    expect(firstError(again.body).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});
