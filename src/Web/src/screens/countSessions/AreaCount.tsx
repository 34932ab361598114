import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import { linesOf, type CountSession } from "../../api/countSessions";
import { ActionsHeading } from "../../components/ActionsColumn";
import { ProductFinder } from "../../components/ProductFinder";
import { FormProblem } from "../../components/FormProblem";
import type { Chosen } from "../../forms/menuForms";
import { LineCount } from "./LineCount";

/** One person's area of a count: find a product, count it, see what the area holds so far, and finish the area. */
export function AreaCount({ session, area, productName, onBack }: { session: CountSession; area: string; productName: (id: string) => string; onBack: () => void }) {
  const [product, setProduct] = useState<Chosen | null>(null);
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: ["count-session", session.id] });
  const lines = linesOf(session, area);
  const finish = useMutation({
    mutationFn: () => apiFetch<CountSession>(`/api/v1/count-sessions/${session.id}/areas/${encodeURIComponent(area)}/finish`, { method: "POST" }),
    onSuccess: async () => {
      await refresh();
      onBack();
    },
  });

  return (
    <section aria-labelledby="area-title">
      <h2 id="area-title">Counting {area}</h2>
      {product ? (
        <LineCount
          key={product.id}
          sessionId={session.id}
          area={area}
          product={product}
          counted={lines.find((l) => l.productId === product.id)}
          onSaved={() => {
            setProduct(null);
            void refresh();
          }}
          onCancel={() => setProduct(null)}
        />
      ) : (
        <ProductFinder id="area-product" label="Count a product" verb="Count" onPick={(c) => setProduct({ id: c.product.id, name: c.product.name })} />
      )}
      {lines.length === 0 ? (
        <p className="muted">Nothing counted in {area} yet.</p>
      ) : (
        <table aria-label={`Counted in ${area}`}>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Counted</th>
              <ActionsHeading />
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.productId}>
                <th scope="row">{productName(l.productId)}</th>
                <td data-label="counted">{l.quantity}</td>
                <td>
                  <button type="button" className="secondary" aria-label={`Recount ${productName(l.productId)}`} onClick={() => setProduct({ id: l.productId, name: productName(l.productId) })}>
                    Recount
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormProblem error={finish.error} />
      <div className="form-actions">
        <button type="button" disabled={finish.isPending} onClick={() => finish.mutate()}>
          {finish.isPending ? "Finishing…" : `Finish ${area}`}
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          Back to the areas
        </button>
      </div>
    </section>
  );
}
