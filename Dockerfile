# syntax=docker/dockerfile:1
#
# The API image; docker-compose.yml also runs the seed with it. The build stage compiles src/
# to dist/ with tsc (tsconfig.build.json, which type-checks as it compiles); the runtime stage
# ships that JavaScript with production dependencies only and runs it with node, as
# `npm start` does (node dist/cli/serve.js). No TypeScript toolchain in the image.
#
#   docker build -t geopolitics-graph .
#   docker run --rm -p 4000:4000 -e NEO4J_URI=bolt://host.docker.internal:7687 \
#     -e NEO4J_PASSWORD=... geopolitics-graph

# A current LTS line (package.json "engines": Node 22.15 or 24 and later).
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: all dependencies, compile ------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies and the compiled server ------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
# dist/ keeps src/'s layout, so the code finds schema/ (SDL, Browser kit) and seed/ beside it.
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY seed ./seed

# Root owns the files; the process only reads them.
USER node
EXPOSE 4000
# The slim image has no curl or wget; Node's own fetch asks /readyz.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is the container's main process, so it receives the stop signal itself.
CMD ["node", "--enable-source-maps", "dist/cli/serve.js"]
