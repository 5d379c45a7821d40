import type { Answer, AnswerItem, Citation, Figure } from '../answers/answer.ts';
import { describePeriod } from '../text/period.ts';

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

export function formatFigure(figure: Figure): string {
  const unit = figure.unit.startsWith('%') ? figure.unit : ` ${figure.unit}`;
  const value = `${figure.qualifier ? `${figure.qualifier} ` : ''}${figure.written}${unit}`;
  const change = figure.change ? `, ${figure.change.value >= 0 ? '+' : '−'}${figure.change.written.replace(/^[-+−]/, '')} ${figure.change.basis}` : '';
  return `${value}${change}`;
}

export function figureHeading(figure: Figure): string {
  return [figure.metricName, figure.regionName, ...(figure.period ? [describePeriod(figure.period)] : [])].join(' · ');
}

export function sourceLine(citation: Citation): string {
  const parts = [citation.articleTitle, citation.outlet, describePeriod(citation.published), `¶${citation.paragraph}`];
  return parts.join(', ');
}

export function render(answer: Answer, style: Style): Rendered {
  const header = [style.strong(style.verbatim(answer.title)), ...answer.lead.map((l) => style.verbatim(l))].join('\n');
  const blocks = answer.items.map((item) => renderItem(item, style));
  const suggestions = answer.suggestions.length
    ? `${answer.found ? 'See also' : 'Try'}: ${answer.suggestions.map((s) => `${style.code(s.command)} (${style.verbatim(s.label)})`).join(' · ')}`
    : '';
  return { header, blocks, suggestions };
}

function renderItem(item: AnswerItem, style: Style): string {
  switch (item.kind) {
    case 'note':
      return style.verbatim(item.text);
    case 'figure':
      return [
        `${style.strong(style.verbatim(figureHeading(item.figure)))}: ${style.verbatim(formatFigure(item.figure))}`,
        citationLines(item.citation, style),
      ].join('\n');
    case 'passage':
      return [...(item.heading ? [style.strong(style.verbatim(item.heading))] : []), citationLines(item.citation, style)].join('\n');
  }
}

function citationLines(citation: Citation, style: Style): string {
  const excerpt = `${citation.partial && !/^\p{Lu}/u.test(citation.excerpt) ? '…' : ''}${citation.excerpt}`;
  const link = citation.url ? ` · ${citation.url}` : '';
  return `${style.quote(style.verbatim(excerpt))}\n${style.source(`— ${style.verbatim(sourceLine(citation))} · ${style.code(citation.passage)}${link}`)}`;
}
