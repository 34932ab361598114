import { useState, type FormEvent } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiDownload, apiFetch, withQuery } from "../../api/client";
import type { ReportSummary } from "../../api/compliance";
import type { Page } from "../../api/types";
import { businessDate, timeZoneOf } from "../../analytics/businessDay";
import { lastMonth, reportFileName } from "../../compliance/periods";
import { saveFile } from "../../compliance/saveFile";
import { LocationPicker, useLocationChoice, useLocations } from "../../components/LocationPicker";
import { Pager } from "../../components/Pager";
import { Done, Empty, Loading, Problem } from "../../components/Status";
import { Working } from "../../components/Working";
import { ReportRow } from "./ReportRow";

const reportTypes = ["monthly", "quarterly", "annual", "custom"];

/** What GET /compliance/reports/{id} answers, as far as a row needs it. */
type ReportView = Omit<ReportSummary, "periodStart" | "periodEnd"> & { locationName: string | null; period: { start: string; end: string } };

const summaryOf = ({ period, ...rest }: ReportView): ReportSummary & { locationName: string | null } => ({
  ...rest,
  periodStart: period.start,
  periodEnd: period.end,
});

/**
 * ABC reports: the list, downloads for everyone here, generation and submission for admins. A link from an alert
 * or its mail names one report (`focusId`): it is shown first, whichever page of the list it is on.
 */
export function ReportsPanel({ isAdmin, focusId }: { isAdmin: boolean; focusId?: string }) {
  const queries = useQueryClient();
  const locations = useLocations();
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState("");
  const reports = useQuery({
    queryKey: ["compliance", "reports", page],
    queryFn: () => apiFetch<Page<ReportSummary>>(withQuery("/api/v1/compliance/reports", { page, limit: 20 })),
    placeholderData: keepPreviousData,
  });
  const download = useMutation({
    mutationFn: async ({ report, format }: { report: ReportSummary; format: "csv" | "html" }) => {
      const blob = await apiDownload(`/api/v1/compliance/reports/${report.id}/download?format=${format}`);
      saveFile(blob, reportFileName(report, placeName(report.locationId), format));
    },
  });
  const submit = useMutation({
    mutationFn: (report: ReportSummary) => apiFetch<ReportSummary>(`/api/v1/compliance/reports/${report.id}/submit`, { method: "POST" }),
    onSuccess: () => {
      setNotice("Recorded as filed. The alerts for that period are settled.");
      void queries.invalidateQueries({ queryKey: ["compliance"] });
    },
  });
  const reopen = useMutation({
    mutationFn: ({ report, reason }: { report: ReportSummary; reason: string }) =>
      apiFetch<ReportSummary>(`/api/v1/compliance/reports/${report.id}/reopen`, { method: "POST", body: JSON.stringify({ reason }) }),
    onSuccess: () => {
      setNotice("Period reopened: movements dated inside it are taken again until an amended report is filed.");
      void queries.invalidateQueries({ queryKey: ["compliance"] });
    },
  });
  const focused = useQuery({
    queryKey: ["compliance", "report", focusId],
    queryFn: () => apiFetch<ReportView>(`/api/v1/compliance/reports/${encodeURIComponent(focusId ?? "")}`).then(summaryOf),
    enabled: !!focusId,
  });
  const placeName = (id: string | null) => (id ? locations.data?.items.find((l) => l.id === id)?.name : undefined);
  const rowActions = {
    isAdmin,
    busy: download.isPending || submit.isPending || reopen.isPending,
    onDownload: (report: ReportSummary, format: "csv" | "html") => download.mutate({ report, format }),
    onSubmit: (report: ReportSummary) => submit.mutate(report),
    onReopen: (report: ReportSummary) => {
      // The reason goes into the audit trail; no reason, no reopening.
      const reason = window.prompt("Why reopen this filed period? (kept in the audit trail)")?.trim();
      if (reason) reopen.mutate({ report, reason });
    },
  };

  return (
    <div>
      {notice && <Done>{notice}</Done>}
      {focusId && (
        <section className="panel" aria-label="The report you followed">
          <h2>The report you followed</h2>
          <Problem error={focused.error} />
          {focused.isLoading && <Loading />}
          {focused.data && (
            <ul className="report-list">
              <ReportRow report={focused.data} focused {...rowActions} placeName={focused.data.locationName ?? placeName(focused.data.locationId)} />
            </ul>
          )}
        </section>
      )}
      {isAdmin && <GenerateReport onGenerated={(text) => setNotice(text)} />}
      <h2>Reports</h2>
      <Problem error={reports.error ?? download.error ?? submit.error ?? reopen.error} />
      {download.isPending && <Working what="Preparing the download…" />}
      {reports.isLoading && <Loading />}
      {reports.data && reports.data.items.length === 0 && (
        <Empty>{isAdmin ? "No ABC reports yet. Generate last month's above: the figures come straight from the ledger." : "No ABC reports yet. An admin generates them."}</Empty>
      )}
      {reports.data && reports.data.items.length > 0 && (
        <ul className="report-list" aria-label="ABC reports">
          {reports.data.items.map((r) => (
            <ReportRow key={r.id} report={r} focused={r.id === focusId} {...rowActions} placeName={placeName(r.locationId)} />
          ))}
        </ul>
      )}
      <Pager page={reports.data?.pagination} onPage={setPage} noun="reports" />
    </div>
  );
}

/** Admins compute a location's report for a period; last month by default, as most boards want it monthly. */
function GenerateReport({ onGenerated }: { onGenerated: (text: string) => void }) {
  const queries = useQueryClient();
  const locations = useLocations();
  const [locationId, setLocationId] = useLocationChoice();
  const today = businessDate(new Date(), timeZoneOf(locations.data?.items ?? [], locationId));
  const [period, setPeriod] = useState(() => lastMonth(today));
  const [reportType, setReportType] = useState("monthly");
  const generate = useMutation({
    mutationFn: () =>
      apiFetch<{ status: string; locationName: string | null; period: { start: string; end: string } }>("/api/v1/compliance/reports/abc", {
        method: "POST",
        body: JSON.stringify({ locationId, ...period, reportType }),
      }),
    onSuccess: (report) => {
      onGenerated(
        `Report for ${report.locationName ?? "the location"}, ${report.period.start} to ${report.period.end}: ${report.status === "draft" ? "a draft (the period is not over yet)" : "generated, ready to download and file"}.`,
      );
      void queries.invalidateQueries({ queryKey: ["compliance"] });
    },
  });

  function run(event: FormEvent) {
    event.preventDefault();
    onGenerated("");
    generate.mutate();
  }

  return (
    <form className="panel" onSubmit={run} aria-label="Generate an ABC report">
      <h2>Generate an ABC report</h2>
      <div className="filters">
        <LocationPicker id="report-location" value={locationId} onChange={setLocationId} />
        <div>
          <label htmlFor="report-start">From</label>
          <input id="report-start" type="date" required value={period.periodStart} onChange={(e) => setPeriod((p) => ({ ...p, periodStart: e.target.value }))} />
        </div>
        <div>
          <label htmlFor="report-end">To</label>
          <input id="report-end" type="date" required value={period.periodEnd} onChange={(e) => setPeriod((p) => ({ ...p, periodEnd: e.target.value }))} />
        </div>
        <div>
          <label htmlFor="report-type">Report type</label>
          <select id="report-type" value={reportType} onChange={(e) => setReportType(e.target.value)}>
            {reportTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" disabled={generate.isPending || !locationId}>
        Generate report
      </button>
      {generate.isPending && <Working what="Generating the report from the ledger…" />}
      <Problem error={generate.error} />
    </form>
  );
}
