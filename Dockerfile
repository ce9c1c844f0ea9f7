# The bot as a container: a production install (no dev dependencies) on a small Node 20 base, run as the
# unprivileged `node` user, its SQLite store on the /data volume (unused when DATABASE_URL is set).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 compiles itself when no prebuilt binary matches the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    OPS_PORT=9090 \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY src ./src
COPY data ./data
COPY locales ./locales
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# 8080: the Telegram webhook (webhook mode only); 9090: /healthz, /readyz and /metrics.
EXPOSE 8080 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.OPS_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same command as `npm start`, without npm in between, so SIGTERM reaches the bot itself.
CMD ["node", "--max-semi-space-size=4", "--import", "tsx", "src/main.ts"]
