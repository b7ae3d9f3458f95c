import type { FormEvent, ReactNode } from 'react';
import { Button } from './Button';
import { Card } from './Card';

export interface EditCardProps {
  title: string;
  lead: string;
  className: string;
  /** The form's test id (for the E2E tests). */
  testId?: string;
  /** The editable table or fields. */
  children: ReactNode;
  /** Runs on Save and on Enter (the browser's own validation is off: the card checks its fields). */
  onSubmit: () => void;
  saveLabel: string;
  saveDisabled: boolean;
  busy: boolean;
  /** Form-level problems shown above the buttons: a rule broken across fields, the last save's failure. */
  errors: readonly (string | null | false | undefined)[];
  /** Buttons before Save (e.g. back to the defaults). */
  actions?: ReactNode;
}

/** A settings card that edits one stored setting: the fields, the form's errors, then [actions] Save. */
export function EditCard({ title, lead, className, testId, children, onSubmit, saveLabel, saveDisabled, busy, errors, actions }: EditCardProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Card title={title} lead={lead} className={className}>
      <form onSubmit={submit} noValidate data-testid={testId}>
        {children}
        {errors.map((error, i) =>
          error ? (
            <p key={i} className="inline-error" role="alert">
              {error}
            </p>
          ) : null,
        )}
        <div className="card-actions">
          {actions}
          <Button type="submit" variant="primary" busy={busy} disabled={saveDisabled}>
            {saveLabel}
          </Button>
        </div>
      </form>
    </Card>
  );
}
