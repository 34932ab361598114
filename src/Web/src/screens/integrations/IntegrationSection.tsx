import type { ReactNode } from "react";

/** A part of the Integrations screen: its heading with the button that opens its create form, and what it is for. */
export function IntegrationSection({
  id,
  title,
  createLabel,
  adding,
  onCreate,
  intro,
  children,
}: {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  createLabel: string;
  adding: boolean;
  onCreate: () => void;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <div className="bar">
        <h2 id={id}>{title}</h2>
        {!adding && (
          <button type="button" onClick={onCreate}>
            {createLabel}
          </button>
        )}
      </div>
      <p className="muted">{intro}</p>
      {children}
    </section>
  );
}
