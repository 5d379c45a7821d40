import { notFound, type Answer } from './answer.ts';
import { msg } from '../messages/message.ts';

/** Questions that ask the same thing, as the feedback store groups them (src/feedback/store.ts). */
export interface GapShown {
  question: string;
  count: number;
  refused: number;
  disliked: number;
  /** ISO time. */
  last: string;
  citations: readonly string[];
}

export type GapsShown = { on: true; gaps: readonly GapShown[] } | { on: false; reason: string };

/** /gaps: the most asked questions the articles did not answer, so moderators know which articles to add. */
export function gapsAnswer(report: GapsShown, days: number): Answer {
  const title = msg('gapsTitle', { days });
  if (!report.on) return { ...notFound(title, [msg('gapsOff', { reason: report.reason })]), private: true };
  if (report.gaps.length === 0) return { ...notFound(title, [msg('gapsNone', { days })]), private: true };
  return {
    found: true,
    title,
    lead: [msg('gapsLead')],
    items: report.gaps.flatMap((g) => [
      { kind: 'note' as const, text: msg('gapLine', g) },
      ...(g.disliked && g.citations.length
        ? [{ kind: 'note' as const, text: msg('gapCited', { passages: g.citations }) }]
        : []),
    ]),
    suggestions: [],
    // Questions asked with hide:true were for their asker's eyes: the report is too.
    private: true,
  };
}
