import type { DemandForecast } from "../api/analytics";
import { chartTime } from "./businessDay";

/** The forecast as the chart's columns: x in seconds, the most likely demand, and the band's two edges. */
export function forecastSeries(answer: DemandForecast): { x: number[]; predicted: number[]; lower: number[]; upper: number[] } {
  return {
    x: answer.forecast.map((d) => chartTime(d.date)),
    predicted: answer.forecast.map((d) => d.predictedDemand),
    lower: answer.forecast.map((d) => d.lowerBound),
    upper: answer.forecast.map((d) => d.upperBound),
  };
}

/** How the forecast was made, in words: the Api names a fallback ("fallback: <reason>") and never hides it. */
export function describeMethod(method: string): { fallback: boolean; text: string } {
  const match = /^fallback:\s*(.*)$/i.exec(method.trim());
  if (match) return { fallback: true, text: `Fallback estimate${match[1] ? `: ${match[1]}` : ""}` };
  if (method === "model") return { fallback: false, text: "Demand model trained on your sales history" };
  return { fallback: false, text: method };
}

/** One line on what the shaded band means, at the confidence the Api states (0.8 = 8 weeks in 10). */
export function bandMeaning(confidence: number | undefined): string {
  const share = Math.round((confidence ?? 0.8) * 100);
  return `The shaded band is where demand should fall in ${share} % of weeks; the line is the most likely figure.`;
}

/** The sum of the most likely demand over the forecast, in bottles, for the chart's summary. */
export function totalDemand(answer: DemandForecast): number {
  return Math.round(answer.forecast.reduce((sum, d) => sum + d.predictedDemand, 0) * 10) / 10;
}
