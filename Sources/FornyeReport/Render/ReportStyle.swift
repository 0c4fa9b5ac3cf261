/// The report's only style sheet, inline in the page: readable on screen, tidy on paper.
/// Text colours keep at least 4.5:1 contrast against their background (WCAG 2.1 AA).
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: #1a1a1a; background: #ffffff; }
        header.report-header, main, footer, nav.toc { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0.6em 0 0.2em; }
        h2 { font-size: 1.5rem; margin: 1.6em 0 0.5em; border-bottom: 2px solid #1f4e8c; padding-bottom: 0.2em; }
        .subtitle { font-size: 1.1rem; color: #3d3d3d; margin-top: 0; }
        a { color: #0b4f9c; }
        .banner { background: #8a1111; color: #ffffff; font-weight: 700; letter-spacing: 0.08em;
          padding: 0.35em 0.8em; margin: 1em 0 0.5em; border-radius: 3px; }
        .banner-print { display: none; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 1em 0; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        nav.toc ol { columns: 2; column-gap: 2em; padding-left: 1.2em; }
        section { margin-bottom: 2.5em; }
        figure { margin: 1.5em 0 2.5em; padding: 1em 0 0; border-top: 1px solid #c8c8c8; }
        figcaption { margin-bottom: 0.8em; max-width: 75ch; }
        figcaption .number { font-weight: 700; }
        figcaption .title { font-weight: 700; }
        figcaption .caption { display: block; margin-top: 0.3em; }
        figcaption .base { display: block; color: #3d3d3d; font-size: 0.95rem; }
        .figure-body { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
        svg.chart { max-width: 100%; height: auto; flex: 0 1 auto; }
        svg.chart text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 13px;
          fill: #1a1a1a; }
        svg.chart text.value { font-weight: 600; }
        svg.chart text.missing { font-style: italic; fill: #4a4a4a; }
        svg.chart text.synthetic-mark { font-size: 11px; fill: #8a1111; font-weight: 700; }
        .table-wrap { overflow-x: auto; flex: 1 1 340px; }
        .figure-body.stacked { flex-direction: column; }
        .figure-body.stacked .table-wrap { flex: none; max-width: 100%; }
        table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.4em; caption-side: top; }
        th, td { border: 1px solid #c8c8c8; padding: 0.25em 0.6em; vertical-align: top; }
        thead th { background: #e8eef6; text-align: left; }
        thead th.num { text-align: right; }
        tbody th { text-align: left; font-weight: normal; }
        td.num { text-align: right; white-space: nowrap; }
        tr.emphasised th, tr.emphasised td { font-weight: 700; }
        tbody tr:nth-child(even) { background: #f5f5f5; }
        ul.notes { font-size: 0.9rem; color: #3d3d3d; padding-left: 1.2em; }
        p.download { margin: 0.5em 0 0; font-size: 0.95rem; }
        p.lead { max-width: 75ch; }
        footer { border-top: 1px solid #c8c8c8; margin-top: 3em; padding-top: 1em; padding-bottom: 2em; color: #3d3d3d;
          font-size: 0.9rem; }
        @media print {
          body { font-size: 10.5pt; }
          nav.toc, p.download { display: none; }
          header.report-header, main, footer { max-width: none; padding: 0; }
          .banner { border: 2px solid #8a1111; }
          .banner-print { display: block; position: fixed; top: 0; right: 0; margin: 0; padding: 0.1em 0.5em;
            background: #ffffff; color: #8a1111; border: 1px solid #8a1111; font-weight: 700; font-size: 9pt; }
          figure, table, tr { break-inside: avoid; page-break-inside: avoid; }
          h2 { break-after: avoid; page-break-after: avoid; }
          section { break-before: page; page-break-before: always; }
          section:first-of-type { break-before: auto; page-break-before: auto; }
          a { color: #1a1a1a; text-decoration: none; }
          svg.chart { max-width: 17cm; }
          tbody tr:nth-child(even) { background: none; }
        }
        @page { margin: 16mm 14mm; }
        """
}
