// The Api's password rules (docs/API.md "Password rules"), checked as the person types so they can see
// what is missing before they send. The Api stays the judge: its per-rule messages are shown on refusal.

export interface PasswordHint {
  rule: string;
  /** null when only the Api can tell (the common-password list lives on the server). */
  met: boolean | null;
}

export const minLength = 12;
export const maxLength = 128;

// The Api checks UTF-16 code units one by one (.NET char), so a letter outside the basic plane is not a
// letter there; splitting the string into code units, not code points, keeps the two in step.
const units = (password: string) => password.split("");
const isUpper = (unit: string) => /\p{Lu}/u.test(unit);
const isLower = (unit: string) => /\p{Ll}/u.test(unit);
const isDigit = (unit: string) => /\p{Nd}/u.test(unit);
const isLetterOrDigit = (unit: string) => /[\p{L}\p{Nd}]/u.test(unit);

export function passwordHints(password: string): PasswordHint[] {
  const chars = units(password);
  return [
    { rule: `At least ${minLength} characters`, met: password.length >= minLength },
    { rule: `At most ${maxLength} characters`, met: password.length <= maxLength },
    { rule: "An upper-case letter", met: chars.some(isUpper) },
    { rule: "A lower-case letter", met: chars.some(isLower) },
    { rule: "A digit", met: chars.some(isDigit) },
    { rule: "A special character: anything not a letter or digit (a space counts)", met: chars.some((c) => !isLetterOrDigit(c)) },
    { rule: "Not a common password (the server checks its list when you save)", met: null },
  ];
}

/** How many of the rules the browser can check are still broken. */
export function rulesLeft(password: string): number {
  return passwordHints(password).filter((hint) => hint.met === false).length;
}
