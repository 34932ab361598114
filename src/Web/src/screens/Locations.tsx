import { useState } from "react";
import { getSession } from "../api/client";
import { locationTypes, type LocationDetails } from "../api/catalogue";
import { usePagedList } from "../api/usePagedList";
import { Shell } from "../layout/Shell";
import { ActionsHeading, RowActions } from "../components/ActionsColumn";
import { Field, SelectField, TextFields } from "../components/Field";
import { inactiveRow, RecordName, ShowInactive } from "../components/InactiveRecords";
import { PagedRecords } from "../components/PagedRecords";
import { AddRecordButton, RecordEditorPanels } from "../components/RecordEditor";
import { RecordForm } from "../components/RecordForm";
import { useRecordEditor } from "../components/useRecordEditor";
import { checkLocation, emptyLocation, locationBody, locationFields, locationValues, type LocationValues } from "../forms/locationForm";

const typeName = (type: string) => type.replace(/_/g, " ");

export default function Locations() {
  const canWrite = getSession()?.user.role === "admin";
  const [includeInactive, setIncludeInactive] = useState(false);
  const locations = usePagedList<LocationDetails>({
    queryKey: ["locations", "list", includeInactive],
    path: "/api/v1/locations",
    filters: { includeInactive: includeInactive ? "true" : undefined },
    limit: 50,
  });
  const editor = useRecordEditor<LocationDetails>({
    path: "/api/v1/locations",
    // Every location picker of the app reads ["locations"]: a new bar shows up in them at once.
    queryKey: "locations",
    removed: (location) => `${location.name} is inactive now. Its stock history and reports stay.`,
  });

  return (
    <Shell
      title="Locations"
      actions={
        <AddRecordButton editor={editor} canWrite={canWrite}>
          Add location
        </AddRecordButton>
      }
    >
      <RecordEditorPanels
        editor={editor}
        form={(current) => (
          <RecordForm<LocationValues, LocationDetails>
            key={current?.id ?? "new"}
            title={current ? `Edit ${current.name}` : "New location"}
            path="/api/v1/locations"
            editing={current?.id}
            initial={current ? locationValues(current) : emptyLocation()}
            check={checkLocation}
            body={locationBody}
            onSaved={(l) => editor.finish(`Saved ${l.name}.`)}
            onCancel={editor.close}
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
        removeAction="Deactivate"
        removeQuestion={(location) => (
          <>
            Deactivate <strong>{location.name}</strong>? It leaves the location pickers; its stock history and compliance records stay.
          </>
        )}
      />
      <ShowInactive noun="locations" checked={includeInactive} onChange={setIncludeInactive} />
      <PagedRecords
        paged={locations}
        noun="locations"
        empty={canWrite ? "No locations yet. Add your first bar or store to start stocking it." : "No locations yet. An admin adds them here."}
      >
        {(items) => (
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
                {canWrite && <ActionsHeading />}
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <tr key={l.id} className={inactiveRow(l)}>
                  <td>
                    <RecordName name={l.name} isActive={l.isActive} />
                    {l.isPrimary && <span className="muted"> (primary)</span>}
                  </td>
                  <td>{typeName(l.locationType)}</td>
                  <td className="wide">{[l.city, l.state].filter(Boolean).join(", ")}</td>
                  <td className="wide">{l.licenseNumber}</td>
                  <td className="wide">{l.timezone}</td>
                  {canWrite && (
                    <RowActions
                      name={l.name}
                      removeLabel={l.isActive ? "Deactivate" : undefined}
                      onEdit={() => editor.open({ kind: "edit", record: l })}
                      onRemove={() => editor.open({ kind: "remove", record: l })}
                    />
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedRecords>
    </Shell>
  );
}
