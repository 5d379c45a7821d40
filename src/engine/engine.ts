import type { Corpus } from '../corpus/load.ts';
import type { Article, Metric, Passage, Person, Region, Statistic } from '../corpus/schema.ts';
import { EntityVocabulary } from '../search/entities.ts';
import { FigureWords } from '../search/figure-words.ts';
import { NameIndex } from '../search/names.ts';
import { PassageIndex, type IndexArrays } from '../search/passage-index.ts';
import { groupPositions, listsOf, union } from '../search/sorted.ts';
import { ArticleIds, JoinedTexts, passagesWithIdContaining } from '../search/substring.ts';
import { FigureIndex } from './figures.ts';
import { RegionTree } from './places.ts';
import { PassagePositions } from './positions.ts';
import { AttributedPassages } from './speech.ts';

/** A region and everything inside it, with what the corpus holds about them, gathered once. */
export interface Area {
  /** The regions asked for and every place within them, each once, breadth first. */
  places: readonly Region[];
  ids: ReadonlySet<string>;
  /** Positions (in corpus.passages) of the passages tagged with any of the places, ascending. */
  passages(): Uint32Array;
  /** Positions (in corpus.stats) of the figures for any of the places, ascending. */
  stats(): Uint32Array;
  /**
   * Every passage of the articles that have a passage about the place, ascending: articles
   * say "the province" far more often than its name, and each paragraph is tagged only
   * with the places it names.
   */
  articles(): Uint32Array;
}

/**
 * Positions the areas kept may hold between them (8 MB): the places asked most recently
 * are kept with what they gathered, since a province's articles run to tens of thousands of
 * passages at 250k, every reading of a question asks for its area again, and the same places
 * are asked again and again. Bounded by what they hold rather than by their number, a
 * country's area (every passage twice over) is kept beside a score of provinces' instead of
 * being rebuilt whenever sixteen other places were asked in between.
 */
const KEPT_POSITIONS = 2_000_000;

/** An area whose lists are gathered when first asked for, and which knows how many positions it holds. */
class GatheredArea implements Area {
  private tagged: Uint32Array | undefined;
  private figures: Uint32Array | undefined;
  private whole: Uint32Array | undefined;

  constructor(
    readonly places: readonly Region[],
    readonly ids: ReadonlySet<string>,
    private readonly gather: {
      passages: (ids: ReadonlySet<string>) => Uint32Array;
      stats: (ids: ReadonlySet<string>) => Uint32Array;
      articles: (tagged: Uint32Array) => Uint32Array;
    },
  ) {}

  // Arrows, not methods: callers take them out of the area (`const { ids, stats } = engine.area(r)`).
  readonly passages = (): Uint32Array => (this.tagged ??= this.gather.passages(this.ids));
  readonly stats = (): Uint32Array => (this.figures ??= this.gather.stats(this.ids));
  readonly articles = (): Uint32Array => (this.whole ??= this.gather.articles(this.passages()));

  /** Positions gathered so far. */
  held(): number {
    return (this.tagged?.length ?? 0) + (this.figures?.length ?? 0) + (this.whole?.length ?? 0);
  }
}

/**
 * The corpus with every index over it, built once. Everything here is a pure lookup:
 * no I/O, no Discord, no wording, safe to share between every request and transport.
 */
export class Engine {
  readonly regions: NameIndex<Region>;
  readonly metrics: NameIndex<Metric>;
  readonly people: NameIndex<Person>;
  readonly passages: PassageIndex;
  readonly places: RegionTree;
  readonly positions: PassagePositions;
  readonly figures: FigureIndex;
  /** Region id → the positions (in corpus.passages) of the passages tagged with it, ascending. */
  private readonly passagesByRegion: Map<string, Uint32Array>;
  // Built on first use, or by prepare() before the bot takes its first request.
  private covered: Region[] | undefined;
  private readonly areas = new Map<string, GatheredArea>();
  private articleIds: ArticleIds | undefined;
  private articleLabels: JoinedTexts | undefined;
  private figureWordIndex: FigureWords | undefined;
  private entityVocabulary: EntityVocabulary | undefined;
  private attributedPassages: AttributedPassages | undefined;

  /** `index`: the passage index read from a prebuilt file for this very corpus; built from the passages otherwise. */
  constructor(
    readonly corpus: Corpus,
    index?: IndexArrays,
  ) {
    const { regions, metrics, people } = corpus.gazetteer;
    this.regions = new NameIndex(regions.map((r) => ({ target: r, names: [r.name, r.zh, r.id, ...r.aliases] })));
    this.metrics = new NameIndex(metrics.map((m) => ({ target: m, names: [m.name, m.zh, m.id, ...m.synonyms] })));
    this.people = new NameIndex(people.map((p) => ({ target: p, names: [p.name, p.zh, ...p.aliases] })));
    this.places = new RegionTree(corpus.regionById);
    this.positions = new PassagePositions(corpus.articles);
    this.passagesByRegion = groupPositions(corpus.passages, (p) => p.regions);
    this.figures = new FigureIndex(corpus.stats, (id) => this.positions.of(id));
    // Passages are also found by the canonical names of what they are tagged with,
    // so "Xin Changxing" finds the quotes the translation attributes to "Nobunaga Xing".
    this.passages = new PassageIndex(
      corpus.passages,
      index ??
        ((p) =>
          [
            ...p.regions.map((id) => this.region(id).name),
            ...p.people.map((id) => this.person(id).name),
            ...p.topics,
          ].join(' ')),
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
    return this.positions.articleOf(passage);
  }
  /** The year a passage's article was published, by the passage's id: the year its undated periods ("Q1", "last year") fall in. */
  yearOf(passageId: string): number {
    return Number(this.positions.articleOf(passageId).published.slice(0, 4));
  }

  /** The regions, everything inside them, and their passages and figures: what "about a place" means everywhere. */
  area(...regions: Region[]): Area {
    const key = regions.map((r) => r.id).join('|');
    const kept = this.areas.get(key);
    if (kept) {
      // Asked again: the last to be let go.
      this.areas.delete(key);
      this.areas.set(key, kept);
      return kept;
    }
    let held = 0;
    for (const area of this.areas.values()) held += area.held();
    for (const [oldest, area] of this.areas) {
      if (held <= KEPT_POSITIONS) break;
      held -= area.held();
      this.areas.delete(oldest);
    }
    const places = this.places.within(regions);
    const area = new GatheredArea(places, new Set(places.map((r) => r.id)), this.gatherers);
    this.areas.set(key, area);
    return area;
  }

  private readonly gatherers = {
    passages: (ids: ReadonlySet<string>) => union(listsOf(this.passagesByRegion, ids), this.corpus.passages.length),
    stats: (ids: ReadonlySet<string>) => this.figures.positionsIn(ids),
    articles: (tagged: Uint32Array) => this.positions.wholeArticles(tagged),
  };

  /** Whether any passage is tagged with the region. */
  covers(regionId: string): boolean {
    return this.passagesByRegion.has(regionId);
  }

  statsIn(passage: Passage): readonly Statistic[] {
    return this.articleOf(passage).stats.filter((s) => s.passage === passage.id);
  }

  sortPassages(passages: Passage[]): Passage[] {
    const at = new Map(passages.map((p) => [p, this.positions.of(p.id)]));
    return passages.sort((a, b) => at.get(a)! - at.get(b)!);
  }

  /** Regions the corpus says something about, the most covered first: suggestions and empty autocomplete. */
  coveredRegions(): readonly Region[] {
    return (this.covered ??= this.corpus.gazetteer.regions
      .filter((r) => this.passagesByRegion.has(r.id))
      .sort((a, b) => this.passagesByRegion.get(b.id)!.length - this.passagesByRegion.get(a.id)!.length));
  }

  /** The first `limit` passages whose id contains `piece`, in corpus order. */
  passagesWithIdContaining(piece: string, limit: number): Passage[] {
    return passagesWithIdContaining(this.corpus.articles, this.ids(), piece, limit);
  }

  /** The first `limit` articles whose lowercased "<id> <title>" contains `piece`, in corpus order. */
  articlesLabelled(piece: string, limit: number): Article[] {
    return this.labels()
      .containing(piece, limit)
      .map((i) => this.corpus.articles[i]!);
  }

  // Autocomplete's lists.
  private ids(): ArticleIds {
    return (this.articleIds ??= new ArticleIds(this.corpus.articles));
  }
  private labels(): JoinedTexts {
    return (this.articleLabels ??= new JoinedTexts(
      this.corpus.articles.map((a) => `${a.id} ${a.title}`.toLowerCase()),
      '\u0000',
    ));
  }

  /** Which figures use which words: /ask finds the figures about a question's words. */
  figureWords(): FigureWords {
    return (this.figureWordIndex ??= new FigureWords(this.corpus.stats, (id) => this.metric(id)));
  }

  /** Every name of the gazetteer, for spotting places, metrics and people inside a question. */
  entities(): EntityVocabulary {
    return (this.entityVocabulary ??= new EntityVocabulary(this.corpus.gazetteer));
  }

  /** The passages that quote or report someone. */
  attributed(): AttributedPassages {
    return (this.attributedPassages ??= new AttributedPassages(this.corpus.passages));
  }

  /**
   * Builds what the engine otherwise builds on first use (about a second at 250k
   * passages), so that no member's request pays for it. The bot calls it before it logs in.
   */
  prepare(): void {
    for (const names of [this.regions, this.metrics, this.people]) names.prepare();
    this.ids();
    this.labels();
    this.coveredRegions();
    this.figures.passages();
    this.figureWords();
    this.entities();
    this.attributed();
  }
}
