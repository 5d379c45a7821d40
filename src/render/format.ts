import type { Answer, AnswerItem, Citation, Figure, Suggestion } from '../answers/answer.ts';
import type { Locale } from '../messages/message.ts';
import { commandName, optionName, words } from '../messages/words.ts';

/** How emphasis, quotes and source lines are written: Discord markdown or plain text. */
export interface Style {
  strong(text: string): string;
  /** Any text of an answer (corpus text, or a query echoed back): shown as written, harmless. */
  verbatim(text: string): string;
  quote(excerpt: string): string;
  source(line: string): string;
  code(text: string): string;
}

export interface Rendered {
  header: string;
  /** One block per answer item; a figure's block holds its citation, so a cut never separates them. */
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
  const blocks = answer.items.map((item) => renderItem(item, style, locale));
  const list = answer.suggestions.map((s) => `${style.code(commandLine(s, locale))} (${say(s.label)})`).join(' · ');
  const suggestions = answer.suggestions.length
    ? words(locale, { key: answer.found ? 'seeAlso' : 'try', args: { list } })
    : '';
  return { header, blocks, suggestions };
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
