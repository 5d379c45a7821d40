/**
 * Targets, plans and goals are not outcomes: "aims for growth of about 5 percent" does not
 * say how fast it grew. A figure stated as an aim answers only a question that asks for one.
 * Case-blind by flag, not by lowercasing: every candidate figure's quote is tested, per question.
 */
const AIM_IN_TEXT =
  /\b(targets?|targeted|aims?(ed)? (to|for|at)|goals?|set (itself|a target|the target)|strives? (to|for)|plans? to|planned|seeks? to)\b|目标|计划/i;
const AIM_ASKED =
  /\b(targets?|goals?|aims?|aiming|plans?|planned|planning|intends?|set to|going to|will|expected|forecast|projected)\b|目标|计划|预计/i;

/** The text states a target or plan rather than what happened. */
export function speaksOfAim(text: string): boolean {
  return AIM_IN_TEXT.test(text);
}

/** The question asks for a target, plan or expectation. */
export function asksForAim(text: string): boolean {
  return AIM_ASKED.test(text);
}
