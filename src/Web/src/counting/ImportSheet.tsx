import { useId, useState, type FormEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../api/client";
import type { BatchReport } from "../api/counting";

const shownRejections = 100;

/** A count sheet (CSV) for one location, uploaded once per chosen file even if the upload is retried. */
export function ImportSheet({ locationId }: { locationId: string }) {
  const queries = useQueryClient();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  // Made when a file is chosen: retrying the same upload after a lost answer replays the first report.
  const [key, setKey] = useState("");
  const [uploading, setUploading] = useState(false);
  const [report, setReport] = useState<BatchReport | null>(null);
  const [problem, setProblem] = useState("");

  function choose(chosen: File | null) {
    setFile(chosen);
    setKey(chosen ? crypto.randomUUID() : "");
    setReport(null);
    setProblem("");
  }

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setProblem("Choose a CSV file first.");
      return;
    }
    setUploading(true);
    setProblem("");
    setReport(null);
    try {
      const answer = await apiFetch<BatchReport>(withQuery("/api/v1/inventory/import", { locationId }), {
        method: "POST",
        body: file,
        headers: { "Content-Type": "text/csv" },
        idempotencyKey: key,
      });
      setReport(answer);
      void queries.invalidateQueries({ queryKey: ["inventory", locationId] });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setUploading(false);
    }
  }

  const rejected = report?.results.filter((row) => !row.applied) ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="import-sheet">
      <h2 id={`${id}-title`}>Import a count sheet</h2>
      <p className="muted">
        A CSV with a <code>sku</code> or <code>barcode</code> column and a <code>count</code> column (<code>par level</code> and <code>notes</code>{" "}
        optional), for the location chosen above.
      </p>
      <form onSubmit={(e) => void upload(e)}>
        <label htmlFor={`${id}-file`}>Count sheet (CSV)</label>
        <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
        <button type="submit" disabled={uploading || !locationId}>
          {uploading ? "Uploading…" : "Upload count sheet"}
        </button>
        {uploading && (
          <p role="status" className="muted">
            Uploading…
          </p>
        )}
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
      </form>
      {report && (
        <div role="status" className="import-report">
          <p className={report.rejected > 0 ? "error" : "done"}>
            {report.applied} of {report.rows} {report.rows === 1 ? "row" : "rows"} applied, {report.rejected} rejected.
          </p>
          {rejected.length > 0 && (
            <ul aria-label="Rejected rows">
              {rejected.slice(0, shownRejections).map((row) => (
                <li key={row.row}>
                  Line {row.row}: {row.error ?? row.errorCode}
                </li>
              ))}
            </ul>
          )}
          {rejected.length > shownRejections && <p className="muted">And {rejected.length - shownRejections} more rejected rows: fix the first ones and upload the sheet again.</p>}
        </div>
      )}
    </section>
  );
}
