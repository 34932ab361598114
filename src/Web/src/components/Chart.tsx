import { useEffect, useRef, useState } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import "./Chart.css";

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  stroke: string;
  dash?: number[];
  width?: number;
  points?: boolean;
}

export interface ChartProps {
  /** One sentence of what the chart shows and its headline figures: its accessible name. */
  summary: string;
  /** Caption of the table that carries the same figures for screen readers. */
  caption: string;
  /** Business dates as seconds at midnight UTC (see analytics/businessDay chartTime). */
  x: number[];
  series: ChartSeries[];
  /** Indexes in `series` of an upper and a lower bound to shade between. */
  band?: [number, number];
  format: (value: number) => string;
  axisFormat?: (value: number) => string;
  height?: number;
}

const dateOf = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * A time-series chart drawn by uPlot, which is downloaded only when a chart is first shown. The canvas
 * is hidden from assistive technology; the summary and a visually hidden table say the same.
 */
export default function Chart({ summary, caption, x, series, band, format, axisFormat = format, height = 220 }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let plot: uPlot | null = null;
    let gone = false;
    const resize = new ResizeObserver(() => plot?.setSize({ width: element.clientWidth, height }));
    import("uplot")
      .then(({ default: UPlot }) => {
        if (gone) return;
        const options: uPlot.Options = {
          width: element.clientWidth || 320,
          height,
          // The x values are business dates at midnight UTC: read them in UTC so no day shifts by the browser's zone.
          tzDate: (seconds) => UPlot.tzDate(new Date(seconds * 1000), "Etc/UTC"),
          scales: { x: { time: true } },
          cursor: { drag: { x: false, y: false } },
          series: [
            { label: "Date", value: (_, seconds) => (seconds == null ? "—" : dateOf(seconds)) },
            ...series.map((s) => ({
              label: s.label,
              stroke: s.stroke,
              width: s.width ?? 2,
              dash: s.dash,
              points: { show: s.points ?? false },
              value: (_: uPlot, v: number | null) => (v == null ? "—" : format(v)),
            })),
          ],
          axes: [{}, { size: 64, values: (_, splits) => splits.map((v) => axisFormat(v)) }],
          bands: band ? [{ series: [band[0] + 1, band[1] + 1], fill: "rgba(31, 58, 95, 0.15)" }] : undefined,
        };
        plot = new UPlot(options, [x, ...series.map((s) => s.values)] as uPlot.AlignedData, element);
        resize.observe(element);
      })
      .catch(() => setFailed(true));
    return () => {
      gone = true;
      resize.disconnect();
      plot?.destroy();
    };
  }, [x, series, band, format, axisFormat, height]);

  return (
    <figure className="chart" role="group" aria-label={summary}>
      <div ref={box} className="chart-plot" aria-hidden="true" />
      {failed && <p className="muted">The chart could not be drawn; the figures are in the table.</p>}
      <table className={failed ? undefined : "visually-hidden"}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {series.map((s) => (
              <th scope="col" key={s.label} className="num">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {x.map((seconds, row) => (
            <tr key={seconds}>
              <th scope="row">{dateOf(seconds)}</th>
              {series.map((s) => (
                <td key={s.label} className="num">
                  {s.values[row] == null ? "—" : format(s.values[row]!)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
