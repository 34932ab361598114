import { describe, expect, it } from "vitest";
import { describeError, withQuery } from "./client";

describe("describeError", () => {
  it("uses the envelope's message", () => {
    const body = { success: false, error: { code: "INVALID_CREDENTIALS", message: "Email or password is wrong." } };
    expect(describeError(401, body)).toBe("Email or password is wrong.");
  });

  it("falls back to plain words for a known code without a message", () => {
    expect(describeError(429, { success: false, error: { code: "RATE_LIMITED" } })).toBe(
      "Too many attempts. Wait a minute and try again.",
    );
  });

  it("names the fields in the details", () => {
    const body = { success: false, error: { code: "VALIDATION_FAILED", message: "The request is not valid.", details: { email: ["is required"] } } };
    expect(describeError(400, body)).toBe("The request is not valid. email: is required");
  });

  it("explains an answer without an envelope", () => {
    expect(describeError(502, "<html>")).toBe("The server could not be reached. Try again shortly.");
    expect(describeError(404, null)).toBe("The request failed (HTTP 404).");
  });
});

describe("withQuery", () => {
  it("leaves out empty values and encodes the rest", () => {
    expect(withQuery("/api/v1/inventory/items", { locationId: "loc 1", q: "", category: undefined, page: 2, lowStock: true })).toBe(
      "/api/v1/inventory/items?locationId=loc+1&page=2&lowStock=true",
    );
    expect(withQuery("/api/v1/locations", {})).toBe("/api/v1/locations");
  });
});

describe("describeError with several problems", () => {
  it("says each problem once, without the Api's count of the others", () => {
    const body = {
      success: false,
      error: {
        code: "VALIDATION_FAILED",
        message: "sku is required. (and 1 more problem(s), see details)",
        details: [
          { field: "sku", message: "sku is required." },
          { field: "price", message: "price must be 0 or more." },
        ],
      },
    };
    expect(describeError(400, body)).toBe("sku is required. price must be 0 or more.");
  });
});
