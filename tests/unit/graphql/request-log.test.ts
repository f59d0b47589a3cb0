import { getOperationAST, parse } from 'graphql';
import { expect, test } from 'vitest';
import { operationLabel } from '../../../src/graphql/request-log.plugin.ts';

const labelOf = (source: string) => {
  const operation = getOperationAST(parse(source));
  if (!operation) throw new Error('no operation');
  return operationLabel(operation);
};

test('a named operation is labelled by its name', () => {
  expect(labelOf('query Neighbours { entity(id: "x") { id } }')).toBe('Neighbours');
});

test('an anonymous operation is labelled by its type and first field', () => {
  expect(labelOf('{ search(text: "x") { id } entity(id: "y") { id } }')).toBe('query.search');
  expect(labelOf('mutation { removeArticle(id: "x") { articleId } }')).toBe('mutation.removeArticle');
});
