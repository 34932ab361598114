import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import { parseAreas, type CountSession } from "../../api/countSessions";
import { Field, TextAreaField } from "../../components/Field";
import { FormActions } from "../../components/FormActions";
import { FormProblem } from "../../components/FormProblem";

/** Opens a count of the location as of now, with its areas in shelf order (one area, Main, when none are typed). */
export function NewSession({ locationId, onOpened }: { locationId: string; onOpened: (session: CountSession) => void }) {
  const [name, setName] = useState("");
  const [areas, setAreas] = useState("");
  const open = useMutation({
    mutationFn: () => {
      const typed = parseAreas(areas);
      return apiFetch<CountSession>("/api/v1/count-sessions", {
        method: "POST",
        body: JSON.stringify({ locationId, name: name.trim() || undefined, areas: typed.length > 0 ? typed : undefined }),
      });
    },
    onSuccess: onOpened,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    open.mutate();
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-label="Open a count session">
      <h2>Open a count</h2>
      <div className="form-grid">
        <Field id="session-name" label="Name (optional)" maxLength={100} placeholder="Monday close" value={name} onChange={(e) => setName(e.target.value)} />
        <TextAreaField
          id="session-areas"
          label="Areas"
          hint="One per line or separated by commas, in shelf order. Each is counted and finished on its own."
          rows={3}
          placeholder={"Back bar\nWell\nCellar"}
          value={areas}
          onChange={(e) => setAreas(e.target.value)}
        />
      </div>
      <p className="muted">The count is of the stock as of now: sales rung while you count stay sold.</p>
      <FormProblem error={open.error} />
      <FormActions label="Open count" busyLabel="Opening…" busy={open.isPending} />
    </form>
  );
}
