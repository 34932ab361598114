import { describe, expect, it } from "vitest";
import { barcodeProblem, looksLikeBarcode } from "./barcode";

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

describe("what is looked up as a barcode", () => {
  it("takes retail codes and the GS1 carriers, and leaves words to the search", () => {
    for (const code of ["7501031311309", "05096893", "(01)07501031311309(10)L42", "]C10107501031311309", "0107501031311309", "https://id.gs1.org/01/07501031311309/10/L42"])
      expect(looksLikeBarcode(code)).toBe(true);
    for (const words of ["tito", "1234", "Hendrick's 750", "https://example.com/menu"]) expect(looksLikeBarcode(words)).toBe(false);
  });
});
