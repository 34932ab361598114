import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { fieldErrorsOf } from "./fieldErrors";

describe("fieldErrorsOf", () => {
  it("keys the envelope's details by field, joining two on one field", () => {
    const error = new ApiError(400, "VALIDATION_FAILED", "sku is required. (and 2 more problem(s), see details)", [
      { field: "sku", message: "sku is required." },
      { field: "items[0].quantity", message: "items[0].quantity must be between 1 and 100000." },
      { field: "sku", message: "sku must be at most 64 characters." },
    ]);
    expect(fieldErrorsOf(error)).toEqual({
      sku: "sku is required. sku must be at most 64 characters.",
      "items[0].quantity": "items[0].quantity must be between 1 and 100000.",
    });
  });

  it("is empty for errors without field details", () => {
    expect(fieldErrorsOf(new ApiError(0, "NETWORK", "The server could not be reached."))).toEqual({});
    expect(fieldErrorsOf(new Error("boom"))).toEqual({});
    expect(fieldErrorsOf(new ApiError(400, "X", "x", [{ message: "no field" }, "text"]))).toEqual({});
  });
});
