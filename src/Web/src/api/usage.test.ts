import { describe, expect, it } from "vitest";
import { describeStatus, describeUsage, type OrganizationUsage } from "./usage";

const usage: OrganizationUsage = {
  organizationId: "o",
  subscriptionTier: "starter",
  subscriptionStatus: "active",
  callsPerHour: 1000,
  callsThisHour: 312,
  remaining: 688,
  windowStartedAt: "2026-03-02T15:00:00Z",
  resetsAt: "2026-03-02T16:00:00Z",
};

describe("the hour's usage in words", () => {
  it("says what is used and what is left until the hour resets", () => {
    expect(describeUsage(usage, () => "16:00")).toBe("312 of 1,000 calls used this hour; 688 left until 16:00.");
  });

  it("says an unlimited tier has no limit", () => {
    expect(describeUsage({ ...usage, subscriptionTier: "enterprise", callsPerHour: null, remaining: null, callsThisHour: 5400 }, () => "16:00")).toBe(
      "5,400 calls this hour; your tier has no hourly limit.",
    );
  });

  it("names each status plainly", () => {
    expect(["active", "past_due", "suspended"].map((s) => describeStatus(s as OrganizationUsage["subscriptionStatus"]))).toEqual([
      "Active",
      "Payment past due (still served)",
      "Suspended",
    ]);
  });
});
