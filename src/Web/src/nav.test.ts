import { describe, expect, it } from "vitest";
import { canOpen, screensFor } from "./nav";

describe("screens by role", () => {
  it("gives staff the floor screens and none of the admin ones", () => {
    const titles = screensFor("staff").map((s) => s.title);
    expect(titles).toEqual(["Dashboard", "Inventory", "Count", "Count sessions", "Transactions", "Products", "Suppliers", "Locations", "Notifications"]);
    expect(canOpen("staff", "/integrations")).toBe(false);
    expect(canOpen("staff", "/users")).toBe(false);
  });

  it("lets managers see compliance and forecasts but not integrations", () => {
    expect(canOpen("manager", "/compliance")).toBe(true);
    expect(canOpen("manager", "/forecasts")).toBe(true);
    expect(canOpen("manager", "/integrations")).toBe(false);
  });

  it("opens everything to admins and nothing to nobody", () => {
    expect(screensFor("admin")).toHaveLength(18);
    expect(screensFor(undefined)).toEqual([]);
    expect(canOpen("admin", "/no-such-screen")).toBe(false);
  });
});
