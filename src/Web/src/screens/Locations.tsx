import { useEffect, useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, getSession, withQuery } from "../api/client";
import { locationTypes, type LocationDetails } from "../api/catalogue";
import type { Page } from "../api/types";
import { Shell } from "../layout/Shell";
import { Confirm } from "../components/Confirm";
import { Field, SelectField, TextFields } from "../components/Field";
import { Pager } from "../components/Pager";
import { RecordForm } from "../components/RecordForm";
import { Done, Empty, Loading, Problem } from "../components/Status";
import { checkLocation, emptyLocation, locationBody, locationFields, locationValues, type LocationValues } from "../forms/locationForm";

type Editing = { kind: "none" } | { kind: "new" } | { kind: "edit"; location: LocationDetails } | { kind: "deactivate"; location: LocationDetails };

const typeName = (type: string) => type.replace(/_/g, " ");

export default function Locations() {
  const canWrite = getSession()?.user.role === "admin";
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Editing>({ kind: "none" });
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setPage(1), [includeInactive]);
  const queries = useQueryClient();

  const locations = useQuery({
    queryKey: ["locations", "list", includeInactive, page],
    queryFn: () => apiFetch<Page<LocationDetails>>(withQuery("/api/v1/locations", { includeInactive: includeInactive ? "true" : undefined, page, limit: 50 })),
    placeholderData: keepPreviousData,
  });

  const deactivate = useMutation({
    mutationFn: (location: LocationDetails) => apiFetch<null>(`/api/v1/locations/${location.id}`, { method: "DELETE" }),
    onSuccess: (_none, location) => finish(`${location.name} is inactive now. Its stock history and reports stay.`),
  });

  function finish(message: string) {
    setDone(message);
    setEditing({ kind: "none" });
    // Every location picker of the app reads ["locations"]: a new bar shows up in them at once.
    void queries.invalidateQueries({ queryKey: ["locations"] });
  }

  function open(next: Editing) {
    setDone(null);
    deactivate.reset();
    setEditing(next);
  }

  const items = locations.data?.items ?? [];
  const current = editing.kind === "edit" ? editing.location : undefined;
  return (
    <Shell
      title="Locations"
      actions={
        canWrite && editing.kind === "none" ? (
          <button type="button" onClick={() => open({ kind: "new" })}>
            Add location
          </button>
        ) : undefined
      }
    >
      {done && <Done>{done}</Done>}
      {(editing.kind === "new" || editing.kind === "edit") && (
        <RecordForm<LocationValues, LocationDetails>
          key={current?.id ?? "new"}
          title={current ? `Edit ${current.name}` : "New location"}
          path="/api/v1/locations"
          editing={current?.id}
          initial={current ? locationValues(current) : emptyLocation()}
          check={checkLocation}
          body={locationBody}
          onSaved={(l) => finish(`Saved ${l.name}.`)}
          onCancel={() => setEditing({ kind: "none" })}
        >
          {(values, errors, set) => (
            <>
              <SelectField id="location-locationType" label="Kind" value={values.locationType} error={errors.locationType} onChange={(e) => set("locationType", e.target.value)}>
                {!current && <option value="">Same as the business</option>}
                {locationTypes.map((t) => (
                  <option key={t} value={t}>
                    {typeName(t)}
                  </option>
                ))}
              </SelectField>
              <TextFields prefix="location" fields={locationFields} values={values} errors={errors} onChange={set} />
              <Field id="location-latitude" label="Latitude" inputMode="decimal" value={values.latitude} error={errors.latitude} onChange={(e) => set("latitude", e.target.value)} />
              <Field id="location-longitude" label="Longitude" inputMode="decimal" value={values.longitude} error={errors.longitude} onChange={(e) => set("longitude", e.target.value)} />
            </>
          )}
        </RecordForm>
      )}
      {editing.kind === "deactivate" && (
        <Confirm action="Deactivate" busy={deactivate.isPending} error={deactivate.error} onConfirm={() => deactivate.mutate(editing.location)} onCancel={() => setEditing({ kind: "none" })}>
          Deactivate <strong>{editing.location.name}</strong>? It leaves the location pickers; its stock history and compliance records stay.
        </Confirm>
      )}
      <div className="filters">
        <label className="check">
          <input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} /> Show inactive locations
        </label>
      </div>
      <Problem error={locations.error} />
      {locations.isLoading && <Loading />}
      {locations.data && items.length === 0 && (
        <Empty>{canWrite ? "No locations yet. Add your first bar or store to start stocking it." : "No locations yet. An admin adds them here."}</Empty>
      )}
      {items.length > 0 && (
        <table aria-label="Locations">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col" className="wide">
                City
              </th>
              <th scope="col" className="wide">
                Licence
              </th>
              <th scope="col" className="wide">
                Time zone
              </th>
              {canWrite && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((l) => (
              <tr key={l.id} className={l.isActive ? undefined : "inactive"}>
                <td>
                  {l.name}
                  {!l.isActive && <span className="muted"> (inactive)</span>}
                </td>
                <td>{typeName(l.locationType)}</td>
                <td className="wide">{[l.city, l.state].filter(Boolean).join(", ")}</td>
                <td className="wide">{l.licenseNumber}</td>
                <td className="wide">{l.timezone}</td>
                {canWrite && (
                  <td>
                    <div className="row-actions">
                      <button type="button" className="secondary" aria-label={`Edit ${l.name}`} onClick={() => open({ kind: "edit", location: l })}>
                        Edit
                      </button>
                      {l.isActive && (
                        <button type="button" className="secondary" aria-label={`Deactivate ${l.name}`} onClick={() => open({ kind: "deactivate", location: l })}>
                          Deactivate
                        </button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={locations.data?.pagination} onPage={setPage} noun="locations" />
    </Shell>
  );
}
