// The reason a person gives with a decision: a labelled text area with its error beside it, the same
// in every form that asks for one (usage decision, withdrawal, approval).
export interface ReasonFieldProps {
  /** The form's id prefix; the text area is `${id}-reason`. */
  id: string;
  label: string;
  /** What the mark after the label says, e.g. "(required)", "(required to reject)". */
  requirement: string;
  required: boolean;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  disabled: boolean;
  testId: string;
  placeholder: string;
  autoFocus?: boolean;
}

export function ReasonField(props: ReasonFieldProps) {
  const inputId = `${props.id}-reason`;
  const errorId = `${inputId}-error`;
  return (
    <div className="form-field">
      <label htmlFor={inputId}>
        {props.label} <span className="required-mark">{props.requirement}</span>
      </label>
      <textarea
        id={inputId}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        rows={3}
        maxLength={1000}
        required={props.required}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        disabled={props.disabled}
        autoFocus={props.autoFocus}
        data-testid={props.testId}
        placeholder={props.placeholder}
      />
      {props.error && (
        <p className="field-error" id={errorId} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
