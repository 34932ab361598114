import { describe, expect, it } from "vitest";
import { reportLink } from "./links";

describe("reportLink", () => {
  it("opens the reports section on that report, as the alert mail's link does", () => {
    expect(reportLink("0b7e2d4c-51a5-4f7e-9a43-2f1d1a0c9e11")).toBe("/compliance?section=reports&report=0b7e2d4c-51a5-4f7e-9a43-2f1d1a0c9e11");
  });
});
