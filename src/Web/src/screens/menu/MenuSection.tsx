import type { ReactNode } from "react";
import { AddRecordButton } from "../../components/RecordEditor";
import type { RecordEditor } from "../../components/useRecordEditor";

/** One part of the Menu screen: its heading with the button that adds to it, then its editor and list. */
export function MenuSection<T extends { id: string }>({ id, title, editor, addLabel, children }: { id: string; title: string; editor: RecordEditor<T>; addLabel: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="section-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <AddRecordButton editor={editor} canWrite>
          {addLabel}
        </AddRecordButton>
      </div>
      {children}
    </section>
  );
}
