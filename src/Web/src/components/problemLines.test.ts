import { describe, expect, it } from "vitest";
import { describeError } from "../api/client";
import { problemLines } from "./problemLines";

const envelope = (details: { field: string; message: string }[], message: string) => ({ success: false, error: { code: "VALIDATION_FAILED", message, details } });

describe("problem lines of a refused form", () => {
  it("lists each broken password rule once, as the Api named them", () => {
    const details = [
      { field: "password", message: "password must have at least 12 characters." },
      { field: "password", message: "password needs an upper-case letter." },
      { field: "password", message: "password is on a list of common passwords." },
    ];
    const message = describeError(400, envelope(details, "password must have at least 12 characters. (and 2 more problem(s), see details)"));
    expect(problemLines(message)).toEqual(details.map((d) => d.message));
  });

  it("gives a single refusal once", () => {
    const details = [{ field: "isActive", message: "You cannot deactivate yourself; another admin can." }];
    expect(problemLines(describeError(400, envelope(details, details[0].message)))).toEqual(["You cannot deactivate yourself; another admin can."]);
  });

  it("keeps dots inside addresses and event names", () => {
    expect(problemLines("url must reach a public address; 10.0.0.1 is private, loopback or does not resolve.")).toHaveLength(1);
    expect(problemLines("'x' is not an event; use sale.created, alert.lowStock.")).toHaveLength(1);
  });
});
