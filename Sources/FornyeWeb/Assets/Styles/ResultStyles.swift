/// The barometer's results pages: filters, figures with their tables, withheld cells and
/// significance marks.
enum ResultStyles {
    static let css = """
        .results-filters fieldset { border: 1px solid var(--line); border-radius: var(--ds-border-radius-lg);
          padding: var(--ds-size-2) var(--ds-size-5) var(--ds-size-4); margin: var(--ds-size-4) 0; }
        .results-filters legend { font-weight: var(--ds-font-weight-semibold); padding: 0 var(--ds-size-1); }
        .results-filters label { display: block; font-weight: var(--ds-font-weight-medium); }
        .results-filters select { max-width: 18rem; }
        .results-filters .error-message { display: block; }
        .filter-grid { display: flex; flex-wrap: wrap; gap: 0 var(--ds-size-6); }
        .filter-grid p { margin: var(--ds-size-2) 0; }
        .filters { display: flex; flex-wrap: wrap; gap: 0 var(--ds-size-6); align-items: flex-end; }
        figure.result { margin: var(--ds-size-8) 0; padding-top: var(--ds-size-4); border-top: 1px solid var(--line); }
        figure.result h3 { margin: 0 0 var(--ds-size-1); font-size: var(--ds-font-size-6); }
        .figure-body { display: flex; flex-wrap: wrap; gap: var(--ds-size-4); align-items: flex-start; }
        .figure-body svg { max-width: 100%; height: auto; }
        tr.emphasised th, tr.emphasised td { font-weight: var(--ds-font-weight-semibold); }
        td.suppressed { font-style: italic; color: var(--muted); background: repeating-linear-gradient(45deg,
          var(--ds-color-neutral-background-default), var(--ds-color-neutral-background-default) 4px, var(--bg-soft) 4px,
          var(--bg-soft) 8px); }
        .base { color: var(--muted); }
        .model-tag { font-weight: var(--ds-font-weight-semibold); }
        .sig { padding: 0 var(--ds-size-1); border-radius: var(--ds-border-radius-sm); }
        .sig-higher { background: var(--ds-color-success-background-subtle); color: var(--ds-color-success-text-default);
          border: 1px solid var(--ds-color-success-border-default); }
        .sig-lower { background: var(--ds-color-danger-background-subtle); color: var(--ds-color-danger-text-default);
          border: 1px solid var(--ds-color-danger-border-default); }
        """
}
