/// The site's one style sheet, served from `/assets/fornye.css` so the Content-Security-Policy
/// can forbid inline styles. Colours meet WCAG 2.1 AA contrast (4.5:1 for text) on white.
enum StyleSheet {
    static let css = """
        :root { --ink: #1a1a1a; --muted: #4a4a4a; --accent: #0b5394; --accent-dark: #073763; --warn-bg: #fff4ce;
          --warn-ink: #5c4400; --line: #c8c8c8; --bg-soft: #f3f5f8; --error: #a4000f; --ok: #1e6b30; }
        * { box-sizing: border-box; }
        html { font-size: 100%; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
          color: var(--ink); background: #fff; }
        a { color: var(--accent); }
        a:hover { color: var(--accent-dark); }
        :focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
        .skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
        .skip-link:focus { left: .5rem; }
        .site-header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .75rem 1rem;
          border-bottom: 1px solid var(--line); background: var(--bg-soft); }
        .brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--ink); }
        .site-header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
        .site-header a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
        .header-tools { margin: 0 0 0 auto; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center;
          min-width: 0; overflow-wrap: anywhere; }
        main { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem; }
        main:focus { outline: none; }
        h1 { font-size: 1.9rem; line-height: 1.2; }
        .lead { font-size: 1.15rem; color: var(--muted); max-width: 48rem; }
        .synthetic-banner { margin: 0; padding: .6rem 1rem; background: var(--warn-bg); color: var(--warn-ink);
          border-bottom: 2px solid #b38600; }
        .site-footer { border-top: 1px solid var(--line); margin-top: 3rem; padding: 1rem; color: var(--muted);
          font-size: .95rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; }
        .table-wrap { overflow-x: auto; max-width: 100%; }
        figure { margin: 1.5rem 0; }
        figure svg { max-width: 100%; height: auto; }
        label { display: block; font-weight: 600; margin-top: .75rem; }
        input, select, textarea, button { font: inherit; }
        input[type=text], input[type=password], input[type=email], input[type=search], input[type=url], select,
          textarea {
          padding: .4rem; border: 1px solid #6b6b6b; border-radius: 3px; max-width: 100%; }
        button, .button { display: inline-block; padding: .45rem 1rem; background: var(--accent); color: #fff;
          border: 0; border-radius: 3px; cursor: pointer; text-decoration: none; }
        button:hover, .button:hover { background: var(--accent-dark); color: #fff; }
        .error-message { color: var(--error); font-weight: 600; }
        .notice { padding: .6rem 1rem; background: var(--bg-soft); border-left: 4px solid var(--accent); }
        .similar-live { margin: 1rem 0; }
        .similar-status { color: var(--muted); font-style: italic; margin: .5rem 0; }
        .similar-status[hidden] { display: none; }
        .similar-none { color: var(--muted); margin: .5rem 0 1rem; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden;
          clip: rect(0 0 0 0); white-space: nowrap; }
        .tag { font-weight: 700; color: var(--warn-ink); }
        .analyst-notice { background: var(--warn-bg); color: var(--warn-ink); border-left-color: #b38600; }
        .results-filters fieldset { border: 1px solid var(--line); padding: .5rem 1rem; margin: 1rem 0; }
        .results-filters legend { font-weight: 600; padding: 0 .25rem; }
        .filter-grid { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
        .filter-grid p { margin: .4rem 0; }
        .results-filters label { display: block; font-weight: 600; }
        .results-filters select { font: inherit; padding: .2rem; max-width: 18rem; }
        .hint { color: var(--muted); margin: .25rem 0; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        .facts dt { font-weight: 600; }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        .toc ol { columns: 2; }
        figure.result { margin: 2rem 0; padding-top: 1rem; border-top: 1px solid var(--line); }
        figure.result h3 { margin: 0 0 .25rem; font-size: 1.15rem; }
        .figure-body { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
        .figure-body svg { max-width: 100%; height: auto; }
        .table-wrap { overflow-x: auto; max-width: 100%; }
        td.num, th.num { text-align: right; }
        tr.emphasised th, tr.emphasised td { font-weight: 700; }
        td.suppressed { font-style: italic; color: var(--muted); background: repeating-linear-gradient(45deg, #fff,
          #fff 4px, var(--bg-soft) 4px, var(--bg-soft) 8px); }
        .base { color: var(--muted); }
        .notes { font-size: .95rem; color: var(--muted); }
        .downloads { margin: .25rem 0; }
        .error-summary { border: 3px solid var(--error); padding: .5rem 1rem; margin: 1rem 0; }
        .error-summary h2 { margin-top: 0; font-size: 1.2rem; }
        .results-filters .error-message { display: block; }
        .results-filters select[aria-invalid="true"] { border: 2px solid var(--error); }
        .inline-form { display: inline; margin: 0; }
        .link-button { background: none; color: var(--accent); padding: 0; text-decoration: underline; }
        .link-button:hover { background: none; color: var(--accent-dark); }
        .field-hint { margin: .1rem 0; color: var(--muted); }
        .stacked-form { max-width: 32rem; }
        .stacked-form input[type=text], .stacked-form input[type=email], .stacked-form input[type=password],
          .stacked-form select { width: 100%; }
        .secret { font-family: ui-monospace, monospace; font-size: 1.15rem; padding: .4rem .6rem;
          background: var(--bg-soft); border: 1px solid var(--line); display: inline-block; }
        .filters { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-end; }
        .pagination { display: flex; gap: 1rem; list-style: none; padding: 0; }
        .project-search > label { display: inline-block; margin: .5rem .5rem 0 0; }
        .project-search > select { margin-right: .75rem; }
        .project-search > input + label { margin-left: .5rem; }
        .project-search input[type=search] { width: min(28rem, 100%); }
        .search-layout { display: grid; grid-template-columns: 16rem minmax(0, 1fr); gap: 2rem;
          margin-top: 1.5rem; align-items: start; }
        .facets { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 4px; padding: .25rem 1rem 1rem; }
        .facets h2 { font-size: 1.15rem; }
        .facets > summary { cursor: pointer; padding: .5rem 0; }
        .facets > summary h2 { display: inline; margin: 0; }
        .facets-heading { display: none; }
        /* Wide screens: the filters are a side column, always shown; a narrow screen folds them. */
        @supports selector(::details-content) {
          @media (min-width: 48.01rem) {
            details.facets::details-content { content-visibility: visible; block-size: auto; }
            details.facets > summary { display: none; }
            .facets-heading { display: block; }
          }
        }
        .facets fieldset { border: 0; margin: 0 0 .75rem; padding: 0; min-width: 0; }
        .facets legend { font-weight: 700; padding: .4rem 0 .1rem; width: 100%; border-bottom: 1px solid var(--line); }
        .checkbox, .radio { display: flex; gap: .4rem; align-items: flex-start; margin: .2rem 0; }
        .checkbox input, .radio input { margin-top: .3rem; flex: none; width: 1.1rem; height: 1.1rem; }
        .checkbox label, .radio label { display: inline; font-weight: 400; margin: 0; }
        .results > h2 { margin-top: 0; }
        .project-list { list-style: none; padding: 0; margin: 0 0 1.5rem; display: grid; gap: .75rem; }
        .project-card { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 4px;
          padding: .75rem 1rem; background: #fff; }
        .project-card h3 { margin: 0 0 .25rem; font-size: 1.1rem; line-height: 1.3; }
        .project-card h3 a { text-decoration: none; }
        .project-card h3 a:hover, .project-card h3 a:focus-visible { text-decoration: underline; }
        .project-card p { margin: .25rem 0; max-width: 48rem; }
        .project-meta { color: var(--muted); font-size: .95rem; }
        .project-source { display: block; color: var(--muted); font-size: .9rem; }
        .tag { display: inline-block; margin-left: .4rem; padding: 0 .45rem; border: 1px solid currentColor;
          border-radius: 3px; font-size: .85rem; font-weight: 600; color: var(--ink); background: var(--bg-soft); }
        strong.tag { color: var(--warn-ink); background: var(--warn-bg); }
        .project-facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .3rem 1.25rem;
          margin: 1rem 0; }
        .project-facts dt { font-weight: 700; }
        .project-facts dd { margin: 0; }
        .project-facts dd p { margin: 0 0 .3rem; }
        .unknown { color: var(--muted); font-style: italic; }
        .workflow { padding: .5rem 1rem 1rem; border: 1px solid var(--line); border-radius: 4px; margin: 1rem 0; }
        .workflow h2 { font-size: 1.1rem; }
        .workflow form { display: inline-block; margin: .25rem .5rem .25rem 0; }
        .completeness { padding: .5rem 1rem; background: var(--bg-soft); border-left: 4px solid var(--ok); }
        .completeness progress, .completeness meter { width: min(20rem, 100%); height: 1.1rem; }
        .project-form fieldset { border: 1px solid var(--line); border-radius: 4px; padding: .5rem 1rem 1rem;
          margin: 1.25rem 0; }
        .project-form legend { font-weight: 700; font-size: 1.15rem; padding: 0 .4rem; }
        .project-form textarea { width: 100%; min-height: 6rem; }
        .project-form input[type=text], .project-form input[type=url], .project-form input[type=email],
          .project-form select { width: min(36rem, 100%); }
        .form-actions { margin-top: 1.25rem; display: flex; flex-wrap: wrap; gap: .75rem; }
        .error-summary { border: 3px solid var(--error); padding: .5rem 1rem; margin: 1rem 0; }
        .error-summary a { color: var(--error); }
        button.secondary, .button.secondary { background: #fff; color: var(--accent); border: 2px solid var(--accent); }
        .pagination a, .pagination span { padding: .2rem .4rem; }
        @media (max-width: 48rem) {
          .search-layout { grid-template-columns: minmax(0, 1fr); gap: 1rem; }
          .project-facts { grid-template-columns: minmax(0, 1fr); }
          .project-facts dd { margin-bottom: .5rem; }
        }
        @media (max-width: 40rem) {
          h1 { font-size: 1.5rem; }
          .header-tools { margin-left: 0; }
        }
        .progress { color: var(--muted); font-weight: 600; display: flex; gap: .75rem; align-items: center; }
        .progress progress { width: 10rem; max-width: 40%; }
        fieldset { border: 0; padding: 0; margin: 1.25rem 0; min-width: 0; }
        legend { font-weight: 600; padding: 0; max-width: 48rem; }
        .question { margin: 1.5rem 0; max-width: 48rem; }
        .question-note { max-width: 48rem; padding: .6rem 1rem; background: var(--bg-soft); }
        .hint { color: var(--muted); margin: .25rem 0; }
        .required { font-weight: 400; color: var(--muted); }
        .choice { display: flex; align-items: flex-start; gap: .5rem; margin: .35rem 0; }
        .choice input { width: 1.35rem; height: 1.35rem; margin: .1rem 0 0; flex: none; }
        .choice label { font-weight: 400; margin: 0; }
        .grid-row { border-top: 1px solid var(--line); padding-top: .75rem; margin: .75rem 0; }
        .grid-choices { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .25rem 1rem; }
        .has-error { border-left: 4px solid var(--error); padding-left: .75rem; }
        .error-summary { border: 3px solid var(--error); padding: .5rem 1rem; margin: 1rem 0; max-width: 48rem; }
        .error-summary h2 { margin-top: .25rem; font-size: 1.2rem; }
        .error-summary a { color: var(--error); font-weight: 600; }
        input.short { width: 8rem; }
        .form-actions { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 2rem; align-items: center; }
        .wave-form input[type=text], .wave-form input[type=email], .wave-form textarea, .wave-form select {
          width: min(36rem, 100%); }
        .wave-form input.short { width: 8rem; }
        .wave-form fieldset.group { border: 1px solid var(--line); border-radius: 4px; padding: .25rem 1rem 1rem;
          max-width: 40rem; }
        .wave-form fieldset.group legend { padding: 0 .4rem; }
        .links-table .action { white-space: nowrap; }
        button.secondary, .button.secondary { background: #fff; color: var(--accent); border: 2px solid var(--accent); }
        button.secondary:hover { background: var(--bg-soft); color: var(--accent-dark); }
        .review-list dt { font-weight: 600; margin-top: .5rem; }
        .review-list dd { margin: 0 0 .25rem 0; }
        .review-section { border-top: 1px solid var(--line); margin-top: 1rem; }
        .stat-grid { display: flex; flex-wrap: wrap; gap: 1rem; }
        .stat-grid p { margin: 0; padding: .5rem 1rem; background: var(--bg-soft); }
        .stat-grid strong { display: block; font-size: 1.4rem; }
        textarea.csv { width: 100%; min-height: 6rem; font-family: monospace; }
        .facet-count { display: inline-block; margin-left: .4rem; padding: 0 .45rem; border: 1px solid var(--muted);
          border-radius: 1rem; font-size: .85rem; color: var(--ink); background: #fff; font-variant-numeric: tabular-nums; }
        fieldset.row-group { border: 1px solid var(--line); margin: .75rem 0; padding: .25rem 1rem .5rem; }
        .attachment-form { margin: .75rem 0 1.5rem; padding: .75rem 1rem; border: 1px dashed var(--muted); max-width: 48rem; }
        .reuse-layout { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
        .reuse-layout figure { margin: 0; flex: 0 1 26rem; }
        .reuse-layout figcaption { font-size: .95rem; color: var(--muted); max-width: 26rem; }
        .reuse-tables { flex: 1 1 24rem; min-width: 0; overflow-x: auto; }
        .methodology summary { font-weight: 600; cursor: pointer; }
        .model-tag { font-weight: 600; }
        .sig { padding: 0 .25rem; border-radius: 3px; }
        .sig-higher { background: #e5f2e5; color: #1b5e20; border: 1px solid #1b5e20; }
        .sig-lower { background: #fbe9e7; color: #8e1b0e; border: 1px solid #8e1b0e; }
        .peer-list { columns: 14rem; padding-left: 1.2rem; }
        .county-map { max-width: 100%; height: auto; }
        .county-map a:focus rect { stroke-width: 4; stroke: #000; }
        .selftest-table { margin: 1rem 0 1.5rem; }
        .selftest-dotplot { margin: 1rem 0; max-width: 44rem; }
        @media print {
          header, nav, footer, .no-print, .skip-link { display: none !important; }
          body { color: #000; background: #fff; }
          .selftest-table, .selftest-dotplot { break-inside: avoid; }
          a[href^="/"]::after { content: ""; }
        }
        @media (max-width: 40rem) {
          .facts { grid-template-columns: minmax(0, 1fr); }
          .facts dd { margin-bottom: .5rem; }
          .grid-choices { grid-template-columns: 1fr; }
          .form-actions button { width: 100%; }
        }
        """
}
