import { useId, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import type { CountLine } from "../../api/countSessions";
import { FormActions } from "../../components/FormActions";
import { FormProblem } from "../../components/FormProblem";
import { OpenBottleInput } from "../../counting/OpenBottleInput";
import { countBody } from "../../counting/openBottle";
import { useBottleCount } from "../../counting/useBottleCount";
import type { Chosen } from "../../forms/menuForms";

/**
 * One product counted in one area: full bottles and the open one (tenths or weight). Counting it again in the same
 * area replaces the line, so a recount is a correction, not an addition.
 */
export function LineCount({ sessionId, area, product, counted, onSaved, onCancel }: {
  sessionId: string;
  area: string;
  product: Chosen;
  /** What this area already holds for the product. */
  counted?: CountLine;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [problem, setProblem] = useState("");
  const { typed, setTyped, whole, open, openProblem, counted: quantity, input } = useBottleCount(product.id, counted ? String(Math.floor(counted.quantity)) : "");
  const save = useMutation({
    mutationFn: (body: object) =>
      apiFetch<CountLine>(`/api/v1/count-sessions/${sessionId}/lines`, { method: "PUT", body: JSON.stringify({ area, productId: product.id, ...body }) }),
    onSuccess: onSaved,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (whole === null) return setProblem("Type the full bottles as a whole number, from 0 to 100000.");
    if (openProblem || quantity === null) return setProblem(openProblem ?? "The open bottle cannot be measured.");
    setProblem("");
    save.mutate(countBody({ quantity, units: open ? whole : undefined, open: open ? [open] : undefined }));
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={`Count ${product.name}`}>
      <h3>{product.name}</h3>
      {counted && <p className="muted">Counted {counted.quantity} here already: saving replaces it.</p>}
      <label htmlFor={`${id}-whole`}>Full bottles</label>
      <input id={`${id}-whole`} className="count-number" type="text" inputMode="numeric" autoComplete="off" value={typed} aria-invalid={typed !== "" && whole === null} onChange={(e) => setTyped(e.target.value)} />
      <OpenBottleInput {...input} />
      <p className="muted" aria-live="polite">
        {quantity === null ? (openProblem ?? "Not a count yet.") : `Counted ${quantity} in ${area}.`}
      </p>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <FormProblem error={save.error} />
      <FormActions label="Save line" busyLabel="Saving…" busy={save.isPending} onCancel={onCancel} />
    </form>
  );
}
