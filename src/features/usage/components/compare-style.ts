/**
 * Each compared meter's line: a colour (the chart palette, Okabe-Ito) and a dash, so lines differ in more
 * than colour. Its own module: the table's swatches use it without loading recharts with the chart.
 */
export const COLOURS = ['--series-1', '--series-2', '--series-3', '--series-4', '--series-5', '--series-6'];
/** With six colours and four dashes, no two of eight lines look alike. */
const DASHES = ['', '6 3', '2 3', '10 3 2 3'];

export function lineStyle(index: number): { colour: string; dash: string } {
  return { colour: COLOURS[index % COLOURS.length] ?? '--text', dash: DASHES[index % DASHES.length] ?? '' };
}
