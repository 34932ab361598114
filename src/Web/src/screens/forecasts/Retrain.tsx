import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import { Done, Problem } from "../../components/Status";
import { Working } from "../../components/Working";

/** Admins retrain the organisation's demand model now instead of waiting for the weekly run. */
export function Retrain() {
  const queries = useQueryClient();
  const retrain = useMutation({
    mutationFn: () => apiFetch<{ series: number }>("/api/v1/analytics/forecast/retrain", { method: "POST" }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ["reorder"] }),
  });
  return (
    <section aria-labelledby="model-heading">
      <h2 id="model-heading">Demand model</h2>
      <p className="muted">It retrains every week by itself. Retrain now after importing a lot of past sales.</p>
      <button type="button" className="secondary" disabled={retrain.isPending} onClick={() => retrain.mutate()}>
        Retrain now
      </button>
      {retrain.isPending && <Working what="Retraining the demand model on your sales history… this can take a minute or more." />}
      <Problem error={retrain.error} />
      {retrain.isSuccess && <Done>Retrained on {retrain.data.series} product-location sales histories.</Done>}
    </section>
  );
}
