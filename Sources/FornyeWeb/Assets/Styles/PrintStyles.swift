/// Paper: no navigation, black on white, figures kept whole.
enum PrintStyles {
    static let css = """
        @media print {
          header, nav, footer, .no-print, .skip-link { display: none !important; }
          body { color: #000; background: #fff; font-size: 11pt; }
          .project-card, .site-header { box-shadow: none; }
          .selftest-table, .selftest-dotplot, figure { break-inside: avoid; }
          a[href^="/"]::after { content: ""; }
        }
        """
}
