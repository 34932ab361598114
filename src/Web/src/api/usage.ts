// GET /organizations/{id}/usage (docs/API.md "Organizations"): the subscription and this hour's API calls.

export interface OrganizationUsage {
  organizationId: string;
  subscriptionTier: "starter" | "professional" | "enterprise";
  subscriptionStatus: "active" | "past_due" | "suspended";
  /** null: the tier is unlimited. */
  callsPerHour: number | null;
  callsThisHour: number;
  remaining: number | null;
  windowStartedAt: string;
  resetsAt: string;
}

const statusWords: Record<OrganizationUsage["subscriptionStatus"], string> = {
  active: "Active",
  past_due: "Payment past due (still served)",
  suspended: "Suspended",
};

export function describeStatus(status: OrganizationUsage["subscriptionStatus"]): string {
  return statusWords[status] ?? status;
}

/** "312 of 1,000 calls used; 688 left until 16:00", or the count alone for an unlimited tier. */
export function describeUsage(usage: OrganizationUsage, time: (iso: string) => string): string {
  const used = usage.callsThisHour.toLocaleString("en-US");
  if (usage.callsPerHour === null) return `${used} calls this hour; your tier has no hourly limit.`;
  return `${used} of ${usage.callsPerHour.toLocaleString("en-US")} calls used this hour; ${(usage.remaining ?? 0).toLocaleString("en-US")} left until ${time(usage.resetsAt)}.`;
}
