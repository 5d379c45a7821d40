#!/usr/bin/env node
// Runs Footnote's entry points as compiled JavaScript: `node bin/footnote.mjs start|query|sharded|corpus-build …`.
//
// tsx transpiles every module at every start and Node then resolves a few hundred files; a one-shot
// CLI call spent most of its time there. esbuild bundles each entry point, with the packages that
// need no files of their own, into one file under dist/. The bundle is rebuilt whenever a source
// file, the lockfile or this file has changed since, so `npm ci && npm start` on a fresh clone and
// `npm start` after an edit both run what the sources say; tests and dev tools run the sources
// through tsx directly.
//
// Plain JavaScript on purpose: it must run before anything is compiled.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const STAMP = path.join(dist, 'sources.sha256');

export const ENTRIES = {
  start: 'src/main.ts',
  query: 'src/console/query.ts',
  sharded: 'src/discord/shard-manager.ts',
  'corpus-build': 'src/app/build.ts',
};

/**
 * Inlined into the bundle: the pure-JavaScript packages every command loads, which cost most
 * of a CLI call's module loading. Every other package is left to Node to load from
 * node_modules as usual: many read files beside their own code (dictionaries, WordNet, native
 * bindings, WebAssembly, pino's worker threads), and discord.js is never loaded by the console.
 */
const INLINED = ['zod', 'fuse.js', 'discord-api-types', 'dotenv'];

const packagesOutside = {
  name: 'packages-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) => {
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      return INLINED.includes(name) || specifier.startsWith('node:') ? undefined : { path: specifier, external: true };
    });
  },
};

/** Folders and files whose change makes the bundle stale. */
const SOURCES = ['src', 'commands', 'package-lock.json', 'bin/footnote.mjs'];

async function* files(entry) {
  const info = await stat(entry).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) return yield [entry, info];
  for (const name of (await readdir(entry)).sort()) yield* files(path.join(entry, name));
}

/** Paths, sizes and modification times of the sources: a few milliseconds for the whole tree. */
async function sourcesStamp() {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for await (const [file, info] of files(path.join(root, source))) {
      hash.update(`${path.relative(root, file)}\0${info.size}\0${info.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

/**
 * A bundled module has one file's location, but several sources find data relative to
 * their own (`import.meta.dirname + '../../data'`): each source's `import.meta` is rewritten
 * to where the source itself lies, relative to the bundle, so those paths hold in both.
 */
const sourceLocation = {
  name: 'source-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      const relative = path.relative(dist, file).split(path.sep).join('/');
      // One pass, so the import.meta.url inserted for a dirname is not rewritten again.
      const contents = (await readFile(file, 'utf8')).replace(/import\.meta\.(dirname|url)/g, (_, which) =>
        which === 'dirname'
          ? `__sourceDir(import.meta.url, ${JSON.stringify(path.posix.dirname(relative))})`
          : `__sourceUrl(import.meta.url, ${JSON.stringify(relative)})`,
      );
      return { contents, loader: 'ts' };
    });
  },
};

const BANNER = `import { fileURLToPath as __fileURLToPath } from 'node:url';
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
const __sourceUrl = (bundle, relative) => new URL(relative, bundle).href;
const __sourceDir = (bundle, relative) => __fileURLToPath(new URL(relative.endsWith('/') ? relative : relative + '/', bundle)).replace(/\\/$/, '');`;

/** Bundles every entry into a fresh folder and swaps it in, so a concurrent start never sees half a build. */
export async function compile() {
  const { build, stop } = await import('esbuild');
  const stamp = await sourcesStamp();
  const staging = `${dist}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: Object.entries(ENTRIES).map(([out, source]) => ({ in: source, out })),
    outdir: staging,
    bundle: true,
    // Code reached only by a dynamic import (the chart renderer, say) stays in a chunk of its
    // own, loaded when first needed; chunks sit beside the entries, so the paths rewritten
    // below hold for them too.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [packagesOutside, sourceLocation],
    banner: { js: BANNER },
    logLevel: 'warning',
  });
  // esbuild's service is a child process: a bot that compiled at start must not keep it for its lifetime.
  await stop();
  await writeFile(path.join(staging, 'sources.sha256'), stamp);
  await mkdir(dist, { recursive: true });
  // Chunks of earlier builds are left in place: a process started before this build may still
  // import one of its own lazily (the chart renderer), and a chunk's name is its content's hash.
  for (const name of await readdir(staging)) await rename(path.join(staging, name), path.join(dist, name));
  await rm(staging, { recursive: true, force: true });
}

async function isFresh() {
  const [built, now] = await Promise.all([readFile(STAMP, 'utf8').catch(() => ''), sourcesStamp()]);
  return built === now;
}

async function run() {
  const [entry, ...args] = process.argv.slice(2);
  if (entry === '--build') return compile();
  if (!(entry in ENTRIES)) {
    process.stderr.write(`usage: node bin/footnote.mjs ${Object.keys(ENTRIES).join('|')} [arguments]\n`);
    process.exit(2);
  }
  if (!(await isFresh())) await compile();
  // The entry reads its own arguments as if it had been started directly.
  process.argv = [process.argv[0], path.join(dist, `${entry}.js`), ...args];
  await import(pathToFileURL(process.argv[1]).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
