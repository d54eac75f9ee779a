/**
 * The usage chart's drawn marks: bars for totals, a line for interval readings. Only the main chart's
 * (`.usage-chart`): the brush's overview below it draws a line on every view, so a bare
 * `.recharts-line path.recharts-curve` finds the overview on a bar view and passes with no bar drawn.
 */
export const MAIN_CHART_MARKS =
  '.usage-chart .recharts-bar-rectangle path, .usage-chart .recharts-line path.recharts-curve';
