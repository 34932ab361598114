// GET and PUT /api/v1/users/me/notifications (docs/API.md "Notifications"): what the signed-in person receives by mail.

export type MailTopic = "license" | "report" | "low_stock" | "shrinkage";

export interface MailPreferences {
  userId: string;
  /** What they receive now: their choice, or their role's defaults when `chosen` is false. */
  topics: MailTopic[];
  chosen: boolean;
  available: MailTopic[];
  /** False when this installation has no SMTP server configured: nothing is mailed to anyone. */
  mailEnabled: boolean;
}

export const topicLabels: Record<MailTopic, { title: string; detail: string }> = {
  license: { title: "Licences", detail: "A licence 90, 60, 30, 14, 7 and 1 days before it lapses, and when it has." },
  report: { title: "Reports", detail: "A state or federal report coming due, and one overdue." },
  low_stock: { title: "Below par", detail: "Once a day per location: what is below its par level." },
  shrinkage: { title: "Shrinkage", detail: "A count that finds more missing than the location usually sees." },
};
