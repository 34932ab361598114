// The compliance shapes the Api answers with (docs/API.md, "Compliance").

export type LicenseStatus = "valid" | "expiring" | "expired";

export interface License {
  id: string;
  locationId: string | null;
  licenseType: string;
  issuingAuthority: string;
  licenseNumber: string;
  issuedOn: string | null;
  expiresOn: string;
  renewalLeadDays: number;
  notes: string | null;
  status: LicenseStatus;
  daysToExpiry: number;
  createdAt: string;
  updatedAt: string;
}

/** What the licence form sends; POST needs the first four, PUT keeps what is omitted. */
export interface LicenseDraft {
  locationId: string | null;
  licenseType: string;
  issuingAuthority: string;
  licenseNumber: string;
  expiresOn: string;
  issuedOn?: string | null;
  renewalLeadDays?: number;
  notes?: string | null;
}

export interface ComplianceAlert {
  id: string;
  locationId: string | null;
  licenseId: string | null;
  kind: "license_expiring" | "license_expired" | "report_due" | "report_overdue";
  daysLeft: number;
  dueOn: string;
  subject: string;
  message: string;
  raisedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  open: boolean;
}

export interface ReportDeadline {
  form: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  dueRule: string;
  status: "due" | "overdue" | "submitted";
  daysLeft: number;
  reportId: string | null;
}

export interface ComplianceStatus {
  organizationId: string;
  overall: "ok" | "attention" | "action_required";
  licenses: { valid: number; expiring: number; expired: number; needingAttention: License[] };
  locations: {
    locationId: string;
    name: string;
    state: string | null;
    reports: ReportDeadline[];
    upcoming: { form: string; title: string; authority: string; periodStart: string; periodEnd: string; dueOn: string; dueRule: string }[];
  }[];
  openAlerts: number;
  asOf: string;
  lastCheckedAt: string | null;
}

export type ReportStatus = "draft" | "generated" | "submitted";

export interface ReportSummary {
  id: string;
  locationId: string | null;
  kind: string;
  reportType: string;
  status: ReportStatus;
  periodStart: string;
  periodEnd: string;
  createdAt: string;
  generatedAt: string | null;
  submittedAt: string | null;
}

export interface ProofGallons {
  exact: number;
  reported: number;
}

interface TtbForm<Line> {
  form: string;
  title: string;
  dueOn: string;
  dueRule: string;
  lines: Line[];
  totals: Line;
  note: string;
}

export interface TtbStorageLine {
  kind: string;
  openingOnHand: ProofGallons;
  received: ProofGallons;
  produced: ProofGallons;
  gains: ProofGallons;
  removedTaxpaid: ProofGallons;
  losses: ProofGallons;
  transferredOut: ProofGallons;
  closingOnHand: ProofGallons;
}

export interface TtbMonthly {
  month: string;
  periodStart: string;
  periodEnd: string;
  production: TtbForm<{ kind: string; produced: ProofGallons }>;
  storage: TtbForm<TtbStorageLine>;
  processing: TtbForm<{ kind: string; received: ProofGallons; bottled: ProofGallons; removed: ProofGallons }>;
  warnings: string[];
  rounding: string;
  ledgerAsOf: string;
}
