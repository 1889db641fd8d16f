# Tierbot's image: the HTTP Interactions Endpoint (`npm run start:http`) by default; the same image
# runs gateway mode with `docker run … node --import tsx src/bot.ts`. See README, "Containers, and past one machine".
#
# Two stages: the first installs the production dependencies (`npm ci --omit=dev`: tsx, which runs
# the TypeScript sources, is one of them, so there is no build step), the second copies them and
# the sources into a clean image that runs as the unprivileged `node` user.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# No install script is needed (esbuild's is recorded as not needed in package.json's allowScripts;
# libsql, resvg and esbuild come as prebuilt platform packages).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json package-lock.json tsconfig.json ./
COPY --chown=node:node src ./src
# The Discord stand-in: only the playground (`npm start` without a token) uses it.
COPY --chown=node:node tools ./tools
# SQLite's default file (./data/tierbot.sqlite) lives here; mount a volume to keep it.
RUN mkdir -p /app/data && chown node:node /app/data
USER node

EXPOSE 8080
# Liveness: GET /healthz answers while the process serves requests. (Readiness, GET /readyz, is for
# the load balancer: the database answers and migrations are done.) HTTP mode serves /healthz on
# PORT; gateway mode has nothing on PORT and serves it beside /metrics on METRICS_PORT. So PORT is
# asked first and METRICS_PORT when nothing answers there: one image, either mode.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["node", "-e", "const ask = (port) => fetch('http://127.0.0.1:' + port + '/healthz').then((r) => r.ok); ask(process.env.PORT || 8080).catch(() => (process.env.METRICS_PORT ? ask(process.env.METRICS_PORT) : false)).then((ok) => process.exit(ok ? 0 : 1), () => process.exit(1))"]
# The script execs node (no shell in between) and npm passes `docker stop`'s SIGTERM on to it, so
# Tierbot drains (stops accepting, finishes in-flight requests) within 8 s, inside Docker's default
# 10 s stop grace. --silent keeps npm's banner out of the JSON log lines.
CMD ["npm", "run", "--silent", "start:http"]
