import { findNeighborhood, findShortestPath } from '../../db/graph.repo.ts';
import { checkRange, relationTypes } from '../args.ts';
import { NotFoundError } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { LIMITS } from '../limits.ts';

export const graphResolvers = {
  Query: {
    path: async (_root, args, ctx) => {
      const maxHops = checkRange(args.maxHops, 1, LIMITS.maxHops, 'maxHops');
      const result = await findShortestPath(ctx.queries, args.from, args.to, {
        maxHops,
        types: relationTypes(args.types),
      });
      if (!result.fromFound) throw new NotFoundError('entity', args.from, 'from');
      if (!result.toFound) throw new NotFoundError('entity', args.to, 'to');
      if (!result.path) return null;
      return {
        length: result.path.relations.length,
        nodes: ctx.loaders.primeEntities(result.path.nodes),
        relations: result.path.relations,
      };
    },

    neighborhood: async (_root, args, ctx) => {
      const depth = checkRange(args.depth, 1, LIMITS.depth, 'depth');
      const result = await findNeighborhood(ctx.queries, args.id, {
        depth,
        types: relationTypes(args.types),
        maxNodes: LIMITS.neighborhoodNodes,
        maxRelations: LIMITS.neighborhoodRelations,
      });
      if (!result.found) throw new NotFoundError('entity', args.id, 'id');
      return {
        nodes: ctx.loaders.primeEntities(result.nodes.map((node) => node.entity)),
        relations: result.relations,
        truncated: result.nodesTruncated || result.relationsTruncated,
      };
    },
  },
} satisfies Resolvers;
