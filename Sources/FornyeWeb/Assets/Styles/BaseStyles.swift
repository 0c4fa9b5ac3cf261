/// The page frame: type, links, focus, the header and footer, headings, tables and figures.
enum BaseStyles {
    static let css = """
        * { box-sizing: border-box; }
        html { font-size: 100%; }
        body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; font-family: var(--ds-font-family); font-size: var(--ds-font-size-5);
          line-height: var(--ds-line-height-md); color: var(--ink); background: var(--ds-color-neutral-background-default); }
        a { color: var(--ds-color-accent-text-subtle); text-underline-offset: .15em; }
        a:hover { color: var(--ds-color-accent-text-default); text-decoration-thickness: 2px; }
        :focus-visible { outline: var(--ds-border-width-focus) solid var(--ds-color-focus-outer); outline-offset: 2px;
          box-shadow: 0 0 0 2px var(--ds-color-focus-inner); }
        .skip-link { position: absolute; left: -999px; top: 0; background: var(--ds-color-neutral-background-default);
          padding: var(--ds-size-2) var(--ds-size-4); z-index: 10; }
        .skip-link:focus { left: var(--ds-size-2); }
        .site-header { display: flex; flex-wrap: wrap; align-items: center; gap: var(--ds-size-2) var(--ds-size-6);
          padding: var(--ds-size-3) var(--ds-size-5); background: var(--ds-color-neutral-background-default);
          border-bottom: 1px solid var(--ds-color-neutral-border-subtle); box-shadow: var(--ds-shadow-sm); }
        .brand { font-weight: var(--ds-font-weight-semibold); font-size: var(--ds-font-size-7); text-decoration: none;
          color: var(--ds-color-accent-text-default); letter-spacing: -.01em; }
        .site-header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: var(--ds-size-1) var(--ds-size-5);
          margin: 0; padding: 0; }
        .site-header nav a { color: var(--ink); text-decoration: none; padding: var(--ds-size-1) 0;
          border-bottom: 3px solid transparent; }
        .site-header nav a:hover { color: var(--ds-color-accent-text-subtle); border-bottom-color: var(--ds-color-accent-border-subtle); }
        .site-header a[aria-current="page"] { font-weight: var(--ds-font-weight-semibold);
          border-bottom-color: var(--ds-color-accent-base-default); }
        .header-tools { margin: 0 0 0 auto; display: flex; flex-wrap: wrap; gap: var(--ds-size-1) var(--ds-size-4);
          align-items: center; min-width: 0; overflow-wrap: anywhere; }
        main { display: block; flex: 1 0 auto; width: 100%; max-width: 72rem; margin: 0 auto; padding: var(--ds-size-5) var(--ds-size-5) var(--ds-size-10); }
        main:focus { outline: none; }
        h1, h2, h3, h4 { font-weight: var(--ds-font-weight-medium); line-height: var(--ds-line-height-sm);
          color: var(--ds-color-neutral-text-default); }
        h1 { font-size: var(--ds-font-size-9); margin: var(--ds-size-6) 0 var(--ds-size-4); letter-spacing: -.005em; }
        h2 { font-size: var(--ds-font-size-7); margin: var(--ds-size-8) 0 var(--ds-size-3); }
        h3 { font-size: var(--ds-font-size-6); margin: var(--ds-size-6) 0 var(--ds-size-2); }
        h4 { font-size: var(--ds-font-size-5); font-weight: var(--ds-font-weight-semibold); }
        .lead { font-size: var(--ds-font-size-6); color: var(--muted); max-width: 48rem; }
        .synthetic-banner { margin: 0; padding: var(--ds-size-3) var(--ds-size-4); background: var(--warn-bg);
          color: var(--warn-ink); border: 1px solid var(--warn-line); border-left-width: 6px;
          border-radius: var(--ds-border-radius-md); }
        .site-footer { border-top: 1px solid var(--line); margin-top: var(--ds-size-12); padding: var(--ds-size-6) var(--ds-size-5);
          color: var(--muted); font-size: var(--ds-font-size-4); background: var(--bg-soft); }
        table { border-collapse: collapse; margin: var(--ds-size-2) 0 var(--ds-size-4); font-size: var(--ds-font-size-4);
          font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: var(--ds-font-weight-semibold); padding: var(--ds-size-1) 0; }
        th, td { border: 0; border-bottom: 1px solid var(--line); padding: var(--ds-size-2) var(--ds-size-3);
          text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ds-color-neutral-border-strong); background: var(--bg-soft);
          font-weight: var(--ds-font-weight-semibold); }
        tbody th { font-weight: var(--ds-font-weight-medium); }
        td.num, th.num { text-align: right; white-space: nowrap; }
        .table-wrap { overflow-x: auto; max-width: 100%; }
        figure { margin: var(--ds-size-6) 0; }
        figure svg { max-width: 100%; height: auto; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden;
          clip: rect(0 0 0 0); white-space: nowrap; }
        .hint { color: var(--muted); margin: var(--ds-size-1) 0; }
        @media (max-width: 40rem) {
          body { font-size: var(--ds-font-size-4); }
          h1 { font-size: var(--ds-font-size-8); }
          h2 { font-size: var(--ds-font-size-6); }
          .lead { font-size: var(--ds-font-size-5); }
          .header-tools { margin-left: 0; }
          main { padding: var(--ds-size-3) var(--ds-size-3) var(--ds-size-8); }
        }
        """
}
