import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import type { License, LicenseDraft } from "../../api/compliance";
import { LocationOptions, useLocations } from "../../components/LocationPicker";
import { Problem } from "../../components/Status";

/** Records a new licence or changes one (admins). A new expiry date on an existing licence is a renewal. */
export function LicenseForm({ license, onDone }: { license?: License; onDone: (saved: License) => void }) {
  const queries = useQueryClient();
  const locations = useLocations();
  const [draft, setDraft] = useState<LicenseDraft>({
    locationId: license?.locationId ?? null,
    licenseType: license?.licenseType ?? "",
    issuingAuthority: license?.issuingAuthority ?? "",
    licenseNumber: license?.licenseNumber ?? "",
    expiresOn: license?.expiresOn ?? "",
    issuedOn: license?.issuedOn ?? "",
    renewalLeadDays: license?.renewalLeadDays ?? 90,
    notes: license?.notes ?? "",
  });
  const save = useMutation({
    mutationFn: (body: LicenseDraft) =>
      apiFetch<License>(license ? `/api/v1/compliance/licenses/${license.id}` : "/api/v1/compliance/licenses", {
        method: license ? "PUT" : "POST",
        body: JSON.stringify(body),
      }),
    onSuccess: (saved) => {
      void queries.invalidateQueries({ queryKey: ["compliance"] });
      onDone(saved);
    },
  });
  const set = <K extends keyof LicenseDraft>(field: K, value: LicenseDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    // Empty optional fields are left out, so the Api keeps (or defaults) them rather than refusing "".
    save.mutate({ ...draft, issuedOn: draft.issuedOn || undefined, notes: draft.notes || undefined });
  }

  const prefix = license ? `edit-${license.id}` : "new";
  return (
    <form className="license-form" onSubmit={submit} aria-label={license ? `Edit licence ${license.licenseNumber}` : "Add a licence"}>
      <div className="filters">
        <div>
          <label htmlFor={`${prefix}-type`}>Licence type</label>
          <input id={`${prefix}-type`} required value={draft.licenseType} placeholder="e.g. Mixed Beverage Permit" onChange={(e) => set("licenseType", e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${prefix}-number`}>Licence number</label>
          <input id={`${prefix}-number`} required value={draft.licenseNumber} onChange={(e) => set("licenseNumber", e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${prefix}-authority`}>Issuing authority</label>
          <input id={`${prefix}-authority`} required value={draft.issuingAuthority} placeholder="e.g. Texas ABC" onChange={(e) => set("issuingAuthority", e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${prefix}-location`}>Covers</label>
          <select id={`${prefix}-location`} value={draft.locationId ?? ""} onChange={(e) => set("locationId", e.target.value || null)}>
            <option value="">The whole business</option>
            <LocationOptions locations={locations.data?.items ?? []} />
          </select>
        </div>
        <div>
          <label htmlFor={`${prefix}-issued`}>Issued on</label>
          <input id={`${prefix}-issued`} type="date" value={draft.issuedOn ?? ""} onChange={(e) => set("issuedOn", e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${prefix}-expires`}>Expires on</label>
          <input id={`${prefix}-expires`} type="date" required value={draft.expiresOn} onChange={(e) => set("expiresOn", e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${prefix}-lead`}>Renewal reminder (days before)</label>
          <input
            id={`${prefix}-lead`}
            type="number"
            inputMode="numeric"
            min={0}
            max={730}
            value={draft.renewalLeadDays ?? ""}
            onChange={(e) => set("renewalLeadDays", e.target.value === "" ? undefined : Number(e.target.value))}
          />
        </div>
      </div>
      <label htmlFor={`${prefix}-notes`}>Notes</label>
      <textarea id={`${prefix}-notes`} rows={2} value={draft.notes ?? ""} onChange={(e) => set("notes", e.target.value)} />
      <Problem error={save.error} />
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : license ? "Save changes" : "Add licence"}
      </button>
    </form>
  );
}
