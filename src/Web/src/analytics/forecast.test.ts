import { describe, expect, it } from "vitest";
import type { DemandForecast } from "../api/analytics";
import { bandMeaning, describeMethod, forecastSeries, totalDemand } from "./forecast";

const answer: DemandForecast = {
  productId: "gin",
  locationId: "bar",
  forecast: [
    { date: "2026-11-26", predictedDemand: 1.25, confidence: 0.8, lowerBound: 0.5, upperBound: 2 },
    { date: "2026-11-27", predictedDemand: 1.25, confidence: 0.8, lowerBound: 0.5, upperBound: 2.5 },
  ],
  recommendedOrderQuantity: 12,
  recommendedOrderDate: "2026-11-30",
  method: "fallback: too little history",
  modelTrainedAt: null,
  onHand: 9,
  reorderPoint: 6,
  orderUpTo: 18,
  safetyStock: 2,
  leadTimeDays: 3,
  reviewDays: 7,
  casePack: 6,
};

describe("forecastSeries", () => {
  it("gives the point and both bounds per day", () => {
    expect(forecastSeries(answer)).toEqual({
      x: [Date.UTC(2026, 10, 26) / 1000, Date.UTC(2026, 10, 27) / 1000],
      predicted: [1.25, 1.25],
      lower: [0.5, 0.5],
      upper: [2, 2.5],
    });
  });
});

describe("describeMethod", () => {
  it("names a fallback and its reason", () => {
    expect(describeMethod("fallback: too little history")).toEqual({ fallback: true, text: "Fallback estimate: too little history" });
  });

  it("says when the organisation's model made it", () => {
    expect(describeMethod("model")).toEqual({ fallback: false, text: "Demand model trained on your sales history" });
  });
});

describe("bandMeaning", () => {
  it("states the Api's confidence", () => {
    expect(bandMeaning(0.8)).toBe("The shaded band is where demand should fall in 80 % of weeks; the line is the most likely figure.");
  });
});

describe("totalDemand", () => {
  it("adds up the most likely demand", () => {
    expect(totalDemand(answer)).toBe(2.5);
  });
});
