/// Designsystemet's tokens (Norway's common design system for public services, by Digdir), light
/// mode of its Digdir theme, under their own `--ds-` names so the stylesheet reads like the
/// system's documentation; values from github.com/digdir/designsystemet (MIT). Only the tokens the
/// site uses are declared. Fornye's older names (`--ink`, `--accent` …) are aliases, so a rule
/// never holds a colour of its own. `DesignTokensTests` checks the text and border contrasts.
enum DesignTokens {
    static let css = """
        :root {
          color-scheme: light;
          --ds-color-accent-background-subtle: #eef4fa;
          --ds-color-accent-surface-default: #d1e3f3;
          --ds-color-accent-surface-hover: #bad5ec;
          --ds-color-accent-border-subtle: #97bfe3;
          --ds-color-accent-border-default: #3885c9;
          --ds-color-accent-border-strong: #014e93;
          --ds-color-accent-base-default: #0163ba;
          --ds-color-accent-base-hover: #015097;
          --ds-color-accent-base-active: #013f75;
          --ds-color-accent-text-subtle: #0163ba;
          --ds-color-accent-text-default: #002d54;
          --ds-color-accent-contrast-default: #ffffff;
          --ds-color-neutral-background-default: #fefefe;
          --ds-color-neutral-background-subtle: #f3f4f5;
          --ds-color-neutral-surface-default: #e1e3e5;
          --ds-color-neutral-surface-hover: #ced1d4;
          --ds-color-neutral-border-subtle: #b8bcc1;
          --ds-color-neutral-border-default: #7a818c;
          --ds-color-neutral-border-strong: #444e5d;
          --ds-color-neutral-text-subtle: #5b6471;
          --ds-color-neutral-text-default: #202c3d;
          --ds-color-success-background-subtle: #edf6ee;
          --ds-color-success-border-default: #229532;
          --ds-color-success-text-subtle: #057315;
          --ds-color-success-text-default: #023409;
          --ds-color-danger-background-subtle: #fbf1f1;
          --ds-color-danger-border-default: #d25b5b;
          --ds-color-danger-base-default: #c01b1b;
          --ds-color-danger-text-subtle: #c22020;
          --ds-color-danger-text-default: #5a0d0d;
          --ds-color-warning-background-subtle: #f9f4e2;
          --ds-color-warning-surface-default: #efe2b3;
          --ds-color-warning-border-default: #987f22;
          --ds-color-warning-text-default: #47220b;
          --ds-color-info-background-subtle: #edf5fa;
          --ds-color-info-border-default: #2f86c9;
          --ds-color-info-text-default: #042d4d;
          --ds-color-focus-inner: #fefefe;
          --ds-color-focus-outer: #002d54;
          --ds-font-family: Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
          --ds-font-weight-regular: 400;
          --ds-font-weight-medium: 500;
          --ds-font-weight-semibold: 600;
          --ds-line-height-sm: 1.3;
          --ds-line-height-md: 1.5;
          --ds-font-size-1: .75rem;
          --ds-font-size-2: .8125rem;
          --ds-font-size-3: .875rem;
          --ds-font-size-4: 1rem;
          --ds-font-size-5: 1.125rem;
          --ds-font-size-6: 1.3125rem;
          --ds-font-size-7: 1.5rem;
          --ds-font-size-8: 1.875rem;
          --ds-font-size-9: 2.25rem;
          --ds-size-unit: .28125rem;
          --ds-size-1: calc(var(--ds-size-unit) * 1);
          --ds-size-2: calc(var(--ds-size-unit) * 2);
          --ds-size-3: calc(var(--ds-size-unit) * 3);
          --ds-size-4: calc(var(--ds-size-unit) * 4);
          --ds-size-5: calc(var(--ds-size-unit) * 5);
          --ds-size-6: calc(var(--ds-size-unit) * 6);
          --ds-size-8: calc(var(--ds-size-unit) * 8);
          --ds-size-10: calc(var(--ds-size-unit) * 10);
          --ds-size-12: calc(var(--ds-size-unit) * 12);
          --ds-border-radius-sm: .125rem;
          --ds-border-radius-md: .25rem;
          --ds-border-radius-lg: .5rem;
          --ds-border-radius-full: 9999px;
          --ds-border-width-focus: 3px;
          --ds-shadow-sm: 0 1px 2px rgba(30, 43, 60, .12), 0 1px 3px rgba(30, 43, 60, .08);
          --ink: var(--ds-color-neutral-text-default);
          --muted: var(--ds-color-neutral-text-subtle);
          --accent: var(--ds-color-accent-base-default);
          --accent-dark: var(--ds-color-accent-base-hover);
          --line: var(--ds-color-neutral-border-subtle);
          --bg-soft: var(--ds-color-neutral-background-subtle);
          --warn-bg: var(--ds-color-warning-background-subtle);
          --warn-ink: var(--ds-color-warning-text-default);
          --warn-line: var(--ds-color-warning-border-default);
          --error: var(--ds-color-danger-text-subtle);
          --ok: var(--ds-color-success-border-default);
        }
        """
}
