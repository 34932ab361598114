// The Api answers a refused form with one detail per broken rule (every password rule, every bad field).
// ApiError.message carries them as one run of sentences; a form reads better with each problem on its own line.

export function problemLines(message: string): string[] {
  const withoutCount = message.replace(/\s*\(and \d+ more problem\(s\), see details\)/g, "");
  const sentences = withoutCount
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
  return [...new Set(sentences)];
}
