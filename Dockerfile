# Footnote in a container: node itself is PID 1 (no npm or shell in between), so the SIGTERM
# that `docker stop` sends reaches the bot, which answers what is in flight and exits 0.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# esbuild, which compiles the entry points, and tsx, which runs the corpus tools, are runtime
# dependencies; dev tools are left out.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY commands ./commands
COPY src ./src
COPY data ./data
COPY tsconfig.json ./
# Compiled here, so the container starts from dist/ and never writes beside its code.
RUN npm run build
# The seed corpus ships in the image; mount your own over it (it must be writable by the
# node user: the bot writes its prebuilt index, footnote.index, beside the corpus).
COPY --chown=node:node corpus ./corpus
VOLUME ["/app/corpus"]
USER node
CMD ["node", "--max-semi-space-size=4", "--heap-growing-percent=10", "bin/footnote.mjs", "start"]
