/**
 * GraphQL Code Generator: the resolvers' types (arguments, parents, results) from the SDL, so
 * they are never written by hand. `npm run codegen` writes src/graphql/generated/; the file is
 * committed, and a unit test (tests/unit/graphql/generated-types.test.ts) fails when it is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { ENTITY_TYPES } from './src/domain/vocabulary.ts';
import { ENUM_VALUES } from './src/graphql/enums.ts';

export const RESOLVER_TYPES_FILE = 'src/graphql/generated/resolvers-types.ts';

/** Each SDL enum value's internal value (the vocabulary's spelling), as resolvers receive it. */
const enumValues = Object.fromEntries(Object.entries(ENUM_VALUES).map(([name, values]) => [name, { ...values }]));

const ROWS = '../../db/rows.ts';
const RESOLVERS = '../resolvers/parents.ts';

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  hooks: { afterOneFileWrite: ['prettier --write'] },
  generates: {
    [RESOLVER_TYPES_FILE]: {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        // The Entity interface's fields are resolved once for every implementation (entity.resolvers.ts).
        addInterfaceFieldResolverTypes: true,
        importExtension: '.ts',
        enumsAsTypes: true,
        enumValues,
        contextType: '../context.ts#GraphQLContext',
        scalars: { JSON: 'unknown' },
        // Parents are the rows the repositories return, not the SDL's object types.
        mappers: {
          ...Object.fromEntries(['Entity', ...ENTITY_TYPES].map((type) => [type, `${ROWS}#EntityRow`])),
          Article: `${ROWS}#ArticleRow`,
          Relation: `${ROWS}#RelationRow`,
          Evidence: `${ROWS}#EvidenceRow`,
          Attribution: `${ROWS}#AttributionRow`,
          Claim: `${ROWS}#ClaimRow`,
          ClaimConnection: `${RESOLVERS}#ClaimConnectionParent`,
          RelationConnection: `${RESOLVERS}#RelationConnectionParent`,
          Dyad: `${RESOLVERS}#DyadParent`,
          IngestReport: `${RESOLVERS}#IngestReportParent`,
          MergeRecord: `${RESOLVERS}#MergeRecordParent`,
        },
      },
    },
  },
};

export default config;
