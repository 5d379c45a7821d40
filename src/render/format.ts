import type { Answer, AnswerItem, Citation, Comparison, Figure, Suggestion } from '../answers/answer.ts';
import { msg, type Locale, type Message } from '../messages/message.ts';
import { commandName, optionName, words } from '../messages/words.ts';

/** How emphasis, quotes and source lines are written: Discord markdown or plain text. */
export interface Style {
  strong(text: string): string;
  /** Any text of an answer (corpus text, or a query echoed back): shown as written, harmless. */
  verbatim(text: string): string;
  quote(excerpt: string): string;
  source(line: string): string;
  code(text: string): string;
  /** An aligned table, kept monospaced: a code block on Discord. */
  table(lines: string[]): string;
}

export interface Rendered {
  header: string;
  /** A comparison's aligned table, empty when the answer compares nothing. */
  table: string;
  /** One block per answer item (per citation, under a comparison's table); a figure's block holds its citation, so a cut never separates them. */
  blocks: string[];
  suggestions: string;
}

/** The value as the article writes its number; the qualifier and the change's basis in the locale's words. */
export function formatFigure(figure: Figure, locale: Locale): string {
  const { qualifier, written, unit, change } = figure;
  return words(locale, { key: 'figureValue', args: { qualifier, written, unit, change } });
}

export function figureHeading(figure: Figure, locale: Locale): string {
  const metric = { name: figure.metricName, zh: figure.metricZh };
  const region = { name: figure.regionName, zh: figure.regionZh };
  return words(locale, { key: 'figureHeading', args: { metric, region, period: figure.period } });
}

/** Title, outlet and paragraph as the article gives them; only the date is worded for the locale. */
export function sourceLine(citation: Citation, locale: Locale): string {
  const date = words(locale, { key: 'published', args: { date: citation.published } });
  return [citation.articleTitle, citation.outlet, date, `¶${citation.paragraph}`].join(', ');
}

/** A suggestion as typed in the locale's client: "/stat gdp region:jiangsu", the first option by its value alone. */
export function commandLine(suggestion: Suggestion, locale: Locale): string {
  const options = Object.entries(suggestion.options).map(([name, value], at) =>
    at === 0 ? value : `${optionName(locale, suggestion.command, name)}:${value}`,
  );
  return [`/${commandName(locale, suggestion.command)}`, ...options].join(' ');
}

export function render(answer: Answer, style: Style, locale: Locale): Rendered {
  const say = (message: Parameters<typeof words>[1]) => style.verbatim(words(locale, message));
  const header = [style.strong(say(answer.title)), ...answer.lead.map(say)].join('\n');
  const { table, blocks } = answer.comparison
    ? comparisonOf(answer, answer.comparison, style, locale)
    : { table: '', blocks: answer.items.map((item) => renderItem(item, style, locale)) };
  const list = answer.suggestions.map((s) => `${style.code(commandLine(s, locale))} (${say(s.label)})`).join(' · ');
  const suggestions = answer.suggestions.length
    ? words(locale, { key: answer.found ? 'seeAlso' : 'try', args: { list } })
    : '';
  return { header, table, blocks, suggestions };
}

/** Cells no wider than this: a table of five rows stays well within a Discord message. */
const CELL_MAX = 28;

/**
 * A comparison as one aligned table (a row per place or period; a missing one says so)
 * with, below it, each quote once, numbered: the table's Source column points at it.
 */
function comparisonOf(
  answer: Answer,
  comparison: Comparison,
  style: Style,
  locale: Locale,
): { table: string; blocks: string[] } {
  const say = (message: Message) => words(locale, message);
  const cited: { citation: Citation; rows: string[] }[] = [];
  const numberOf = (citation: Citation, row: string) => {
    let at = cited.findIndex((c) => c.citation.passage === citation.passage && c.citation.excerpt === citation.excerpt);
    if (at < 0) at = cited.push({ citation, rows: [] }) - 1;
    if (!cited[at]!.rows.includes(row)) cited[at]!.rows.push(row);
    return `[${at + 1}]`;
  };
  const ranked = comparison.rows.some((r) => r.rank !== undefined);
  const head = [
    comparison.by === 'place' ? say(msg('columnPlace')) : say(msg('columnAsked')),
    say(msg('columnValue')),
    say(msg('columnUnit')),
    say(msg('columnQualifier')),
    say(msg('columnPeriod')),
    say(msg('columnChange')),
    ...(ranked ? [say(msg('columnRank'))] : []),
    say(msg('columnSource')),
  ];
  const lines = comparison.rows.flatMap((row) => {
    const label = say(row.label);
    const rank = ranked ? [row.rank ? String(row.rank) : ''] : [];
    if (!row.figures.length) return [[label, say(msg('noFigureCell')), '', '', '', '', ...rank, '']];
    return row.figures.map((at, n) => {
      const item = answer.items[at]!;
      if (item.kind !== 'figure') return [];
      const { figure } = item;
      return [
        n === 0 ? label : '',
        figure.written,
        figure.unit,
        figure.qualifier ? say(msg('qualifierCell', { qualifier: figure.qualifier })) : '',
        figure.period ? say(msg('periodName', { period: figure.period })) : '',
        figure.change ? say(msg('changeCell', { change: figure.change })) : '',
        ...(n === 0 ? rank : ranked ? [''] : []),
        numberOf(item.citation, label),
      ];
    });
  });
  const table = style.table(aligned([head, ...lines], [1]));
  const blocks = cited.map(
    ({ citation, rows }, n) =>
      `${style.strong(style.verbatim(say(msg('citedFor', { n: n + 1, rows }))))}\n${citationLines(citation, style, locale)}`,
  );
  return { table, blocks };
}

/** Rows of cells padded to line up in a monospaced font (a Chinese character takes two columns); `right`: columns aligned right. */
function aligned(rows: string[][], right: number[]): string[] {
  const cells = rows.map((row) => row.map((cell) => clip(cell.replace(/\s+/g, ' ').trim(), CELL_MAX)));
  const widths = cells[0]!.map((_, col) => Math.max(...cells.map((row) => displayWidth(row[col] ?? ''))));
  return cells.map((row) =>
    row
      .map((cell, col) => {
        const pad = ' '.repeat(widths[col]! - displayWidth(cell));
        return right.includes(col) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

function clip(cell: string, max: number): string {
  return [...cell].length <= max ? cell : `${[...cell].slice(0, max - 1).join('')}…`;
}

/** Columns a string takes in a monospaced font: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch)
      ? 2
      : 1;
  return width;
}

function renderItem(item: AnswerItem, style: Style, locale: Locale): string {
  switch (item.kind) {
    case 'note':
      return style.verbatim(words(locale, item.text));
    case 'figure':
      return [
        `${style.strong(style.verbatim(figureHeading(item.figure, locale)))}${words(locale, { key: 'valueAfter', args: {} })}${style.verbatim(formatFigure(item.figure, locale))}`,
        citationLines(item.citation, style, locale),
      ].join('\n');
    case 'passage': {
      const heading = item.heading ? [style.strong(style.verbatim(words(locale, item.heading)))] : [];
      return [...heading, citationLines(item.citation, style, locale)].join('\n');
    }
  }
}

/** The excerpt stays verbatim in every locale: the articles are English, and a quote is not translated. */
function citationLines(citation: Citation, style: Style, locale: Locale): string {
  const excerpt = `${citation.partial && !/^\p{Lu}/u.test(citation.excerpt) ? '…' : ''}${citation.excerpt}`;
  const link = citation.url ? ` · ${citation.url}` : '';
  return `${style.quote(style.verbatim(excerpt))}\n${style.source(`— ${style.verbatim(sourceLine(citation, locale))} · ${style.code(citation.passage)}${link}`)}`;
}
