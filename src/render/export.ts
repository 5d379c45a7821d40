import type { Answer } from '../answers/answer.ts';
import { signed } from '../messages/en.ts';

/** The formats an answer's figures can also be had in, as a file. */
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The columns of an export, in order: a figure, what it is of, and where it was read. */
export const EXPORT_COLUMNS = [
  'value',
  'written',
  'unit',
  'qualifier',
  'period',
  'region',
  'change',
  'quote',
  'article',
  'outlet',
  'date',
  'paragraph',
  'url',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number>;

/**
 * One row per figure the answer lists, in its order, each with its quote and source. The
 * same in every locale: a spreadsheet's columns should not change with the reader's language.
 */
export function exportRows(answer: Answer): ExportRow[] {
  return answer.items.flatMap((item) => {
    if (item.kind !== 'figure') return [];
    const { figure, citation } = item;
    return [
      {
        value: figure.value,
        written: figure.written,
        unit: figure.unit,
        qualifier: figure.qualifier ?? '',
        period: figure.period ?? '',
        region: figure.regionName,
        change: figure.change ? `${signed(figure.change)} ${figure.change.basis}`.trim() : '',
        quote: citation.excerpt,
        article: citation.article,
        outlet: citation.outlet,
        date: citation.published,
        paragraph: citation.paragraph,
        url: citation.url ?? '',
      },
    ];
  });
}

/** The rows as RFC 4180 CSV: a header line, CRLF line ends, a field quoted when it holds a comma, quote or line break. */
export function toCsv(answer: Answer): string {
  const lines = [
    EXPORT_COLUMNS.join(','),
    ...exportRows(answer).map((row) => EXPORT_COLUMNS.map((c) => csvField(row[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula: such a text gets a leading ' so it is shown as written. A number is a number.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The file attached for `format:csv` or `format:json`: its name and text. */
export function exportFile(answer: Answer, format: ExportFormat, name: string): { name: string; data: string } {
  if (format === 'csv') {
    // A byte order mark, so that a spreadsheet opens the file as UTF-8 (quotes hold Chinese).
    return { name: `${name}.csv`, data: `\uFEFF${toCsv(answer)}` };
  }
  return { name: `${name}.json`, data: `${JSON.stringify(exportRows(answer), null, 2)}\n` };
}
