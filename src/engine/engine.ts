import type { Corpus } from '../corpus/load.ts';
import type { Article, Metric, Passage, Person, Region, Statistic } from '../corpus/schema.ts';
import type { Citation, Figure, Suggestion } from '../answers/answer.ts';
import { NameIndex } from '../search/names.ts';
import { PassageIndex, type IndexArrays } from '../search/passage-index.ts';
import { holds } from '../search/sorted.ts';
import { ArticleIds, JoinedTexts, passagesWithIdContaining } from '../search/substring.ts';

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
  /** Region id → the positions (in corpus.passages) of the passages tagged with it, ascending. */
  private readonly passagesByRegion = new Map<string, Uint32Array>();
  /** Article id → its place in corpus.articles; with articleStart, a passage's position without a map of every passage. */
  private readonly articleIndex = new Map<string, number>();
  private readonly articleStart: Uint32Array;
  /** Metric id → the positions (in corpus.stats) of its figures, ascending. */
  private readonly statsByMetric = new Map<string, Uint32Array>();
  /** Region id → the positions (in corpus.stats) of its figures, ascending. */
  private readonly statsByRegion = new Map<string, Uint32Array>();
  private covered: Region[] | undefined;
  private figurePassages: Uint32Array | undefined;
  private articleIds: ArticleIds | undefined;
  private articleLabels: JoinedTexts | undefined;

  /** `index`: the passage index read from a prebuilt file for this very corpus; built from the passages otherwise. */
  constructor(readonly corpus: Corpus, index?: IndexArrays) {
    const { regions, metrics, people } = corpus.gazetteer;
    this.regions = new NameIndex(regions.map((r) => ({ target: r, names: [r.name, r.zh, r.id, ...r.aliases] })));
    this.metrics = new NameIndex(metrics.map((m) => ({ target: m, names: [m.name, m.zh, m.id, ...m.synonyms] })));
    this.people = new NameIndex(people.map((p) => ({ target: p, names: [p.name, p.zh, ...p.aliases] })));
    for (const region of regions) {
      if (region.parent) push(this.childrenOf, region.parent, region);
    }
    this.articleStart = new Uint32Array(corpus.articles.length);
    let position = 0;
    const byRegion = new Map<string, number[]>();
    corpus.articles.forEach((article, i) => {
      this.articleIndex.set(article.id, i);
      this.articleStart[i] = position;
      for (const passage of article.passages) {
        for (const region of passage.regions) push(byRegion, region, position);
        position++;
      }
    });
    for (const [region, positions] of byRegion) this.passagesByRegion.set(region, Uint32Array.from(positions));
    const statsByMetric = new Map<string, number[]>();
    const statsByRegion = new Map<string, number[]>();
    corpus.stats.forEach((stat, at) => {
      push(statsByMetric, stat.metric, at);
      push(statsByRegion, stat.region, at);
    });
    for (const [metric, positions] of statsByMetric) this.statsByMetric.set(metric, Uint32Array.from(positions));
    for (const [region, positions] of statsByRegion) this.statsByRegion.set(region, Uint32Array.from(positions));
    // Passages are also found by the canonical names of what they are tagged with,
    // so "Xin Changxing" finds the quotes the translation attributes to "Nobunaga Xing".
    this.passages = new PassageIndex(
      corpus.passages,
      index ?? ((p) => [...p.regions.map((id) => this.region(id).name), ...p.people.map((id) => this.person(id).name), ...p.topics].join(' ')),
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
    return this.corpus.articles[this.articleIndex.get(articleIdOf(passage))!]!;
  }

  /**
   * Where a passage stands in corpus.passages (its number in the passage index). The loader
   * guarantees the id is "<article id>#p<paragraph>" and paragraphs count 1, 2, 3… within the article.
   */
  position(passage: Passage): number {
    return this.positionOf(passage.id);
  }

  /** position() from the id alone, without looking the passage up. */
  positionOf(passageId: string): number {
    const cut = passageId.lastIndexOf('#p');
    return this.articleStart[this.articleIndex.get(passageId.slice(0, cut))!]! + Number(passageId.slice(cut + 2)) - 1;
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

  /** The passages tagged with any of the regions, in corpus order. */
  passagesAbout(regionIds: ReadonlySet<string>): Passage[] {
    const { passages } = this.corpus;
    return Array.from(this.positionsAbout(regionIds), (at) => passages[at]!);
  }

  /** The positions of the passages tagged with any of the regions, ascending: a pool to rank within. */
  positionsAbout(regionIds: ReadonlySet<string>): Uint32Array {
    return union(listsOf(this.passagesByRegion, regionIds), this.corpus.passages.length);
  }

  /** The positions (in corpus.stats) of the figures for any of the regions, ascending. */
  statPositionsAbout(regionIds: ReadonlySet<string>): Uint32Array {
    return union(listsOf(this.statsByRegion, regionIds), this.corpus.stats.length);
  }

  /**
   * The figures for any of the regions and any of the metrics (either may be left out),
   * in corpus order, the first `limit` of them. It walks whichever index lists fewer
   * figures and filters by the other.
   */
  statsWhere({ regions, metrics }: { regions?: ReadonlySet<string>; metrics?: ReadonlySet<string> }, limit = Infinity): Statistic[] {
    const { stats } = this.corpus;
    const byRegion = regions && listsOf(this.statsByRegion, regions);
    const byMetric = metrics && listsOf(this.statsByMetric, metrics);
    const size = (lists: Uint32Array[] | undefined) => (lists ? lists.reduce((n, list) => n + list.length, 0) : Infinity);
    const [lists, other] = size(byRegion) <= size(byMetric) ? [byRegion, metrics && ((s: Statistic) => metrics.has(s.metric))] : [byMetric, regions && ((s: Statistic) => regions.has(s.region))];
    const positions = lists ? union(lists, stats.length) : undefined;
    const found: Statistic[] = [];
    for (let i = 0; i < (positions?.length ?? stats.length) && found.length < limit; i++) {
      const stat = stats[positions ? positions[i]! : i]!;
      if (!other || other(stat)) found.push(stat);
    }
    return found;
  }

  /**
   * Of a place's passages and figures (positions, from positionsAbout and
   * statPositionsAbout), the passages that quote none of those figures, ascending: what a
   * place's answer can show beside its figures.
   */
  passagesWithoutFigures(passages: Uint32Array, stats: Uint32Array): Uint32Array {
    const figures = this.figurePassagePositions();
    const quoted = stats.map((at) => figures[at]!).sort();
    const out = new Uint32Array(passages.length);
    let kept = 0;
    // Both ascending: one pass over each.
    for (let i = 0, q = 0; i < passages.length; i++) {
      while (q < quoted.length && quoted[q]! < passages[i]!) q++;
      if (q >= quoted.length || quoted[q] !== passages[i]) out[kept++] = passages[i]!;
    }
    return out.subarray(0, kept);
  }

  /** Of a place's figures (positions), those quoted from one of its passages, in corpus order: a digest cites what it summarises. */
  figuresQuotedIn(passages: Uint32Array, stats: Uint32Array): Statistic[] {
    const figures = this.figurePassagePositions();
    const out: Statistic[] = [];
    for (const at of stats) if (holds(passages, figures[at]!)) out.push(this.corpus.stats[at]!);
    return out;
  }

  /**
   * Builds what the engine otherwise builds on first use: autocomplete's id and title
   * lists, the covered regions, each figure's passage position. See warm().
   */
  prepare(): void {
    this.ids();
    this.labels();
    this.coveredRegions();
    this.figurePassagePositions();
  }

  /** Per figure, its passage's position: worked out once, on first use (warm() does it). */
  private figurePassagePositions(): Uint32Array {
    return (this.figurePassages ??= Uint32Array.from(this.corpus.stats, (s) => this.positionOf(s.passage)));
  }

  /** Whether any passage is tagged with the region. */
  covers(regionId: string): boolean {
    return this.passagesByRegion.has(regionId);
  }

  statsIn(passage: Passage): readonly Statistic[] {
    return this.articleOf(passage).stats.filter((s) => s.passage === passage.id);
  }

  /** Whether the corpus has at least one figure for the metric. */
  measures(metricId: string): boolean {
    return this.statsByMetric.has(metricId);
  }

  /** The first `limit` passages whose id contains `piece`, in corpus order. */
  passagesWithIdContaining(piece: string, limit: number): Passage[] {
    return passagesWithIdContaining(this.corpus.articles, this.ids(), piece, limit);
  }

  /** The first `limit` articles whose lowercased "<id> <title>" contains `piece`, in corpus order. */
  articlesLabelled(piece: string, limit: number): Article[] {
    return this.labels().containing(piece, limit).map((i) => this.corpus.articles[i]!);
  }

  // Autocomplete's lists, built on first use.
  private ids(): ArticleIds {
    return (this.articleIds ??= new ArticleIds(this.corpus.articles));
  }
  private labels(): JoinedTexts {
    return (this.articleLabels ??= new JoinedTexts(this.corpus.articles.map((a) => `${a.id} ${a.title}`.toLowerCase()), '\u0000'));
  }

  sortPassages(passages: Passage[]): Passage[] {
    const at = new Map(passages.map((p) => [p, this.position(p)]));
    return passages.sort((a, b) => at.get(a)! - at.get(b)!);
  }

  /** Regions the corpus says something about, the most covered first: suggestions and empty autocomplete. */
  coveredRegions(): readonly Region[] {
    return (this.covered ??= this.corpus.gazetteer.regions
      .filter((r) => this.passagesByRegion.has(r.id))
      .sort((a, b) => this.passagesByRegion.get(b.id)!.length - this.passagesByRegion.get(a.id)!.length));
  }

  cite(passage: Passage, excerpt?: string): Citation {
    const article = this.articleOf(passage);
    // Read once: a passage's text is decoded from the corpus's text store on every read.
    const text = passage.text;
    const shown = excerpt ?? text;
    return {
      article: article.id,
      articleTitle: article.title,
      outlet: article.outlet,
      published: article.published,
      ...(article.url ? { url: article.url } : {}),
      paragraph: passage.paragraph,
      passage: passage.id,
      excerpt: shown,
      partial: shown !== text,
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
    const found = query.trim() ? index.complete(query, 25).map((m) => m.target) : all;
    return found.slice(0, 25).map((t) => ({ name: t.zh ? `${t.name} (${t.zh})` : t.name, value: t.id }));
  }
}

function listsOf(byKey: ReadonlyMap<string, Uint32Array>, keys: ReadonlySet<string>): Uint32Array[] {
  return [...keys].map((key) => byKey.get(key)).filter((list) => list !== undefined);
}

/** The union of ascending position lists, ascending, without repeats; `size` bounds every position. */
function union(lists: readonly Uint32Array[], size: number): Uint32Array {
  if (lists.length <= 1) return lists[0] ?? new Uint32Array(0);
  const total = lists.reduce((n, list) => n + list.length, 0);
  // A mark per position is cheaper than sorting when the union is large.
  if (total > size / 32) {
    const marked = new Uint8Array(size);
    for (const list of lists) for (const at of list) marked[at] = 1;
    const out = new Uint32Array(total);
    let filled = 0;
    for (let at = 0; at < size; at++) if (marked[at]) out[filled++] = at;
    return out.subarray(0, filled);
  }
  const positions = new Uint32Array(total);
  let filled = 0;
  for (const list of lists) {
    positions.set(list, filled);
    filled += list.length;
  }
  positions.sort();
  let kept = 0;
  for (let i = 0; i < positions.length; i++) if (i === 0 || positions[i] !== positions[i - 1]) positions[kept++] = positions[i]!;
  return positions.subarray(0, kept);
}

function articleIdOf(passage: Passage): string {
  return passage.id.slice(0, passage.id.lastIndexOf('#p'));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
