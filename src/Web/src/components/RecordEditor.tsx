import type { ReactNode } from "react";
import { Confirm } from "./Confirm";
import { Done } from "./Status";
import type { RecordEditor } from "./useRecordEditor";

/** The Add button of a list screen's header, shown while nothing else is open and only to who may write. */
export function AddRecordButton<T extends { id: string }>({ editor, canWrite, children }: { editor: RecordEditor<T>; canWrite: boolean; children: ReactNode }) {
  if (!canWrite || editor.editing.kind !== "none") return null;
  return (
    <button type="button" onClick={() => editor.open({ kind: "new" })}>
      {children}
    </button>
  );
}

/** What stands above a list while editing: the last outcome, the open form, or the removal to confirm. */
export function RecordEditorPanels<T extends { id: string }>({
  editor,
  form,
  removeAction,
  removeQuestion,
}: {
  editor: RecordEditor<T>;
  /** The form for a new record (none given) or for this one. */
  form: (current: T | undefined) => ReactNode;
  removeAction: string;
  removeQuestion: (record: T) => ReactNode;
}) {
  const { editing, done, remove } = editor;
  return (
    <>
      {done && <Done>{done}</Done>}
      {(editing.kind === "new" || editing.kind === "edit") && form(editor.current)}
      {editing.kind === "remove" && (
        <Confirm action={removeAction} busy={remove.isPending} error={remove.error} onConfirm={() => remove.mutate(editing.record)} onCancel={editor.close}>
          {removeQuestion(editing.record)}
        </Confirm>
      )}
    </>
  );
}
