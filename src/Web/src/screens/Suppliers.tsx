import { useState } from "react";
import { getSession } from "../api/client";
import type { Supplier } from "../api/catalogue";
import { usePagedList } from "../api/usePagedList";
import { Shell } from "../layout/Shell";
import { ActionsHeading, RowActions } from "../components/ActionsColumn";
import { Field, TextFields } from "../components/Field";
import { inactiveRow, RecordName, ShowInactive } from "../components/InactiveRecords";
import { PagedRecords } from "../components/PagedRecords";
import { AddRecordButton, RecordEditorPanels } from "../components/RecordEditor";
import { RecordForm } from "../components/RecordForm";
import { useRecordEditor } from "../components/useRecordEditor";
import { checkSupplier, emptySupplier, supplierBody, supplierFields, supplierValues, type SupplierValues } from "../forms/supplierForm";

export default function Suppliers() {
  const role = getSession()?.user.role;
  const canWrite = role === "admin" || role === "manager";
  const [includeInactive, setIncludeInactive] = useState(false);
  const suppliers = usePagedList<Supplier>({
    queryKey: ["suppliers", "list", includeInactive],
    path: "/api/v1/suppliers",
    filters: { includeInactive: includeInactive ? "true" : undefined },
    limit: 50,
  });
  const editor = useRecordEditor<Supplier>({
    path: "/api/v1/suppliers",
    queryKey: "suppliers",
    removed: (supplier) => `${supplier.name} is inactive now: no longer offered when receiving. Its history stays.`,
  });

  return (
    <Shell
      title="Suppliers"
      actions={
        <AddRecordButton editor={editor} canWrite={canWrite}>
          Add supplier
        </AddRecordButton>
      }
    >
      <RecordEditorPanels
        editor={editor}
        form={(current) => (
          <RecordForm<SupplierValues, Supplier>
            key={current?.id ?? "new"}
            title={current ? `Edit ${current.name}` : "New supplier"}
            path="/api/v1/suppliers"
            editing={current?.id}
            initial={current ? supplierValues(current) : emptySupplier()}
            check={checkSupplier}
            body={supplierBody}
            onSaved={(s) => editor.finish(`Saved ${s.name}.`)}
            onCancel={editor.close}
          >
            {(values, errors, set) => (
              <>
                <TextFields prefix="supplier" fields={supplierFields} values={values} errors={errors} onChange={set} />
                <Field
                  id="supplier-leadTimeDays"
                  label="Lead time (days)"
                  hint="Days from order to delivery; sizes what the reorder list suggests."
                  inputMode="numeric"
                  value={values.leadTimeDays ?? ""}
                  error={errors.leadTimeDays}
                  onChange={(e) => set("leadTimeDays", e.target.value)}
                />
              </>
            )}
          </RecordForm>
        )}
        removeAction="Deactivate"
        removeQuestion={(supplier) => (
          <>
            Deactivate <strong>{supplier.name}</strong>? It is no longer offered when receiving; past deliveries keep its name.
          </>
        )}
      />
      <ShowInactive noun="suppliers" checked={includeInactive} onChange={setIncludeInactive} />
      <PagedRecords
        paged={suppliers}
        noun="suppliers"
        empty={canWrite ? "No suppliers yet. Add the distributors you buy from, so deliveries can be received." : "No suppliers yet. A manager adds them here."}
      >
        {(items) => (
          <table aria-label="Suppliers">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="wide">
                  Contact
                </th>
                <th scope="col" className="wide">
                  Phone
                </th>
                <th scope="col" className="num">
                  Lead time
                </th>
                {canWrite && <ActionsHeading />}
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} className={inactiveRow(s)}>
                  <td>
                    <RecordName name={s.name} isActive={s.isActive} />
                  </td>
                  <td className="wide">
                    {s.contactName}
                    {s.email && (
                      <>
                        {s.contactName && <br />}
                        <a href={`mailto:${s.email}`}>{s.email}</a>
                      </>
                    )}
                  </td>
                  <td className="wide">{s.phone && <a href={`tel:${s.phone}`}>{s.phone}</a>}</td>
                  <td className="num">{s.leadTimeDays === null ? "—" : `${s.leadTimeDays} d`}</td>
                  {canWrite && (
                    <RowActions
                      name={s.name}
                      removeLabel={s.isActive ? "Deactivate" : undefined}
                      onEdit={() => editor.open({ kind: "edit", record: s })}
                      onRemove={() => editor.open({ kind: "remove", record: s })}
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
