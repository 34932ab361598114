import { useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../../api/client";
import type { License } from "../../api/compliance";
import type { Page } from "../../api/types";
import { expiryText } from "../../compliance/periods";
import { useLocations } from "../../components/LocationPicker";
import { Pager } from "../../components/Pager";
import { Done, Empty, Loading, Problem } from "../../components/Status";
import { LicenseForm } from "./LicenseForm";

const statusWords = { valid: "Valid", expiring: "Expiring", expired: "Expired" } as const;

/** Licences by expiry date with where each stands; admins add, edit and delete them. */
export function LicensesPanel({ isAdmin }: { isAdmin: boolean }) {
  const queries = useQueryClient();
  const locations = useLocations();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [saved, setSaved] = useState("");
  const licenses = useQuery({
    queryKey: ["compliance", "licenses", page],
    queryFn: () => apiFetch<Page<License>>(withQuery("/api/v1/compliance/licenses", { page, limit: 20 })),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch<null>(`/api/v1/compliance/licenses/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      setDeleting(null);
      setSaved("Licence deleted; its reminders stopped.");
      void queries.invalidateQueries({ queryKey: ["compliance"] });
    },
  });
  const placeName = (id: string | null) => (id ? (locations.data?.items.find((l) => l.id === id)?.name ?? "A location") : "Whole business");
  const done = (license: License) => {
    setEditing(null);
    setSaved(`Saved ${license.licenseType} ${license.licenseNumber}: ${statusWords[license.status] ?? license.status}.`);
  };

  return (
    <div>
      {isAdmin && editing !== "new" && (
        <button
          type="button"
          className="inline"
          onClick={() => {
            setSaved("");
            setEditing("new");
          }}
        >
          Add licence
        </button>
      )}
      {isAdmin && editing === "new" && (
        <section aria-label="New licence" className="panel">
          <LicenseForm onDone={done} />
          <button type="button" className="link" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </section>
      )}
      {saved && <Done>{saved}</Done>}
      <Problem error={licenses.error ?? remove.error} />
      {licenses.isLoading && <Loading />}
      {licenses.data && licenses.data.items.length === 0 && (
        <Empty>{isAdmin ? "No licences recorded. Add each licence and permit so their renewals are never missed." : "No licences recorded yet. An admin adds them."}</Empty>
      )}
      {licenses.data && licenses.data.items.length > 0 && (
        <ul className="license-list" aria-label="Licences">
          {licenses.data.items.map((l) => (
            <li key={l.id} data-license-id={l.id} className={l.status}>
              <div className="license-head">
                <strong>{l.licenseType}</strong>
                <span className={`pill ${l.status}`} data-label="status">
                  {statusWords[l.status] ?? l.status} · {expiryText(l.daysToExpiry)}
                </span>
              </div>
              <div className="muted">
                No. {l.licenseNumber} · {l.issuingAuthority} · {placeName(l.locationId)} · expires {l.expiresOn}
              </div>
              {isAdmin && editing !== l.id && (
                <div className="row-actions">
                  <button type="button" className="secondary" onClick={() => setEditing(l.id)}>
                    Edit
                  </button>
                  {deleting === l.id ? (
                    <>
                      <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate(l.id)}>
                        Yes, delete
                      </button>
                      <button type="button" className="secondary" onClick={() => setDeleting(null)}>
                        Keep it
                      </button>
                    </>
                  ) : (
                    <button type="button" className="secondary" onClick={() => setDeleting(l.id)}>
                      Delete
                    </button>
                  )}
                </div>
              )}
              {isAdmin && editing === l.id && (
                <div className="panel">
                  <LicenseForm license={l} onDone={done} />
                  <button type="button" className="link" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager page={licenses.data?.pagination} onPage={setPage} noun="licences" />
    </div>
  );
}
