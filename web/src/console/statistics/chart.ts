/**
 * A figure drawn with Apache ECharts: only the parts used here are loaded (bars, grid, legend,
 * tooltip), drawn as SVG so that a chart stays sharp when printed or zoomed. `chartOption`
 * is the whole of what is drawn, and is tested on its own.
 */
import type { Figure } from './figures';

/** Colours told apart by colour-blind readers and in greyscale, the console's red first. */
export const PALETTE = ['#b3261e', '#1a4f8b', '#c77700', '#2e7d32', '#6a4c93', '#5f6b7a', '#00838f'];

/** A type, not an interface: ECharts takes it as its own option type (a record). */
export type ChartOption = {
  color: string[];
  /** Off: ECharts' own description reads its internal arrays aloud; the table under the chart is the text. */
  aria: { enabled: false };
  animation: boolean;
  tooltip: { trigger: 'axis'; axisPointer: { type: 'shadow' } };
  legend: { show: boolean; top: number; type: 'scroll' };
  grid: { left: number; right: number; top: number; bottom: number; containLabel: true };
  xAxis: { type: 'category'; data: string[]; axisLabel: { interval: 0; rotate: number } };
  yAxis: { type: 'value'; minInterval: 1 };
  series: Array<{ type: 'bar'; name: string; data: number[]; stack?: string; barMaxWidth: number }>;
};

/** Upright category labels fit under a card's chart while they hold this many characters together. */
const UPRIGHT_LABEL_CHARACTERS = 32;

/** Whether the category labels are slanted: every label is shown, and upright they would overlap. */
export function slanted(categories: readonly string[]): boolean {
  return categories.length > 8 || categories.join('').length > UPRIGHT_LABEL_CHARACTERS;
}

export function chartOption(figure: Figure): ChartOption {
  const many = figure.series.length > 1;
  return {
    color: PALETTE,
    aria: { enabled: false },
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { show: many, top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: many ? 40 : 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: figure.categories, axisLabel: { interval: 0, rotate: slanted(figure.categories) ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: figure.series.map((series) => ({
      type: 'bar',
      name: series.name,
      data: series.values,
      ...(figure.kind === 'stacked' ? { stack: 'total' } : {}),
      barMaxWidth: 36,
    })),
  };
}

export interface DrawnChart {
  update: (figure: Figure) => void;
  dispose: () => void;
}

/** Draws the figure into `host` and follows the host's size. */
export async function drawChart(host: HTMLElement, figure: Figure): Promise<DrawnChart> {
  const [core, charts, components, renderers] = await Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]);
  core.use([
    charts.BarChart,
    components.GridComponent,
    components.LegendComponent,
    components.TooltipComponent,
    renderers.SVGRenderer,
  ]);
  const chart = core.init(host, undefined, { renderer: 'svg', locale: 'ZH' });
  chart.setOption(chartOption(figure));
  const resized = new ResizeObserver(() => chart.resize());
  resized.observe(host);
  return {
    update: (next) => chart.setOption(chartOption(next), { notMerge: true }),
    dispose: () => {
      resized.disconnect();
      chart.dispose();
    },
  };
}
