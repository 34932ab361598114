import { useEffect, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api/client";
import { topicLabels, type MailPreferences, type MailTopic } from "../api/notifications";
import { FormActions } from "../components/FormActions";
import { FormProblem } from "../components/FormProblem";
import { Done, Loading, Problem } from "../components/Status";
import { Shell } from "../layout/Shell";

const path = "/api/v1/users/me/notifications";

/** What the signed-in person receives by mail; every role chooses for themselves. */
export default function Notifications() {
  const queries = useQueryClient();
  const current = useQuery({ queryKey: ["mail-preferences"], queryFn: () => apiFetch<MailPreferences>(path) });
  const [wanted, setWanted] = useState<MailTopic[]>([]);
  useEffect(() => {
    if (current.data) setWanted(current.data.topics);
  }, [current.data]);
  const save = useMutation({
    mutationFn: (topics: MailTopic[] | null) => apiFetch<MailPreferences>(path, { method: "PUT", body: JSON.stringify({ topics }) }),
    onSuccess: (saved) => queries.setQueryData(["mail-preferences"], saved),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(wanted);
  }

  function toggle(topic: MailTopic, on: boolean) {
    setWanted((topics) => (on ? [...topics, topic] : topics.filter((t) => t !== topic)));
  }

  return (
    <Shell title="Notifications">
      {current.isPending && <Loading />}
      {current.error && <Problem error={current.error} />}
      {current.data && (
        <section className="panel" aria-labelledby="mail-title">
          <h2 id="mail-title">Mail me about</h2>
          {!current.data.mailEnabled && (
            <p role="status">This installation sends no mail yet (no SMTP server is configured); your choice is kept for when it does.</p>
          )}
          <form onSubmit={submit} aria-label="Mail me about">
            {current.data.available.map((topic) => (
              <div key={topic} className="check-row">
                <label>
                  <input type="checkbox" checked={wanted.includes(topic)} onChange={(e) => toggle(topic, e.target.checked)} />{" "}
                  <strong>{topicLabels[topic].title}</strong>
                </label>
                <p className="hint">{topicLabels[topic].detail}</p>
              </div>
            ))}
            <p className="hint">{current.data.chosen ? "Your own choice." : "Your role's defaults: admins and managers get everything, staff nothing."}</p>
            <FormProblem error={save.error} />
            {save.isSuccess && <Done>Saved. Mail from now on follows this choice.</Done>}
            <FormActions label="Save" busyLabel="Saving…" busy={save.isPending} />
            {current.data.chosen && (
              <button type="button" className="secondary" onClick={() => save.mutate(null)} disabled={save.isPending}>
                Back to my role's defaults
              </button>
            )}
          </form>
        </section>
      )}
    </Shell>
  );
}
