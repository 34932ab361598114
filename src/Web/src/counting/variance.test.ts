import { describe, expect, it } from "vitest";
import { parseCount, signed, step } from "./variance";

describe("count arithmetic", () => {
  it("writes a variance with its sign", () => {
    expect([signed(2), signed(-3), signed(0)]).toEqual(["+2", "−3", "0"]);
  });

  it("reads a typed count as whole bottles from 0 to 100000", () => {
    expect(["10", " 0 ", "100000"].map(parseCount)).toEqual([10, 0, 100_000]);
    expect(["", "-1", "2.5", "100001", "ten"].map(parseCount)).toEqual([null, null, null, null, null]);
  });

  it("keeps the steppers within what can be counted", () => {
    expect([step(12, -1), step(3, -6), step(99_998, 6)]).toEqual([11, 0, 100_000]);
  });
});
