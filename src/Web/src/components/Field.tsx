import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import "./Field.css";

// A labelled input with its problem under it, tied together for screen readers (aria-describedby).

interface Labelled {
  id: string;
  label: string;
  error?: string;
  hint?: string;
}

function described(id: string, error?: string, hint?: string) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

function Frame({ id, label, error, hint, children }: Labelled & { children: ReactNode }) {
  return (
    <div className={error ? "field invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

export function Field({ id, label, error, hint, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <input {...input} {...described(id, error, hint)} />
    </Frame>
  );
}

export function SelectField({ id, label, error, hint, children, ...select }: Labelled & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <select {...select} {...described(id, error, hint)}>
        {children}
      </select>
    </Frame>
  );
}

export function TextAreaField({ id, label, error, hint, ...area }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <textarea {...area} {...described(id, error, hint)} />
    </Frame>
  );
}

/** Plain text inputs for a list of fields (a supplier's or location's name, address, phone). */
export function TextFields({
  prefix,
  fields,
  values,
  errors,
  onChange,
}: {
  prefix: string;
  fields: { name: string; label: string; max: number; autoComplete?: string }[];
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange: (name: string, value: string) => void;
}) {
  return (
    <>
      {fields.map((f) => (
        <Field
          key={f.name}
          id={`${prefix}-${f.name}`}
          label={f.label}
          value={values[f.name] ?? ""}
          maxLength={f.max}
          autoComplete={f.autoComplete ?? "off"}
          type={f.name === "email" ? "email" : f.name === "phone" ? "tel" : "text"}
          error={errors[f.name]}
          onChange={(e) => onChange(f.name, e.target.value)}
        />
      ))}
    </>
  );
}
