import { describe, expect, it } from "vitest";
import { linesOf, parseAreas, progressText, stageText, totalCounted, unfinishedAreas, type CountSession } from "./countSessions";

const line = (area: string, productId: string, quantity: number, shelfPosition = 0, countedAt = "2026-12-07T02:00:00Z") => ({
  area,
  productId,
  quantity,
  shelfPosition,
  volumeMl: null,
  countedBy: null,
  countedAt,
});

const session = (s: Partial<CountSession>): CountSession => ({
  id: "s",
  locationId: "l",
  name: "Monday count",
  snapshotAt: "2026-12-07T02:00:00Z",
  status: "open",
  areas: [
    { name: "Well", position: 1, finishedAt: null, finishedBy: null },
    { name: "Back bar", position: 0, finishedAt: "2026-12-07T02:30:00Z", finishedBy: null },
    { name: "Cellar", position: 2, finishedAt: null, finishedBy: null },
  ],
  lines: [],
  createdBy: null,
  createdAt: "2026-12-07T02:00:00Z",
  completedAt: null,
  completedBy: null,
  movementId: null,
  ...s,
});

describe("a count session's progress", () => {
  it("names the areas still being counted in shelf order", () => {
    expect(unfinishedAreas(session({}))).toEqual(["Well", "Cellar"]);
    expect(progressText(session({ lines: [line("Back bar", "gin", 2.5)] }))).toBe("1 product counted; still counting Well, Cellar.");
  });

  it("sums a product over its areas, exactly", () => {
    const s = session({ lines: [line("Back bar", "gin", 2.1), line("Well", "gin", 0.2), line("Well", "rum", 1)] });
    expect(totalCounted(s, "gin")).toBe(2.3);
    expect(linesOf(s, "Well").map((l) => l.productId)).toEqual(["gin", "rum"]);
  });

  it("says when it is ready, done or cancelled", () => {
    const finished = session({}).areas.map((a) => ({ ...a, finishedAt: "2026-12-07T03:00:00Z" }));
    expect(progressText(session({ areas: finished }))).toBe("Every area finished, 0 products counted: ready to complete.");
    expect(progressText(session({ status: "completed", lines: [line("Well", "gin", 1), line("Cellar", "rum", 1)] }))).toBe("Completed: 2 products counted.");
    expect(progressText(session({ status: "cancelled" }))).toBe("Cancelled: nothing was recorded.");
  });

  it("tells the list how far a session is without its lines", () => {
    expect(stageText(session({}))).toBe("1 of 3 areas finished");
    expect(stageText(session({ status: "cancelled" }))).toBe("Cancelled");
  });

  it("reads areas typed one per line or with commas, each once", () => {
    expect(parseAreas("Back bar, Well\n well \n\nCellar")).toEqual(["Back bar", "Well", "Cellar"]);
    expect(parseAreas(" ")).toEqual([]);
  });
});
