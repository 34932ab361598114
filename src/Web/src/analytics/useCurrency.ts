import { useQuery } from "@tanstack/react-query";
import { apiFetch, getSession } from "../api/client";

/** The organisation's currency (its settings), USD until known. */
export function useCurrency(): string {
  const organizationId = getSession()?.user.organizationId;
  const organization = useQuery({
    queryKey: ["organization", organizationId],
    queryFn: () => apiFetch<{ settings?: { currency?: string } }>(`/api/v1/organizations/${organizationId}`),
    enabled: !!organizationId,
    staleTime: 30 * 60_000,
  });
  return organization.data?.settings?.currency ?? "USD";
}
