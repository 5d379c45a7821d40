import { describePeriod } from '../text/period.ts';
import type { IngestResult } from './ingest.ts';

/** What a person checks before committing an ingested article: one screen, plain text. */
export function reviewTable(result: IngestResult): string {
  const { article } = result;
  const lines: string[] = [];
  lines.push(`Article   ${article.id}`);
  lines.push(`Title     ${article.title}`);
  lines.push(`Outlet    ${article.outlet}, ${article.published}${article.url ? ` · ${article.url}` : ''}`);
  lines.push(
    `Source    ${article.source}${result.original ? ` (rendered from sources/${article.id}.${result.original.extension})` : ''}`,
  );
  // Every block left out, with its first words, so nothing of the article is lost unseen.
  lines.push(`Dropped   ${result.dropped.length ? `${result.dropped.length} block(s)` : 'nothing'}`);
  for (const d of result.dropped) lines.push(`  ${d.reason.padEnd(28)} “${clip(d.text, 70)}”`);
  lines.push('');
  lines.push(`Passages (${article.passages.length})`);
  for (const p of article.passages) {
    const who = [
      p.speaker ? `speaker ${p.speaker}` : '',
      p.people
        .filter((id) => id !== p.speaker)
        .map((id) => `mentions ${id}`)
        .join(', '),
    ]
      .filter(Boolean)
      .join('; ');
    lines.push(`  ¶${String(p.paragraph).padEnd(3)} ${clip(p.text, 90)}`);
    lines.push(`       regions: ${p.regions.join(', ') || '—'}${who ? ` · ${who}` : ''}`);
  }
  lines.push('');
  lines.push(`Statistics (${article.stats.length})`);
  const rows = article.stats.map((s) => [
    `¶${s.passage.split('#p')[1]}`,
    s.metric,
    `${s.qualifier ? `${s.qualifier} ` : ''}${s.written} ${s.unit}`,
    `${s.target ? 'target ' : ''}${s.period ? describePeriod(s.period) : '—'}${inferred(s, 'period')}`,
    `${s.region}${inferred(s, 'region')}`,
    s.change
      ? `${s.change.value > 0 ? '+' : ''}${s.change.value}${s.change.unit === '%' ? '%' : ` ${s.change.unit}`} ${s.change.basis}`
      : '',
  ]);
  const header = ['¶', 'metric', 'figure', 'period', 'region', 'change'];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const row = (cells: string[]) =>
    `  ${cells.map((c, i) => clip(c, widths[i]!).padEnd(widths[i]!)).join('  ')}`.trimEnd();
  lines.push(row(header));
  if (article.stats.some((s) => s.inferred?.length))
    lines.push('  (* inferred from the article, not read in the figure’s sentence: check first)');
  article.stats.forEach((s, i) => {
    lines.push(row(rows[i]!));
    lines.push(`      “${clip(s.quote, 110)}”`);
  });
  if (result.unfiled.length) {
    lines.push('');
    lines.push(`Figures not filed (${result.unfiled.length}): add them by hand or let them go`);
    for (const u of result.unfiled) lines.push(`  ${u.figure}: ${u.reason}`, `      “${clip(u.quote, 110)}”`);
  }
  if (result.newPeople.length || result.newMetrics.length) {
    lines.push('');
    lines.push('New in the gazetteer');
    for (const p of result.newPeople)
      lines.push(`  person  ${p.id}: ${p.name}, ${p.role}${p.region ? ` (${p.region})` : ''}`);
    for (const m of result.newMetrics)
      lines.push(`  metric  ${m.id}: ${m.name} (proposed: no gazetteer metric fits; add synonyms or merge it)`);
  }
  return lines.join('\n');
}

function inferred(stat: IngestResult['article']['stats'][number], field: 'period' | 'region'): string {
  return stat.inferred?.includes(field) ? '*' : '';
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
