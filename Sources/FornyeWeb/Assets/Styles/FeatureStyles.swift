/// The municipality profiles, the county map and Innovasjonstesten.
enum FeatureStyles {
    static let css = """
        .peer-list { columns: 14rem; padding-left: 1.2rem; }
        .county-map { max-width: 100%; height: auto; }
        .county-map a:focus rect { stroke-width: 4; stroke: var(--ds-color-focus-outer); }
        .selftest-table { margin: var(--ds-size-4) 0 var(--ds-size-6); }
        .selftest-dotplot { margin: var(--ds-size-4) 0; max-width: 44rem; }
        .team-code { font-size: var(--ds-font-size-9); font-weight: var(--ds-font-weight-semibold); letter-spacing: .2em;
          font-family: ui-monospace, monospace; margin: var(--ds-size-1) 0 var(--ds-size-4); }
        """
}
