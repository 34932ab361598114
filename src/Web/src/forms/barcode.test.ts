import { describe, expect, it } from "vitest";
import { barcodeProblem } from "./barcode";

describe("barcodeProblem", () => {
  it("accepts the same code in its UPC-A, EAN-13 and GTIN-14 forms, and 11-digit UPCs", () => {
    for (const code of ["619947000020", "0619947000020", "00619947000020", "083664868780", "83664868780", " 619947000020 "]) {
      expect(barcodeProblem(code)).toBeNull();
    }
  });

  it("names the failed check as the Api does", () => {
    expect(barcodeProblem("")).toBe("Barcode is empty.");
    expect(barcodeProblem("61994-000020")).toBe("Barcode must be digits only (found '-' at position 6).");
    expect(barcodeProblem("12345")).toBe("Barcode has 5 digits; it must have 8, 11, 12, 13 or 14.");
    expect(barcodeProblem("619947000021")).toBe("The barcode's check digit is 1 but should be 0; check for a mistyped digit.");
  });
});
