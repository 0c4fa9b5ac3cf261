/// Shared pieces after Designsystemet's Alert, Tag, Card and Pagination: notices, tags, fact
/// lists, progress and the small statistics tiles.
enum ComponentStyles {
    static let css = """
        .notice { padding: var(--ds-size-3) var(--ds-size-5); background: var(--ds-color-info-background-subtle);
          color: var(--ds-color-info-text-default); border: 1px solid var(--ds-color-info-border-default);
          border-left-width: 6px; border-radius: var(--ds-border-radius-md); }
        .notice > :first-child { margin-top: var(--ds-size-2); }
        .analyst-notice { background: var(--warn-bg); color: var(--warn-ink); border-color: var(--warn-line); }
        .tag { display: inline-block; margin-left: var(--ds-size-2); padding: 0 var(--ds-size-2);
          border: 1px solid var(--ds-color-neutral-border-subtle); border-radius: var(--ds-border-radius-md);
          font-size: var(--ds-font-size-3); font-weight: var(--ds-font-weight-medium); color: var(--ink);
          background: var(--ds-color-neutral-surface-default); }
        strong.tag { color: var(--warn-ink); background: var(--ds-color-warning-surface-default); border-color: var(--warn-line); }
        .unknown { color: var(--muted); font-style: italic; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: var(--ds-size-1) var(--ds-size-4); }
        .facts dt { font-weight: var(--ds-font-weight-semibold); }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        .pagination { display: flex; flex-wrap: wrap; gap: var(--ds-size-2); list-style: none; padding: 0; }
        .pagination a, .pagination span { display: inline-block; min-width: 2.75rem; padding: var(--ds-size-2) var(--ds-size-3);
          text-align: center; border-radius: var(--ds-border-radius-md); }
        .pagination a:hover { background: var(--ds-color-accent-surface-default); }
        .stat-grid { display: flex; flex-wrap: wrap; gap: var(--ds-size-4); }
        .stat-grid p { margin: 0; padding: var(--ds-size-3) var(--ds-size-5); background: var(--bg-soft);
          border: 1px solid var(--line); border-radius: var(--ds-border-radius-lg); }
        .stat-grid strong { display: block; font-size: var(--ds-font-size-7); font-weight: var(--ds-font-weight-medium); }
        .progress { color: var(--muted); font-weight: var(--ds-font-weight-semibold); display: flex; gap: var(--ds-size-3);
          align-items: center; }
        .progress progress { width: 10rem; max-width: 40%; accent-color: var(--ds-color-accent-base-default); }
        .methodology { border: 1px solid var(--line); border-radius: var(--ds-border-radius-lg); padding: var(--ds-size-2) var(--ds-size-4);
          background: var(--bg-soft); }
        .methodology summary { font-weight: var(--ds-font-weight-semibold); cursor: pointer; }
        .workflow { padding: var(--ds-size-2) var(--ds-size-5) var(--ds-size-4); border: 1px solid var(--line);
          border-radius: var(--ds-border-radius-lg); margin: var(--ds-size-4) 0; }
        .workflow h2 { font-size: var(--ds-font-size-6); }
        .workflow form { display: inline-block; margin: var(--ds-size-1) var(--ds-size-2) var(--ds-size-1) 0; }
        .toc ol { columns: 2; }
        .notes { font-size: var(--ds-font-size-4); color: var(--muted); }
        .downloads { margin: var(--ds-size-1) 0; }
        @media (max-width: 40rem) {
          .facts { grid-template-columns: minmax(0, 1fr); }
          .facts dd { margin-bottom: var(--ds-size-2); }
        }
        """
}
