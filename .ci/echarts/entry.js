// The parts of ECharts that internal/chart's options use, and no others:
// .ci/vendor-echarts bundles this file into the theme's echarts.min.js.
// A chart that needs another series type or component adds it here.
import { use, init, getInstanceByDom } from "echarts/core";
import { BarChart, HeatmapChart, LineChart, ScatterChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from "echarts/components";
import { LabelLayout } from "echarts/features";
import { CanvasRenderer } from "echarts/renderers";

use([
  BarChart, HeatmapChart, LineChart, ScatterChart,
  AriaComponent, GridComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, VisualMapContinuousComponent,
  LabelLayout, CanvasRenderer,
]);

// What charts.js (init) and the browser tests (getInstanceByDom) call.
export { init, getInstanceByDom };
