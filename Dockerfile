# One image for the API and the worker; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# `npm install` rather than `npm ci`: see scripts/setup (npm/cli#4828).
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY server ./server
COPY media ./media
COPY worker ./worker
COPY web/public ./web/public
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "server/server.ts"]
