import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  GazetteerSchema,
  type Article,
  type Gazetteer,
  type Passage,
  type Region,
  type Statistic,
} from '../../src/corpus/schema.ts';
import { figureSentence } from './figures.ts';
import { pinyinName, proseSentence, remarkSentences, say, type Scene, type Sentence } from './prose.ts';
import { Random } from './random.ts';
import { companyKinds, footers, industries, outlets } from './words.ts';

export interface SyntheticCorpus {
  dir: string;
  articles: number;
  passages: number;
  stats: number;
  /** Bytes written: articles, sources and the gazetteer. */
  bytes: number;
}

/**
 * Writes a corpus of about `passages` passages to `dir`, in the layout and under the
 * invariants of the real one (the benchmark loads it with the bot's own loader), from
 * the real gazetteer and the seed's vocabulary. Same size and seed, same corpus.
 */
export async function writeSyntheticCorpus(
  dir: string,
  passages: number,
  options: { gazetteer: string; seed?: number },
): Promise<SyntheticCorpus> {
  const rng = new Random(options.seed ?? 2024);
  const rawGazetteer = await readFile(options.gazetteer, 'utf8');
  const gazetteer = GazetteerSchema.parse(JSON.parse(rawGazetteer));
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await mkdir(path.join(dir, 'sources'), { recursive: true });
  await writeFile(path.join(dir, 'gazetteer.json'), rawGazetteer);

  // Which places the news is about follows a long tail: shuffle once, then Zipf over that order.
  const regions = rng.sample(gazetteer.regions, gazetteer.regions.length);
  const within = descendants(gazetteer.regions);
  const out: SyntheticCorpus = { dir, articles: 0, passages: 0, stats: 0, bytes: rawGazetteer.length };
  let pending: Promise<void>[] = [];
  while (out.passages < passages) {
    const size = Math.min(rng.int(6, 14), passages - out.passages);
    const { article, source } = writeArticle(rng, gazetteer, regions, within, out.articles, size);
    const json = JSON.stringify(article, null, 2);
    pending.push(
      writeFile(path.join(dir, 'articles', `${article.id}.json`), json),
      writeFile(path.join(dir, article.source), source),
    );
    // Bounded concurrency: enough to keep the disk busy, not 50,000 open files at once.
    if (pending.length >= 64) {
      await Promise.all(pending);
      pending = [];
    }
    out.articles++;
    out.passages += article.passages.length;
    out.stats += article.stats.length;
    out.bytes += json.length + source.length;
  }
  await Promise.all(pending);
  return out;
}

function writeArticle(
  rng: Random,
  gazetteer: Gazetteer,
  regions: Region[],
  within: Map<string, Region[]>,
  serial: number,
  size: number,
) {
  const home = rng.zipf(regions, 0.9);
  const year = rng.int(2022, 2025);
  const month = rng.int(1, 12);
  const outlet = rng.zipf(outlets);
  const scene: Scene = {
    rng,
    gazetteer,
    home,
    local: within.get(home.id)?.length ? within.get(home.id)! : [home],
    companies: Array.from(
      { length: rng.int(1, 3) },
      () => `${pinyinName(rng, rng.int(2, 3))} ${rng.pick(companyKinds)}`,
    ),
    industries: [...new Set(Array.from({ length: 6 }, () => rng.zipf(industries, 0.8)))],
    year,
    outlet,
    anywhere: () => rng.zipf(regions, 0.9),
  };
  const id = `${slug(outlet)}-${year}-${String(month).padStart(2, '0')}-${String(serial).padStart(6, '0')}`;
  const passages: Passage[] = [];
  const stats: Statistic[] = [];
  for (let paragraph = 1; paragraph <= size; paragraph++) {
    const sentences = passageSentences(scene);
    const passage = toPassage(`${id}#p${paragraph}`, paragraph, sentences);
    passages.push(passage);
    for (const s of sentences) {
      if (s.stat) stats.push({ ...s.stat, id: `${id}#s${stats.length + 1}-${s.stat.metric}`, passage: passage.id });
    }
  }
  const title = rng.pick([
    () => `Write a good article on the development of ${scene.industries[0]}!`,
    () => `${home.name} accelerates ${scene.industries[0]}`,
    () => `How ${home.name} grows new quality productive forces`,
    () => `${scene.companies[0]} builds ${scene.industries[0]} base in ${scene.local[0]!.name}`,
    () => `High-quality Development Research Tour: ${home.name}`,
  ])();
  const translated = rng.chance(0.6);
  const article: Article = {
    id,
    title,
    outlet,
    published: rng.chance(0.5)
      ? `${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
      : `${year}-${String(month).padStart(2, '0')}`,
    ...(rng.chance(0.7) ? { url: `https://news.example.com/${year}/${id}.html` } : {}),
    language: 'en',
    ...(translated ? { translatedFrom: 'zh', translation: 'machine' as const } : {}),
    source: `sources/${id}.txt`,
    passages,
    stats,
  };
  // Like the seed, the source keeps a title and a footer that are no passage.
  const source = `${title}\n\n${passages.map((p) => p.text).join('\n\n')}\n\n${rng.pick(footers)}\n`;
  return { article, source };
}

function passageSentences(scene: Scene): Sentence[] {
  const { rng } = scene;
  const people = scene.gazetteer.people;
  if (people.length && rng.chance(0.06)) return [remarkSentences(scene, rng.pick(people))];
  const sentences = Array.from({ length: rng.int(1, 4) }, () => proseSentence(scene));
  const figures = rng.chance(0.35) ? (rng.chance(0.2) ? 2 : 1) : 0;
  for (let i = 0; i < figures && scene.gazetteer.metrics.length; i++) {
    const metric = rng.zipf(scene.gazetteer.metrics, 0.7);
    const region = rng.chance(0.6) ? scene.home : rng.pick(scene.local);
    const { sentence, stat } = figureSentence(
      rng,
      metric,
      say(rng, region),
      scene.year - rng.int(0, 1),
      rng.pick(scene.companies),
    );
    sentences.splice(rng.int(0, sentences.length), 0, {
      text: sentence,
      regions: [region],
      people: [],
      topics: [metric.name.toLowerCase()],
      stat,
    });
  }
  return sentences;
}

function toPassage(id: string, paragraph: number, sentences: Sentence[]): Passage {
  const speaker = sentences.find((s) => s.speaker)?.speaker;
  return {
    id,
    paragraph,
    text: sentences.map((s) => s.text).join(' '),
    regions: [...new Set(sentences.flatMap((s) => s.regions.map((r) => r.id)))],
    people: [...new Set(sentences.flatMap((s) => s.people.map((p) => p.id)))],
    ...(speaker ? { speaker: speaker.id } : {}),
    topics: [...new Set(sentences.flatMap((s) => s.topics))].slice(0, 4),
  };
}

function descendants(regions: readonly Region[]): Map<string, Region[]> {
  const children = new Map<string, Region[]>();
  for (const r of regions) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const out = new Map<string, Region[]>();
  for (const r of regions) {
    const all: Region[] = [];
    for (let queue = [...(children.get(r.id) ?? [])]; queue.length;) {
      const next = queue.shift()!;
      all.push(next);
      queue.push(...(children.get(next.id) ?? []));
    }
    out.set(r.id, all);
  }
  return out;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
