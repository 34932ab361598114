import type { LineDraft } from "../forms/movementLines";
import { lineCents } from "../forms/movementLines";
import { formatCents } from "../forms/money";
import "./Field.css";
import "./Movement.css";

/**
 * The lines of a delivery or a transfer, each editable: quantity, and for receiving the unit cost and line total;
 * for a transfer the on-hand figure at the source.
 */
export function LinesTable({
  lines,
  onChange,
  onRemove,
  withCost,
  onHand,
  lineErrors = {},
}: {
  lines: LineDraft[];
  onChange: (line: LineDraft) => void;
  onRemove: (line: LineDraft) => void;
  withCost: boolean;
  onHand?: (productId: string) => number | undefined;
  lineErrors?: Record<string, string>;
}) {
  return (
    <table className="lines" aria-label="Lines">
      <thead>
        <tr>
          <th scope="col">Product</th>
          {onHand && (
            <th scope="col" className="num">
              On hand
            </th>
          )}
          <th scope="col">Bottles</th>
          {withCost && <th scope="col">Unit cost</th>}
          {withCost && (
            <th scope="col" className="num">
              Line total
            </th>
          )}
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const cents = lineCents(line);
          const error = lineErrors[line.key];
          const here = onHand?.(line.product.id);
          return (
            <tr key={line.key} data-product-id={line.product.id}>
              <td className="product">
                {line.product.name}
                <br />
                <span className="muted">{line.product.sku}</span>
                {error && (
                  <small id={`line-${line.key}-error`} className="field-error" style={{ display: "block" }}>
                    {error}
                  </small>
                )}
              </td>
              {onHand && (
                <td className="num" data-title="On hand" data-label="on-hand">
                  {here === undefined ? "…" : here}
                </td>
              )}
              <td data-title="Bottles">
                <input
                  aria-label={`Bottles of ${line.product.name}`}
                  inputMode="numeric"
                  value={line.quantity}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `line-${line.key}-error` : undefined}
                  onChange={(e) => onChange({ ...line, quantity: e.target.value })}
                />
              </td>
              {withCost && (
                <td data-title="Unit cost">
                  <input aria-label={`Unit cost of ${line.product.name}`} inputMode="decimal" value={line.unitCost} onChange={(e) => onChange({ ...line, unitCost: e.target.value })} />
                </td>
              )}
              {withCost && (
                <td className="num" data-title="Line total">
                  {cents === null ? "—" : formatCents(cents)}
                </td>
              )}
              <td>
                <button type="button" className="secondary remove" aria-label={`Remove ${line.product.name}`} onClick={() => onRemove(line)}>
                  Remove
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
