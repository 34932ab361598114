/** The heading of a table's actions column: it has no visible words, only a name for screen readers. */
export function ActionsHeading() {
  return (
    <th scope="col">
      <span className="visually-hidden">Actions</span>
    </th>
  );
}

/** Edit and remove a record from its row; the remove button is left out where a record cannot be removed (again). */
export function RowActions({ name, removeLabel, onEdit, onRemove }: { name: string; removeLabel?: string; onEdit: () => void; onRemove: () => void }) {
  return (
    <td>
      <div className="row-actions">
        <button type="button" className="secondary" aria-label={`Edit ${name}`} onClick={onEdit}>
          Edit
        </button>
        {removeLabel && (
          <button type="button" className="secondary" aria-label={`${removeLabel} ${name}`} onClick={onRemove}>
            {removeLabel}
          </button>
        )}
      </div>
    </td>
  );
}
