import { useEffect, useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, getSession, withQuery } from "../api/client";
import type { Supplier } from "../api/catalogue";
import type { Page } from "../api/types";
import { Shell } from "../layout/Shell";
import { Confirm } from "../components/Confirm";
import { Field, TextFields } from "../components/Field";
import { Pager } from "../components/Pager";
import { RecordForm } from "../components/RecordForm";
import { Done, Empty, Loading, Problem } from "../components/Status";
import { checkSupplier, emptySupplier, supplierBody, supplierFields, supplierValues, type SupplierValues } from "../forms/supplierForm";

type Editing = { kind: "none" } | { kind: "new" } | { kind: "edit"; supplier: Supplier } | { kind: "deactivate"; supplier: Supplier };

export default function Suppliers() {
  const role = getSession()?.user.role;
  const canWrite = role === "admin" || role === "manager";
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Editing>({ kind: "none" });
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setPage(1), [includeInactive]);
  const queries = useQueryClient();

  const suppliers = useQuery({
    queryKey: ["suppliers", "list", includeInactive, page],
    queryFn: () => apiFetch<Page<Supplier>>(withQuery("/api/v1/suppliers", { includeInactive: includeInactive ? "true" : undefined, page, limit: 50 })),
    placeholderData: keepPreviousData,
  });

  const deactivate = useMutation({
    mutationFn: (supplier: Supplier) => apiFetch<null>(`/api/v1/suppliers/${supplier.id}`, { method: "DELETE" }),
    onSuccess: (_none, supplier) => finish(`${supplier.name} is inactive now: no longer offered when receiving. Its history stays.`),
  });

  function finish(message: string) {
    setDone(message);
    setEditing({ kind: "none" });
    void queries.invalidateQueries({ queryKey: ["suppliers"] });
  }

  function open(next: Editing) {
    setDone(null);
    deactivate.reset();
    setEditing(next);
  }

  const items = suppliers.data?.items ?? [];
  const current = editing.kind === "edit" ? editing.supplier : undefined;
  return (
    <Shell
      title="Suppliers"
      actions={
        canWrite && editing.kind === "none" ? (
          <button type="button" onClick={() => open({ kind: "new" })}>
            Add supplier
          </button>
        ) : undefined
      }
    >
      {done && <Done>{done}</Done>}
      {(editing.kind === "new" || editing.kind === "edit") && (
        <RecordForm<SupplierValues, Supplier>
          key={current?.id ?? "new"}
          title={current ? `Edit ${current.name}` : "New supplier"}
          path="/api/v1/suppliers"
          editing={current?.id}
          initial={current ? supplierValues(current) : emptySupplier()}
          check={checkSupplier}
          body={supplierBody}
          onSaved={(s) => finish(`Saved ${s.name}.`)}
          onCancel={() => setEditing({ kind: "none" })}
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
      {editing.kind === "deactivate" && (
        <Confirm action="Deactivate" busy={deactivate.isPending} error={deactivate.error} onConfirm={() => deactivate.mutate(editing.supplier)} onCancel={() => setEditing({ kind: "none" })}>
          Deactivate <strong>{editing.supplier.name}</strong>? It is no longer offered when receiving; past deliveries keep its name.
        </Confirm>
      )}
      <div className="filters">
        <label className="check">
          <input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} /> Show inactive suppliers
        </label>
      </div>
      <Problem error={suppliers.error} />
      {suppliers.isLoading && <Loading />}
      {suppliers.data && items.length === 0 && (
        <Empty>{canWrite ? "No suppliers yet. Add the distributors you buy from, so deliveries can be received." : "No suppliers yet. A manager adds them here."}</Empty>
      )}
      {items.length > 0 && (
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
              {canWrite && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} className={s.isActive ? undefined : "inactive"}>
                <td>
                  {s.name}
                  {!s.isActive && <span className="muted"> (inactive)</span>}
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
                  <td>
                    <div className="row-actions">
                      <button type="button" className="secondary" aria-label={`Edit ${s.name}`} onClick={() => open({ kind: "edit", supplier: s })}>
                        Edit
                      </button>
                      {s.isActive && (
                        <button type="button" className="secondary" aria-label={`Deactivate ${s.name}`} onClick={() => open({ kind: "deactivate", supplier: s })}>
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
      <Pager page={suppliers.data?.pagination} onPage={setPage} noun="suppliers" />
    </Shell>
  );
}
