# syntax=docker/dockerfile:1
#
# The API image; docker-compose.yml also runs the seed with it. The code is TypeScript run
# by tsx, as with `npm start` (tsx src/cli/serve.ts): there is no compile step, so the build
# stage type-checks the sources and the runtime stage ships those sources with production
# dependencies only. tsx must therefore be a production dependency.
#
#   docker build -t geopolitics-graph .
#   docker run --rm -p 4000:4000 -e NEO4J_URI=bolt://host.docker.internal:7687 \
#     -e NEO4J_PASSWORD=... geopolitics-graph

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: all dependencies, type check --------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY schema ./schema
COPY seed ./seed
RUN npm run typecheck

# ---- runtime: production dependencies and the checked sources -----------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund \
 && if [ ! -f node_modules/tsx/package.json ]; then \
      echo 'tsx is not installed by "npm ci --omit=dev": move it from devDependencies to dependencies in package.json (the image runs the TypeScript sources with it).' >&2; \
      exit 1; \
    fi
# Copied from the build stage, so that the image only ever holds sources that type-checked.
COPY --from=build /app/tsconfig.json ./
COPY --from=build /app/src ./src
COPY --from=build /app/schema ./schema
COPY --from=build /app/seed ./seed

# Root owns the files; the process only reads them.
USER node
EXPOSE 4000
# The slim image has no curl or wget; Node's own fetch asks /readyz.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `node --import tsx` rather than `npx tsx`: one process, which receives the stop signal itself.
CMD ["node", "--import", "tsx", "src/cli/serve.ts"]
