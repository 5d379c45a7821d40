# Footnote in a container: node itself is PID 1 (no npm or shell in between), so the SIGTERM
# that `docker stop` sends reaches the bot, which answers what is in flight and exits 0.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# tsx, which runs the TypeScript, is a runtime dependency; dev tools are left out.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY commands ./commands
COPY src ./src
COPY data ./data
COPY tsconfig.json ./
# The seed corpus ships in the image; mount your own over it (it must be writable by the
# node user: the bot writes its prebuilt index, footnote.index, beside the corpus).
COPY --chown=node:node corpus ./corpus
VOLUME ["/app/corpus"]
USER node
CMD ["node", "--import", "tsx", "src/main.ts"]
