import type { IngestLimits } from '../../ingest/ingest-limits.ts';
import { capIssues } from '../../ingest/issues.ts';
import { ingestDocuments, removeArticle, SeedValidationError, type SeedReport } from '../../ingest/seed-run.ts';
import { requireMutationAccess } from '../auth.ts';
import type { GraphQLContext } from '../context.ts';
import { IngestBusyError } from '../../db/ingest-lease.ts';
import { BadUserInputError, NotFoundError, WriterBusyError, mapNeo4jError } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import type { IngestReportParent } from './parents.ts';
import { requireArticle, requireEntity } from './shared.ts';

/** How the document is named in the pipeline's issues; the API reports them as `document.<path>`. */
const DOCUMENT = 'document';

/**
 * A request waits for another writer (a seed run, say) at most until a second before its
 * deadline, then is told to retry: past the deadline the client has stopped listening.
 */
const writerOptions = (ctx: GraphQLContext) => ({ waitMs: Math.max(0, ctx.deadline.remainingMs() - 1_000) });

function mapWriterError(error: unknown): unknown {
  return error instanceof IngestBusyError ? new WriterBusyError(error.message) : mapNeo4jError(error);
}

const fieldOf = (path: string) => (path ? `${DOCUMENT}.${path}` : DOCUMENT);

function toBadUserInput(error: SeedValidationError, limits: IngestLimits): BadUserInputError {
  const { shown, more } = capIssues(error.issues, limits.maxIssuesShown);
  return new BadUserInputError(
    shown.map((issue) => ({ field: fieldOf(issue.path), reason: issue.message })),
    {},
    more,
  );
}

export const mutationResolvers = {
  Mutation: {
    ingestArticle: async (_root, args, ctx): Promise<IngestReportParent> => {
      requireMutationAccess(ctx.auth);
      let report: SeedReport;
      try {
        report = await ingestDocuments(
          [{ file: DOCUMENT, json: args.document }],
          ctx.db,
          writerOptions(ctx),
          ctx.ingestLimits,
        );
      } catch (error) {
        throw error instanceof SeedValidationError ? toBadUserInput(error, ctx.ingestLimits) : mapWriterError(error);
      }
      const [articleId] = report.articleIds;
      if (!articleId) throw new Error('The ingest pipeline reported no article for a valid document');
      const outcome = report.created > 0 ? 'created' : report.replaced > 0 ? 'replaced' : 'unchanged';
      return { ...report, articleId, outcome };
    },

    removeArticle: async (_root, args, ctx) => {
      requireMutationAccess(ctx.auth);
      const result = await removeArticle(args.id, ctx.db, writerOptions(ctx)).catch((error: unknown) => {
        throw mapWriterError(error);
      });
      if (!result.removed) throw new NotFoundError('article', args.id, 'id');
      return { articleId: args.id, relationsDeleted: result.relationsDeleted, entitiesDeleted: result.entitiesDeleted };
    },
  },

  IngestReport: {
    article: (report, _args, ctx) => requireArticle(ctx, report.articleId),
    warnings: (report) => report.warnings.map((issue) => ({ field: fieldOf(issue.path), message: issue.message })),
  },

  MergeRecord: {
    into: (merge, _args, ctx) => requireEntity(ctx, merge.intoId),
  },
} satisfies Resolvers;
