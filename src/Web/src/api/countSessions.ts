// Count sessions (docs/API.md, Count sessions): a location counted as of a snapshot, area by area, by several people.

export interface CountArea {
  name: string;
  position: number;
  finishedAt: string | null;
  finishedBy: string | null;
}

export interface CountLine {
  area: string;
  productId: string;
  shelfPosition: number;
  quantity: number;
  volumeMl: number | null;
  countedBy: string | null;
  countedAt: string;
}

export interface CountSession {
  id: string;
  locationId: string;
  name: string;
  snapshotAt: string;
  status: "open" | "completed" | "cancelled";
  areas: CountArea[];
  lines: CountLine[];
  createdBy: string | null;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  movementId: string | null;
}

/** The areas still being counted, in shelf order. */
export function unfinishedAreas(session: CountSession): string[] {
  return [...session.areas].sort((a, b) => a.position - b.position).filter((a) => !a.finishedAt).map((a) => a.name);
}

/** The lines counted in one area, in shelf order then as counted. */
export function linesOf(session: CountSession, area: string): CountLine[] {
  return session.lines.filter((l) => l.area === area).sort((a, b) => a.shelfPosition - b.shelfPosition || a.countedAt.localeCompare(b.countedAt));
}

/** A product's count over every area: what completing records for it. */
export function totalCounted(session: CountSession, productId: string): number {
  return Math.round(session.lines.filter((l) => l.productId === productId).reduce((sum, l) => sum + l.quantity, 0) * 1e8) / 1e8;
}

/** Where a session stands, in a sentence. */
export function progressText(session: CountSession): string {
  const products = new Set(session.lines.map((l) => l.productId)).size;
  const counted = `${products} ${products === 1 ? "product" : "products"} counted`;
  if (session.status === "completed") return `Completed: ${counted}.`;
  if (session.status === "cancelled") return "Cancelled: nothing was recorded.";
  const open = unfinishedAreas(session);
  return open.length === 0 ? `Every area finished, ${counted}: ready to complete.` : `${counted}; still counting ${open.join(", ")}.`;
}

/** Area names as a manager types them, one per line or separated by commas, each once, in the order typed. */
export function parseAreas(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[\n,]/)
    .map((a) => a.trim())
    .filter((a) => a !== "" && !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
}

/** Where a session stands as the list shows it (a listed session carries its areas, not its lines). */
export function stageText(session: CountSession): string {
  if (session.status === "completed") return `Completed ${session.completedAt ? new Date(session.completedAt).toLocaleString() : ""}`.trim();
  if (session.status === "cancelled") return "Cancelled";
  const finished = session.areas.filter((a) => a.finishedAt).length;
  return `${finished} of ${session.areas.length} ${session.areas.length === 1 ? "area" : "areas"} finished`;
}
