// The checks GET /products/lookup and a product's barcode field apply (docs/API.md, "Barcodes"), so a typo is
// caught before the round trip. 8-digit codes may be UPC-E, whose check the Api alone makes.

const lengths = [8, 11, 12, 13, 14];

/** A plain-words problem with a typed barcode, or null when the Api would take it. */
export function barcodeProblem(text: string): string | null {
  const code = text.trim();
  if (code === "") return "Barcode is empty.";
  const bad = [...code].findIndex((c) => c < "0" || c > "9");
  if (bad >= 0) return `Barcode must be digits only (found '${code[bad]}' at position ${bad + 1}).`;
  if (!lengths.includes(code.length)) {
    return `Barcode has ${code.length} digits; it must have 8, 11, 12, 13 or 14.`;
  }
  if (code.length === 8) return null;
  const gtin = code.padStart(14, "0");
  const expected = checkDigit(gtin.slice(0, 13));
  if (gtin[13] !== expected) return `The barcode's check digit is ${gtin[13]} but should be ${expected}; check for a mistyped digit.`;
  return null;
}

// GS1: weights 3,1,3,1... from the right of the digits before the check digit.
function checkDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const weight = (digits.length - i) % 2 === 1 ? 3 : 1;
    sum += Number(digits[i]) * weight;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * Whether typed text (or what a wedge scanner sent) is a barcode to look up rather than words to search: 8 to 14
 * digits, a GS1-128 element string ((01)..., ]C1..., 01 and 14 digits), or a GS1 Digital Link URL.
 */
export function looksLikeBarcode(text: string): boolean {
  return /^(\d{8,14}|\(01\)\d.*|\]C1.*|01\d{14}.*|https?:\/\/\S+\/(01|gtin)\/\d{8,14}.*)$/.test(text.trim());
}
