import { describe, expect, it } from "vitest";
import type { InventoryItem } from "../api/types";
import { matchesEveryWord, searchOffline } from "./search";

const item = (name: string, sku: string) => ({ id: sku, name, sku, quantity: 1 }) as InventoryItem;
const shelf = [item("Hendrick's Gin", "GIN-1"), item("Tanqueray Gin", "GIN-2"), item("Tito's Handmade Vodka", "VOD-1")];

describe("offline search", () => {
  it("matches every word in the name or the SKU, ignoring case", () => {
    expect(matchesEveryWord(shelf[0], "hendrick")).toBe(true);
    expect(matchesEveryWord(shelf[0], "GIN hend")).toBe(true);
    expect(matchesEveryWord(shelf[2], "vod-1")).toBe(true);
    expect(matchesEveryWord(shelf[2], "tito gin")).toBe(false);
    expect(matchesEveryWord(shelf[1], "  ")).toBe(true);
  });

  it("answers like the Api: the first results and how many matched", () => {
    const answer = searchOffline(shelf, "gin", 1);
    expect(answer.items.map((i) => i.name)).toEqual(["Hendrick's Gin"]);
    expect(answer.pagination).toEqual({ page: 1, limit: 1, total: 2, pages: 2 });
  });
});
