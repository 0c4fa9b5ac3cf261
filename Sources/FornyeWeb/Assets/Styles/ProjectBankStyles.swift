/// Prosjektbanken: the search with its filter column, project cards, the project page and its form.
enum ProjectBankStyles {
    static let css = """
        .similar-live { margin: var(--ds-size-4) 0; }
        .similar-status { color: var(--muted); font-style: italic; margin: var(--ds-size-2) 0; }
        .similar-status[hidden] { display: none; }
        .similar-none { color: var(--muted); margin: var(--ds-size-2) 0 var(--ds-size-4); }
        .project-search > label { display: inline-block; margin: var(--ds-size-2) var(--ds-size-2) 0 0; }
        .project-search > select { margin-right: var(--ds-size-3); }
        .project-search > input + label { margin-left: var(--ds-size-2); }
        .project-search input[type=search] { width: min(28rem, 100%); }
        .search-layout { display: grid; grid-template-columns: 18rem minmax(0, 1fr); gap: var(--ds-size-8);
          margin-top: var(--ds-size-6); align-items: start; }
        .facets { background: var(--bg-soft); border: 1px solid var(--line); border-radius: var(--ds-border-radius-lg);
          padding: var(--ds-size-1) var(--ds-size-4) var(--ds-size-4); font-size: var(--ds-font-size-4); }
        .facets h2 { font-size: var(--ds-font-size-6); }
        .facets > summary { cursor: pointer; padding: var(--ds-size-2) 0; }
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
        .facets fieldset { border: 0; margin: 0 0 var(--ds-size-3); padding: 0; min-width: 0; }
        .facets legend { font-weight: var(--ds-font-weight-semibold); padding: var(--ds-size-2) 0 var(--ds-size-1); width: 100%;
          border-bottom: 1px solid var(--line); }
        .facet-count { display: inline-block; margin-left: var(--ds-size-2); padding: 0 var(--ds-size-2);
          border: 1px solid var(--ds-color-neutral-border-default); border-radius: var(--ds-border-radius-full);
          font-size: var(--ds-font-size-3); color: var(--ink); background: var(--ds-color-neutral-background-default);
          font-variant-numeric: tabular-nums; }
        .results > h2 { margin-top: 0; }
        .project-list { list-style: none; padding: 0; margin: 0 0 var(--ds-size-6); display: grid; gap: var(--ds-size-3); }
        .project-card { border: 1px solid var(--line); border-radius: var(--ds-border-radius-lg); padding: var(--ds-size-4) var(--ds-size-5);
          background: var(--ds-color-neutral-background-default); box-shadow: var(--ds-shadow-sm); }
        .project-card:hover { border-color: var(--ds-color-accent-border-default); }
        .project-card h3 { margin: 0 0 var(--ds-size-1); font-size: var(--ds-font-size-6); line-height: var(--ds-line-height-sm); }
        .project-card h3 a { text-decoration: none; }
        .project-card h3 a:hover, .project-card h3 a:focus-visible { text-decoration: underline; }
        .project-card p { margin: var(--ds-size-1) 0; max-width: 48rem; }
        .project-meta { color: var(--muted); font-size: var(--ds-font-size-4); }
        .project-source { display: block; color: var(--muted); font-size: var(--ds-font-size-3); }
        .project-facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: var(--ds-size-1) var(--ds-size-5);
          margin: var(--ds-size-4) 0; }
        .project-facts dt { font-weight: var(--ds-font-weight-semibold); }
        .project-facts dd { margin: 0; }
        .project-facts dd p { margin: 0 0 var(--ds-size-1); }
        .completeness { padding: var(--ds-size-2) var(--ds-size-5); background: var(--ds-color-success-background-subtle);
          border: 1px solid var(--ds-color-success-border-default); border-left-width: 6px; border-radius: var(--ds-border-radius-md); }
        .completeness progress, .completeness meter { width: min(20rem, 100%); height: 1.1rem; }
        .project-form fieldset { border: 1px solid var(--line); border-radius: var(--ds-border-radius-lg);
          padding: var(--ds-size-2) var(--ds-size-5) var(--ds-size-4); margin: var(--ds-size-6) 0; }
        .project-form legend { font-weight: var(--ds-font-weight-semibold); font-size: var(--ds-font-size-6); padding: 0 var(--ds-size-2); }
        .project-form textarea { width: 100%; min-height: 6rem; }
        .project-form input[type=text], .project-form input[type=url], .project-form input[type=email],
          .project-form select { width: min(36rem, 100%); }
        fieldset.row-group { border: 1px solid var(--line); border-radius: var(--ds-border-radius-md); margin: var(--ds-size-3) 0;
          padding: var(--ds-size-1) var(--ds-size-4) var(--ds-size-2); }
        .attachment-form { margin: var(--ds-size-3) 0 var(--ds-size-6); padding: var(--ds-size-3) var(--ds-size-4);
          border: 1px dashed var(--ds-color-neutral-border-default); border-radius: var(--ds-border-radius-md); max-width: 48rem; }
        .reuse-layout { display: flex; flex-wrap: wrap; gap: var(--ds-size-6); align-items: flex-start; }
        .reuse-layout figure { margin: 0; flex: 0 1 26rem; }
        .reuse-layout figcaption { font-size: var(--ds-font-size-4); color: var(--muted); max-width: 26rem; }
        .reuse-tables { flex: 1 1 24rem; min-width: 0; overflow-x: auto; }
        @media (max-width: 48rem) {
          .search-layout { grid-template-columns: minmax(0, 1fr); gap: var(--ds-size-3); margin-top: var(--ds-size-3); }
          /* A phone: «Sorter etter», its select and «Søk» share one line, so the first result is on
             the first screen (issue 20 item 16; scripts/walkthrough/project.py measures it at 390 px). */
          .project-search { display: flex; flex-wrap: wrap; align-items: center; }
          .project-search > label[for=q], .project-search > input[type=search], .project-search > .checkbox,
          .project-search > .search-layout { flex: 1 1 100%; }
          .project-search > input + label { margin-left: 0; }
          .project-search > select { flex: 0 1 auto; min-width: 0; margin-right: var(--ds-size-2); }
          .project-facts { grid-template-columns: minmax(0, 1fr); }
          .project-facts dd { margin-bottom: var(--ds-size-2); }
        }
        """
}
