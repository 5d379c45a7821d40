import type { Chart, ChartPoint } from './chart.ts';

/** The family the subset fonts carry (src/app/chart-font.ts); the rasteriser is given no other. */
export const FONT_FAMILY = 'Noto Sans SC';

export const WIDTH = 800;
const PAD = 24;
const TITLE_SIZE = 22;
const TEXT_SIZE = 14;
const SMALL_SIZE = 12;
const INK = '#1f2328';
const MUTED = '#59636e';
const GRID = '#d1d9e0';
const BAR = '#3f6fb5';
const LINE = '#c2452d';

/**
 * A chart as an SVG document: a fixed layout, so nothing is measured but the labels,
 * which are estimated (a Han character one em, a Latin one a little over half) and cut
 * to their column. Every text is escaped: labels come from the corpus.
 */
export function chartSvg(chart: Chart): string {
  const top = chart.subtitle ? 84 : 64;
  const { body, height } = chart.kind === 'bars' ? bars(chart.points, top) : line(chart.points, top);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(PAD, 40, fit(chart.title, WIDTH - 2 * PAD, TITLE_SIZE), { size: TITLE_SIZE }),
    ...(chart.subtitle ? [text(PAD, 64, chart.subtitle, { size: SMALL_SIZE, fill: MUTED })] : []),
    body,
    text(PAD, height - 16, fit(chart.source, WIDTH - 2 * PAD, SMALL_SIZE), { size: SMALL_SIZE, fill: MUTED }),
    '</svg>',
  ];
  return parts.join('\n');
}

const ROW = 34;
const BAR_HEIGHT = 22;
const LABEL_WIDTH = 210;
const VALUE_WIDTH = 180;

/** Horizontal bars, a label to the left of each and its number as written to the right. */
function bars(points: readonly ChartPoint[], top: number): { body: string; height: number } {
  const x0 = PAD + LABEL_WIDTH + 10;
  const room = WIDTH - PAD - VALUE_WIDTH - 10 - x0;
  const { scale, zero } = domain(
    points.map((p) => p.value),
    x0,
    x0 + room,
  );
  const height = top + points.length * ROW + 56;
  const rows = points.map((p, at) => {
    const y = top + at * ROW + (ROW - BAR_HEIGHT) / 2;
    const end = scale(p.value);
    const [from, to] = end >= zero ? [zero, end] : [end, zero];
    return [
      text(PAD + LABEL_WIDTH, y + BAR_HEIGHT / 2 + 5, fit(p.label, LABEL_WIDTH, TEXT_SIZE), { anchor: 'end' }),
      `<rect x="${n(from)}" y="${n(y)}" width="${n(Math.max(to - from, 1))}" height="${BAR_HEIGHT}" fill="${BAR}"/>`,
      text(Math.max(zero, end) + 8, y + BAR_HEIGHT / 2 + 5, fit(p.written, VALUE_WIDTH, TEXT_SIZE), { fill: INK }),
    ].join('\n');
  });
  const axis = `<line x1="${n(zero)}" y1="${top - 4}" x2="${n(zero)}" y2="${top + points.length * ROW + 4}" stroke="${GRID}"/>`;
  return { body: [axis, ...rows].join('\n'), height };
}

const LINE_HEIGHT = 420;

/** One place through time: the periods evenly spaced, oldest first, each point with its number. */
function line(points: readonly ChartPoint[], top: number): { body: string; height: number } {
  const left = PAD + 40;
  const right = WIDTH - PAD - 40;
  const plotTop = top + 30;
  const plotBottom = LINE_HEIGHT - 90;
  // Upwards on the page is a smaller y: the domain is given bottom to top.
  const { scale, zero } = domain(
    points.map((p) => p.value),
    plotBottom,
    plotTop,
  );
  const step = points.length > 1 ? (right - left) / (points.length - 1) : 0;
  const xy = points.map((p, at) => [left + at * step, scale(p.value)] as const);
  const column = Math.max(step - 8, 60);
  return {
    height: LINE_HEIGHT,
    body: [
      `<line x1="${left - 10}" y1="${n(zero)}" x2="${right + 10}" y2="${n(zero)}" stroke="${GRID}"/>`,
      `<polyline points="${xy.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${LINE}" stroke-width="3"/>`,
      ...xy.map(([x, y]) => `<circle cx="${n(x)}" cy="${n(y)}" r="5" fill="${LINE}"/>`),
      ...points.map((p, at) =>
        text(xy[at]![0], xy[at]![1] - 12, fit(p.written, column, TEXT_SIZE), { anchor: 'middle' }),
      ),
      ...points.map((p, at) =>
        text(xy[at]![0], plotBottom + 30, fit(p.label, column, TEXT_SIZE), { anchor: 'middle', fill: MUTED }),
      ),
    ].join('\n'),
  };
}

/** A linear scale that always includes zero, so bar lengths and heights compare honestly. */
function domain(values: readonly number[], from: number, to: number) {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || 1;
  const scale = (v: number) => from + ((v - low) / span) * (to - from);
  return { scale, zero: scale(0) };
}

function text(
  x: number,
  y: number,
  content: string,
  style: { size?: number; fill?: string; anchor?: 'start' | 'middle' | 'end' } = {},
): string {
  const attrs = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    `font-size="${style.size ?? TEXT_SIZE}"`,
    `fill="${style.fill ?? INK}"`,
    ...(style.anchor && style.anchor !== 'start' ? [`text-anchor="${style.anchor}"`] : []),
  ];
  return `<text ${attrs.join(' ')}>${escapeXml(content)}</text>`;
}

/** Text as XML character data or an attribute value: nothing in it can open a tag or end a string. */
export function escapeXml(text: string): string {
  return (
    text
      .toWellFormed()
      // Characters XML 1.0 does not allow at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
  );
}

/** Roughly how wide a text sets: full-width characters one em, others a little over half. */
export function estimateWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text)
    ems +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u.test(
        ch,
      )
        ? 1
        : 0.58;
  return ems * size;
}

/** The text, cut with an ellipsis to fit `width` pixels at `size`. */
function fit(content: string, width: number, size: number): string {
  if (estimateWidth(content, size) <= width) return content;
  const chars = [...content];
  while (chars.length > 1 && estimateWidth(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Coordinates to two decimals: shorter SVG, the same picture. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
