/// Fields, buttons and error messages, after Designsystemet's Textfield, Select, Checkbox, Button
/// and ErrorSummary: a visible border that meets 3:1, the label above the field, errors in red text
/// with a red border, never colour alone.
enum FormStyles {
    static let css = """
        label { display: block; font-weight: var(--ds-font-weight-medium); margin-top: var(--ds-size-3); }
        input, select, textarea, button { font: inherit; }
        input[type=text], input[type=password], input[type=email], input[type=search], input[type=url],
          input[type=number], input[type=date], select, textarea {
          min-height: 2.75rem; padding: var(--ds-size-2) var(--ds-size-3); max-width: 100%;
          border: 1px solid var(--ds-color-neutral-border-default); border-radius: var(--ds-border-radius-md);
          background: var(--ds-color-neutral-background-default); color: var(--ink); }
        input:hover, select:hover, textarea:hover { border-color: var(--ds-color-accent-border-strong); }
        input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"] {
          border: 2px solid var(--ds-color-danger-base-default); }
        button, .button { display: inline-flex; align-items: center; justify-content: center; gap: var(--ds-size-2);
          min-height: 2.75rem; padding: var(--ds-size-2) var(--ds-size-5); font-weight: var(--ds-font-weight-medium);
          background: var(--ds-color-accent-base-default); color: var(--ds-color-accent-contrast-default);
          border: 2px solid transparent; border-radius: var(--ds-border-radius-md); cursor: pointer; text-decoration: none; }
        button:hover, .button:hover { background: var(--ds-color-accent-base-hover); color: var(--ds-color-accent-contrast-default); }
        button:active, .button:active { background: var(--ds-color-accent-base-active); }
        button.secondary, .button.secondary { background: transparent; color: var(--ds-color-accent-text-subtle);
          border-color: var(--ds-color-accent-base-default); }
        button.secondary:hover, .button.secondary:hover { background: var(--ds-color-accent-surface-default);
          color: var(--ds-color-accent-text-default); }
        .link-button { display: inline; min-height: 0; background: none; color: var(--ds-color-accent-text-subtle);
          padding: 0; border: 0; font-weight: inherit; text-decoration: underline; }
        .link-button:hover { background: none; color: var(--ds-color-accent-text-default); }
        .inline-form { display: inline; margin: 0; }
        .error-message { color: var(--error); font-weight: var(--ds-font-weight-medium); }
        .error-summary { border: 2px solid var(--ds-color-danger-border-default); border-left-width: 6px;
          background: var(--ds-color-danger-background-subtle); color: var(--ds-color-danger-text-default);
          border-radius: var(--ds-border-radius-md); padding: var(--ds-size-3) var(--ds-size-5); margin: var(--ds-size-4) 0;
          max-width: 48rem; }
        .error-summary h2 { margin-top: var(--ds-size-1); font-size: var(--ds-font-size-6); color: inherit; }
        .error-summary a { color: var(--ds-color-danger-text-default); font-weight: var(--ds-font-weight-semibold); }
        .has-error { border-left: 4px solid var(--ds-color-danger-base-default); padding-left: var(--ds-size-3); }
        .field-hint { margin: var(--ds-size-1) 0; color: var(--muted); }
        .required { font-weight: var(--ds-font-weight-regular); color: var(--muted); }
        .stacked-form { max-width: 32rem; }
        .stacked-form input[type=text], .stacked-form input[type=email], .stacked-form input[type=password],
          .stacked-form select { width: 100%; }
        .checkbox, .radio { display: flex; gap: var(--ds-size-2); align-items: flex-start; margin: var(--ds-size-1) 0; }
        .checkbox input, .radio input { margin-top: .3rem; flex: none; width: 1.25rem; height: 1.25rem;
          accent-color: var(--ds-color-accent-base-default); }
        .checkbox label, .radio label { display: inline; font-weight: var(--ds-font-weight-regular); margin: 0; }
        .form-actions { display: flex; flex-wrap: wrap; gap: var(--ds-size-3); margin-top: var(--ds-size-8);
          align-items: center; }
        input.short { width: 8rem; }
        .secret { font-family: ui-monospace, monospace; font-size: var(--ds-font-size-6); padding: var(--ds-size-2) var(--ds-size-3);
          background: var(--bg-soft); border: 1px solid var(--line); border-radius: var(--ds-border-radius-md); display: inline-block; }
        textarea.csv { width: 100%; min-height: 6rem; font-family: ui-monospace, monospace; }
        @media (max-width: 40rem) {
          .form-actions button { width: 100%; }
        }
        """
}
