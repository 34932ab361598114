import { useRef, useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api/client";
import type { MovementReceipt } from "../api/ledger";
import { useSupplierChoices } from "../api/useSuppliers";
import { Shell } from "../layout/Shell";
import { LocationPicker, useLocationChoice, useLocations } from "../components/LocationPicker";
import { Field, SelectField } from "../components/Field";
import { LinesTable } from "../components/LinesTable";
import { ProductFinder } from "../components/ProductFinder";
import { Done, Empty, Loading, Problem } from "../components/Status";
import { addProduct, deliveryTotals, lineOfField, linesProblems, movementLines, type LineDraft } from "../forms/movementLines";
import { fieldErrorsOf } from "../forms/fieldErrors";
import { formatCents } from "../forms/money";
import { SubmissionKey } from "../forms/submissionKey";

interface PurchaseBody {
  locationId: string;
  supplierId: string;
  referenceId?: string;
  items: ReturnType<typeof movementLines>;
}

export default function Receiving() {
  const [locationId, setLocationId] = useLocationChoice();
  const locations = useLocations();
  const suppliers = useSupplierChoices();
  const [supplierId, setSupplierId] = useState("");
  const [reference, setReference] = useState("");
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [tried, setTried] = useState(false);
  const [received, setReceived] = useState<string | null>(null);
  const submission = useRef(new SubmissionKey());
  const nextKey = useRef(0);
  const queries = useQueryClient();

  const activeSuppliers = suppliers.data?.items.filter((s) => s.isActive) ?? [];
  const chosenSupplier = activeSuppliers.some((s) => s.id === supplierId) ? supplierId : (activeSuppliers[0]?.id ?? "");

  const receive = useMutation({
    mutationFn: (body: PurchaseBody) =>
      apiFetch<MovementReceipt>("/api/v1/transactions/purchases", {
        method: "POST",
        body: JSON.stringify(body),
        idempotencyKey: submission.current.for(JSON.stringify(body)),
      }),
    onSuccess: (receipt) => {
      submission.current.settle();
      const { bottles, cents } = deliveryTotals(lines);
      const supplier = activeSuppliers.find((s) => s.id === chosenSupplier)?.name ?? "the supplier";
      const location = locations.data?.items.find((l) => l.id === locationId)?.name ?? "the location";
      const now = receipt.stock.map((s) => `${lines.find((l) => l.product.id === s.productId)?.product.name ?? "a product"} ${s.quantity}`).join(", ");
      setReceived(`Received ${bottles} bottle${bottles === 1 ? "" : "s"} (${formatCents(cents)}) from ${supplier} into ${location}${reference.trim() ? `, invoice ${reference.trim()}` : ""}. On hand now: ${now}.`);
      setLines([]);
      setReference("");
      setTried(false);
      void queries.invalidateQueries({ queryKey: ["inventory"] });
      void queries.invalidateQueries({ queryKey: ["ledger"] });
    },
  });

  const problems = linesProblems(lines, { withCost: true });
  const apiErrors = fieldErrorsOf(receive.error);
  const lineErrors: Record<string, string> = {};
  for (const [field, message] of Object.entries(apiErrors)) {
    const line = lineOfField(field, lines);
    if (line) lineErrors[line.key] = message;
  }
  const totals = deliveryTotals(lines);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setReceived(null);
    if (problems.length > 0 || !locationId || !chosenSupplier) return;
    receive.mutate({
      locationId,
      supplierId: chosenSupplier,
      ...(reference.trim() ? { referenceId: reference.trim() } : {}),
      items: movementLines(lines, true),
    });
  }

  function edit(next: LineDraft[]) {
    setLines(next);
    setReceived(null);
  }

  if (suppliers.isLoading || locations.isLoading) {
    return (
      <Shell title="Receiving">
        <Loading />
      </Shell>
    );
  }
  return (
    <Shell title="Receiving">
      <Problem error={suppliers.error ?? locations.error} />
      {locations.data && locations.data.items.length === 0 && <Empty>No open location to receive into. An admin adds one on the Locations screen.</Empty>}
      {suppliers.data && activeSuppliers.length === 0 && (
        <Empty>
          No suppliers yet. <a href="/suppliers">Add the supplier</a> this delivery comes from, then receive it here.
        </Empty>
      )}
      {received && <Done>{received}</Done>}
      {activeSuppliers.length > 0 && (
        <form onSubmit={submit} noValidate aria-label="Delivery">
          <div className="form-grid">
            <LocationPicker value={locationId} onChange={setLocationId} label="Receive into" />
            <SelectField id="supplier" label="Supplier" value={chosenSupplier} onChange={(e) => setSupplierId(e.target.value)} error={apiErrors.supplierId}>
              {activeSuppliers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            <Field
              id="reference"
              label="Invoice number"
              hint="Optional; printed on the delivery note."
              value={reference}
              maxLength={128}
              autoComplete="off"
              onChange={(e) => setReference(e.target.value)}
              error={apiErrors.referenceId}
            />
          </div>
          <ProductFinder onPick={(c) => edit(addProduct(lines, c.product, `line-${nextKey.current++}`))} />
          {lines.length === 0 ? (
            <Empty>Add each product on the invoice: search by name or SKU, or type the barcode.</Empty>
          ) : (
            <LinesTable
              lines={lines}
              withCost
              lineErrors={lineErrors}
              onChange={(line) => edit(lines.map((l) => (l.key === line.key ? line : l)))}
              onRemove={(line) => edit(lines.filter((l) => l.key !== line.key))}
            />
          )}
          <p className="totals" aria-label="Totals">
            <span>
              Lines <strong>{lines.length}</strong>
            </span>
            <span>
              Bottles <strong>{totals.bottles}</strong>
            </span>
            <span>
              Cost <strong>{formatCents(totals.cents)}</strong>
            </span>
          </p>
          {tried && problems.length > 0 && (
            <div role="alert" className="error">
              <p>Nothing was received yet. Fix this first:</p>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <Problem error={receive.error} />
          <button type="submit" disabled={receive.isPending}>
            {receive.isPending ? "Receiving…" : `Receive ${totals.bottles} bottle${totals.bottles === 1 ? "" : "s"}`}
          </button>
        </form>
      )}
    </Shell>
  );
}
