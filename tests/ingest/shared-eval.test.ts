import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { CORPUS_DIR } from '../support/corpus.ts';
import { SHARED_EVAL, f1, scoreSharedEval, sharedEvalPresent } from '../support/shared-eval.ts';

/**
 * The gate on the shared development set (../shared/eval: 24 articles written apart from
 * the extractor, 33 files with their scraped and copy-pasted variants), scored in process
 * by the rules of its score-ingest.mjs. Regions, speakers and refusals are held at the
 * issue's targets. Statistics meet their target (0.90) and are held at the last measured
 * F1 (0.945, rounded down), so a change cannot lose ground unnoticed.
 */
const TARGET = 0.9;
const STATISTICS_FLOOR = 0.94;

describe('the extractor on the shared development set (../shared/eval)', () => {
  it('ingests every file, finds the regions and the speakers, and does not lose ground on statistics', async () => {
    expect(sharedEvalPresent(), `the shared eval set must sit beside the checkout at ${SHARED_EVAL}`).toBe(true);
    const score = scoreSharedEval((await loadCorpus(CORPUS_DIR)).gazetteer);
    const mistakes = score.mistakes.join('\n');
    expect(score.failed, 'files refused').toEqual([]);
    expect(f1(score.regions), `regions F1\n${mistakes}`).toBeGreaterThanOrEqual(TARGET);
    expect(
      score.speakers.tp / (score.speakers.tp + score.speakers.fn),
      `speakers recall\n${mistakes}`,
    ).toBeGreaterThanOrEqual(TARGET);
    expect(f1(score.stats), `statistics F1\n${mistakes}`).toBeGreaterThanOrEqual(STATISTICS_FLOOR);
  }, 60_000);
});
