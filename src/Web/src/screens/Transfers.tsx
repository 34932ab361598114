import { useRef, useState, type FormEvent } from "react";
import { useMutation, useQueries, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiFetch } from "../api/client";
import type { MovementReceipt } from "../api/ledger";
import type { InventoryItem } from "../api/types";
import { Shell } from "../layout/Shell";
import { LocationOptions, LocationPicker, useLocationChoice, useLocations } from "../components/LocationPicker";
import { SelectField } from "../components/Field";
import { LinesTable } from "../components/LinesTable";
import { ProductFinder } from "../components/ProductFinder";
import { Done, Empty, Loading } from "../components/Status";
import { addProduct, lineOfField, linesProblems, movementLines, shortageExplained, shortAtSource, type LineDraft } from "../forms/movementLines";
import { fieldErrorsOf } from "../forms/fieldErrors";
import { SubmissionKey } from "../forms/submissionKey";

interface TransferBody {
  fromLocationId: string;
  toLocationId: string;
  items: ReturnType<typeof movementLines>;
}

/** Where each product of the lines is stocked now, so the source's on-hand shows beside each line. */
function useStockOf(productIds: string[]) {
  const results = useQueries({
    queries: productIds.map((id) => ({
      queryKey: ["stock-of", id],
      queryFn: () => apiFetch<{ locations: InventoryItem[] }>(`/api/v1/inventory/products/${id}`),
      staleTime: 10_000,
    })),
  });
  return (productId: string, locationId: string): number | undefined => {
    const index = productIds.indexOf(productId);
    const data = index >= 0 ? results[index]?.data : undefined;
    if (!data) return undefined;
    return data.locations.find((l) => l.locationId === locationId)?.quantity ?? 0;
  };
}

export default function Transfers() {
  const locations = useLocations();
  const [fromId, setFromId] = useLocationChoice();
  const [toPicked, setToPicked] = useState("");
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [tried, setTried] = useState(false);
  const [moved, setMoved] = useState<string | null>(null);
  const submission = useRef(new SubmissionKey());
  const nextKey = useRef(0);
  const queries = useQueryClient();

  const open = locations.data?.items ?? [];
  const others = open.filter((l) => l.id !== fromId);
  const toId = others.some((l) => l.id === toPicked) ? toPicked : (others[0]?.id ?? "");
  const nameOf = (id: string) => open.find((l) => l.id === id)?.name ?? "that location";
  const stockOf = useStockOf(lines.map((l) => l.product.id));
  const onHand = (productId: string) => stockOf(productId, fromId);

  const transfer = useMutation({
    mutationFn: (body: TransferBody) =>
      apiFetch<MovementReceipt>("/api/v1/transactions/transfers", {
        method: "POST",
        body: JSON.stringify(body),
        idempotencyKey: submission.current.for(JSON.stringify(body)),
      }),
    onSuccess: (_receipt, body) => {
      submission.current.settle();
      const bottles = body.items.reduce((sum, i) => sum + i.quantity, 0);
      setMoved(`Moved ${bottles} bottle${bottles === 1 ? "" : "s"} from ${nameOf(body.fromLocationId)} to ${nameOf(body.toLocationId)}.`);
      setLines([]);
      setTried(false);
      void queries.invalidateQueries({ queryKey: ["inventory"] });
      void queries.invalidateQueries({ queryKey: ["stock-of"] });
      void queries.invalidateQueries({ queryKey: ["ledger"] });
    },
    onError: () => void queries.invalidateQueries({ queryKey: ["stock-of"] }),
  });

  const problems = linesProblems(lines, { withCost: false });
  const lineNotes: Record<string, string> = {};
  for (const line of lines) {
    const warning = shortAtSource(line, onHand(line.product.id));
    if (warning) lineNotes[line.key] = warning;
  }
  for (const [field, message] of Object.entries(fieldErrorsOf(transfer.error))) {
    const line = lineOfField(field, lines);
    if (line) lineNotes[line.key] = message;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setMoved(null);
    if (problems.length > 0 || !fromId || !toId) return;
    transfer.mutate({ fromLocationId: fromId, toLocationId: toId, items: movementLines(lines, false) });
  }

  function edit(next: LineDraft[]) {
    setLines(next);
    setMoved(null);
  }

  if (locations.isLoading) {
    return (
      <Shell title="Transfers">
        <Loading />
      </Shell>
    );
  }
  return (
    <Shell title="Transfers">
      {locations.error && <p className="error" role="alert">{locations.error.message}</p>}
      {locations.data && others.length === 0 && (
        <Empty>A transfer needs two open locations. An admin adds the second one on the Locations screen.</Empty>
      )}
      {moved && <Done>{moved}</Done>}
      {others.length > 0 && (
        <form onSubmit={submit} noValidate aria-label="Transfer">
          <div className="form-grid">
            <LocationPicker id="from-location" label="From" value={fromId} onChange={setFromId} />
            <SelectField id="to-location" label="To" value={toId} onChange={(e) => setToPicked(e.target.value)}>
              <LocationOptions locations={others} />
            </SelectField>
          </div>
          <ProductFinder locationId={fromId} onPick={(c) => edit(addProduct(lines, c.product, `line-${nextKey.current++}`))} />
          {lines.length === 0 ? (
            <Empty>Add what you are moving: search by name or SKU, or type the barcode.</Empty>
          ) : (
            <LinesTable
              lines={lines}
              withCost={false}
              onHand={onHand}
              lineErrors={lineNotes}
              onChange={(line) => edit(lines.map((l) => (l.key === line.key ? line : l)))}
              onRemove={(line) => edit(lines.filter((l) => l.key !== line.key))}
            />
          )}
          {tried && problems.length > 0 && (
            <div role="alert" className="error">
              <p>Nothing was moved yet. Fix this first:</p>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          {transfer.error && (
            <p role="alert" className="error">
              {transfer.error instanceof ApiError && transfer.error.code === "INSUFFICIENT_STOCK"
                ? shortageExplained(transfer.error.message, nameOf(fromId))
                : transfer.error.message}
            </p>
          )}
          <button type="submit" disabled={transfer.isPending}>
            {transfer.isPending ? "Moving…" : `Move to ${nameOf(toId)}`}
          </button>
        </form>
      )}
    </Shell>
  );
}
