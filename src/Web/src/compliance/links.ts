// Where one ABC report opens in the web app: the mails of report alerts link here too (AlertMails.Compliance).

/** The reports section with that report open at the top, so an alert or a mail lands on the report to review. */
export function reportLink(reportId: string): string {
  return `/compliance?${new URLSearchParams({ section: "reports", report: reportId }).toString()}`;
}
