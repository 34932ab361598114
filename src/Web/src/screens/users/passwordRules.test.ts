import { describe, expect, it } from "vitest";
import { passwordHints, rulesLeft } from "./passwordRules";

const met = (password: string) => passwordHints(password).map((hint) => hint.met);

describe("password rule hints", () => {
  it("passes every rule the browser can check for a good password, leaving the common list to the server", () => {
    expect(met("Night-Shift-Count-42!")).toEqual([true, true, true, true, true, true, null]);
    expect(rulesLeft("Night-Shift-Count-42!")).toBe(0);
  });

  it("names the five rules 'letmein' breaks that the browser can see (the Api adds the common list)", () => {
    expect(met("letmein")).toEqual([false, true, false, true, false, false, null]);
    expect(rulesLeft("letmein")).toBe(4);
  });

  it("counts a space as a special character and Unicode letters and digits as the Api does", () => {
    expect(met("Dragon Pour 2024")[5]).toBe(true);
    expect(met("ÉCLAIR-été-٣٣٣")).toEqual([true, true, true, true, true, true, null]);
  });

  it("counts length in UTF-16 code units and treats a letter outside the basic plane as special, like .NET", () => {
    const bold = "\u{1D400}"; // MATHEMATICAL BOLD CAPITAL A: two code units, neither a letter to .NET
    expect(passwordHints("abcdefghij" + bold)[0].met).toBe(true);
    expect(met("abcdefghijk1" + bold).slice(2, 6)).toEqual([false, true, true, true]);
  });

  it("refuses more than 128 characters", () => {
    expect(passwordHints("Aa1!".repeat(33))[1].met).toBe(false);
    expect(passwordHints("Aa1!".repeat(32))[1].met).toBe(true);
  });

  it("reports an empty password as breaking everything it can check", () => {
    expect(rulesLeft("")).toBe(5);
  });
});
