import { useQuery } from "@tanstack/react-query";
import { apiFetch, getSession } from "../api/client";
import { describeStatus, describeUsage, type OrganizationUsage } from "../api/usage";
import { Loading, Problem } from "../components/Status";
import { Shell } from "../layout/Shell";

/** The organisation's subscription for its admin: the tier and status the platform operator set, and this hour's API calls. */
export default function Organization() {
  const organizationId = getSession()?.user.organizationId ?? "";
  const usage = useQuery({
    queryKey: ["organization", organizationId, "usage"],
    queryFn: () => apiFetch<OrganizationUsage>(`/api/v1/organizations/${organizationId}/usage`),
    enabled: organizationId !== "",
  });
  const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

  return (
    <Shell title="Organisation">
      <Problem error={usage.error} />
      {usage.isLoading && <Loading />}
      {usage.data && (
        <section aria-label="Subscription">
          <dl className="facts">
            <dt>Tier</dt>
            <dd data-label="tier">{usage.data.subscriptionTier}</dd>
            <dt>Status</dt>
            <dd data-label="status">{describeStatus(usage.data.subscriptionStatus)}</dd>
            <dt>This hour</dt>
            <dd data-label="usage">{describeUsage(usage.data, time)}</dd>
          </dl>
          <p className="muted">Every signed-in request of your organisation counts, from every person and integration. The tier and status are set by Inventory Pro Flow.</p>
          <button type="button" className="secondary" onClick={() => void usage.refetch()}>
            Refresh
          </button>
        </section>
      )}
    </Shell>
  );
}
