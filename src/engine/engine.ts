import type { Corpus } from '../corpus/load.ts';
import type { Article, Metric, Passage, Person, Region, Statistic } from '../corpus/schema.ts';
import type { Citation, Figure, Suggestion } from './answer.ts';
import { NameIndex } from './names.ts';
import { PassageIndex } from './passage-index.ts';

export interface Choice {
  name: string;
  value: string;
}

/**
 * The corpus with its indexes, built once. Everything here is a pure lookup:
 * no I/O, no Discord, safe to share between every request and transport.
 */
export class Engine {
  readonly regions: NameIndex<Region>;
  readonly metrics: NameIndex<Metric>;
  readonly people: NameIndex<Person>;
  readonly passages: PassageIndex;
  private readonly childrenOf = new Map<string, Region[]>();
  private readonly passagesByRegion = new Map<string, Passage[]>();
  private readonly statsByPassage = new Map<string, Statistic[]>();
  private readonly articleOfPassage = new Map<string, Article>();
  private covered: Region[] | undefined;

  constructor(readonly corpus: Corpus) {
    const { regions, metrics, people } = corpus.gazetteer;
    this.regions = new NameIndex(regions.map((r) => ({ target: r, names: [r.name, r.zh, r.id, ...r.aliases] })));
    this.metrics = new NameIndex(metrics.map((m) => ({ target: m, names: [m.name, m.zh, m.id, ...m.synonyms] })));
    this.people = new NameIndex(people.map((p) => ({ target: p, names: [p.name, p.zh, ...p.aliases] })));
    for (const region of regions) {
      if (region.parent) push(this.childrenOf, region.parent, region);
    }
    for (const article of corpus.articles) {
      for (const passage of article.passages) {
        this.articleOfPassage.set(passage.id, article);
        for (const region of passage.regions) push(this.passagesByRegion, region, passage);
      }
    }
    for (const stat of corpus.stats) push(this.statsByPassage, stat.passage, stat);
    // Passages are also found by the canonical names of what they are tagged with,
    // so "Xin Changxing" finds the quotes the translation attributes to "Nobunaga Xing".
    this.passages = new PassageIndex(corpus.passages, (p) =>
      [...p.regions.map((id) => this.region(id).name), ...p.people.map((id) => this.person(id).name), ...p.topics].join(' '),
    );
  }

  region(id: string): Region {
    return this.corpus.regionById.get(id)!;
  }
  metric(id: string): Metric {
    return this.corpus.metricById.get(id)!;
  }
  person(id: string): Person {
    return this.corpus.personById.get(id)!;
  }
  articleOf(passage: Passage): Article {
    return this.articleOfPassage.get(passage.id)!;
  }

  /** The region and everything below it: Jiangsu holds Suzhou, which holds Zhangjiagang. */
  withDescendants(region: Region): Region[] {
    const out = [region];
    for (let i = 0; i < out.length; i++) out.push(...(this.childrenOf.get(out[i]!.id) ?? []));
    return out;
  }

  /** China > Jiangsu > Suzhou, from the top. */
  ancestry(region: Region): Region[] {
    const out: Region[] = [];
    for (let r: Region | undefined = region; r; r = r.parent ? this.corpus.regionById.get(r.parent) : undefined) out.unshift(r);
    return out;
  }

  passagesAbout(regionIds: ReadonlySet<string>): Passage[] {
    const seen = new Set<Passage>();
    for (const id of regionIds) for (const p of this.passagesByRegion.get(id) ?? []) seen.add(p);
    return this.sortPassages([...seen]);
  }

  statsIn(passage: Passage): readonly Statistic[] {
    return this.statsByPassage.get(passage.id) ?? [];
  }

  sortPassages(passages: Passage[]): Passage[] {
    const order = new Map(this.corpus.passages.map((p, i) => [p.id, i]));
    return passages.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  /** Regions the corpus says something about, the most covered first: suggestions and empty autocomplete. */
  coveredRegions(): readonly Region[] {
    return (this.covered ??= this.corpus.gazetteer.regions
      .filter((r) => this.passagesByRegion.has(r.id))
      .sort((a, b) => this.passagesByRegion.get(b.id)!.length - this.passagesByRegion.get(a.id)!.length));
  }

  cite(passage: Passage, excerpt: string = passage.text): Citation {
    const article = this.articleOf(passage);
    return {
      article: article.id,
      articleTitle: article.title,
      outlet: article.outlet,
      published: article.published,
      ...(article.url ? { url: article.url } : {}),
      paragraph: passage.paragraph,
      passage: passage.id,
      excerpt,
      partial: excerpt !== passage.text,
    };
  }

  figure(stat: Statistic): { figure: Figure; citation: Citation } {
    const region = this.region(stat.region);
    const figure: Figure = {
      statistic: stat.id,
      metric: stat.metric,
      metricName: this.metric(stat.metric).name,
      label: stat.label,
      value: stat.value,
      written: stat.written,
      unit: stat.unit,
      region: region.id,
      regionName: region.name,
      ...(stat.qualifier ? { qualifier: stat.qualifier } : {}),
      ...(stat.period ? { period: stat.period } : {}),
      ...(stat.change ? { change: stat.change } : {}),
    };
    return { figure, citation: this.cite(this.corpus.passageById.get(stat.passage)!, stat.quote) };
  }

  regionSuggestions(query: string, limit = 5): Suggestion[] {
    const near = this.regions.search(query, limit).map((m) => m.target);
    const covered = near.length > 0 ? near : this.coveredRegions().slice(0, limit);
    return covered.map((r) => ({ label: r.zh ? `${r.name} (${r.zh})` : r.name, command: `/region ${r.id}` }));
  }

  /** Autocomplete choices for names; an empty query lists what the corpus covers. */
  choices<T extends { id: string; name: string; zh?: string }>(index: NameIndex<T>, all: readonly T[], query: string): Choice[] {
    const found = query.trim() ? index.search(query, 25).map((m) => m.target) : all;
    return found.slice(0, 25).map((t) => ({ name: t.zh ? `${t.name} (${t.zh})` : t.name, value: t.id }));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
