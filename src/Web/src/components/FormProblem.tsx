import { ApiError } from "../api/client";
import { Problem } from "./Status";
import { problemLines } from "./problemLines";
import "./FormProblem.css";

/** A refusal shown next to the form it concerns: every problem the Api named, one per line. */
export function FormProblem({ error }: { error: unknown }) {
  if (!error) return null;
  const lines = error instanceof ApiError && error.code === "VALIDATION_FAILED" ? problemLines(error.message) : [];
  if (lines.length === 0) return <Problem error={error} />;
  if (lines.length === 1) return <Problem error={lines[0]} />;
  return (
    <div role="alert" className="error form-problem">
      <p>Please fix {lines.length} things:</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
