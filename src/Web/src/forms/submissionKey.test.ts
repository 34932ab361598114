import { describe, expect, it } from "vitest";
import { SubmissionKey } from "./submissionKey";

describe("SubmissionKey", () => {
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it("reuses the key when the same submission is retried", () => {
    const keys = new SubmissionKey(counter());
    expect(keys.for('{"a":1}')).toBe("key-1");
    expect(keys.for('{"a":1}')).toBe("key-1");
  });

  it("makes a new key when the lines change, so the Api does not call it a conflict", () => {
    const keys = new SubmissionKey(counter());
    keys.for('{"a":1}');
    expect(keys.for('{"a":2}')).toBe("key-2");
  });

  it("makes a new key after a success, even for the same lines (a second, real delivery)", () => {
    const keys = new SubmissionKey(counter());
    keys.for('{"a":1}');
    keys.settle();
    expect(keys.for('{"a":1}')).toBe("key-2");
  });
});
