/** The filter that brings deactivated records back into a list. */
export function ShowInactive({ noun, checked, onChange }: { noun: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="filters">
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> Show inactive {noun}
      </label>
    </div>
  );
}

/** A record's name, marked when it is deactivated (its row is dimmed by the "inactive" class too). */
export function RecordName({ name, isActive }: { name: string; isActive: boolean }) {
  return (
    <>
      {name}
      {!isActive && <span className="muted"> (inactive)</span>}
    </>
  );
}

export const inactiveRow = (record: { isActive: boolean }) => (record.isActive ? undefined : "inactive");
