import Testing

/// Payloads that try to become markup or script when a page shows them. Each carries the marker
/// `fx55` so a page can be searched for any payload that survived unescaped.
enum XSSCorpus {
    static let payloads: [String] = [
        "<script>fetch('/xss-hit?p=1')</script>fx55",
        "\"><script>fetch('/xss-hit?p=2')</script>fx55",
        "'><img src=x onerror=\"fetch('/xss-hit?p=3')\">fx55",
        "<img src=x onerror=fetch('/xss-hit?p=4')>fx55",
        "<svg onload=fetch('/xss-hit?p=5')>fx55",
        "<svg><script>fetch('/xss-hit?p=6')</script></svg>fx55",
        "javascript:fetch('/xss-hit?p=7')//fx55",
        "<a href=\"javascript:fetch('/xss-hit?p=8')\">fx55</a>",
        "<iframe src=\"javascript:fetch('/xss-hit?p=9')\"></iframe>fx55",
        "<body onload=fetch('/xss-hit?p=10')>fx55",
        "</textarea><script>fetch('/xss-hit?p=11')</script>fx55",
        "</title><script>fetch('/xss-hit?p=12')</script>fx55",
        "<style>@import 'http://evil.example/x.css';</style>fx55",
        "<math><mtext><table><mglyph><style><img src=x onerror=fetch('/xss-hit?p=13')>fx55",
        "&lt;script&gt;fetch('/xss-hit?p=14')&lt;/script&gt;fx55",
        "<div style=\"background:url(javascript:fetch('/xss-hit?p=15'))\">fx55</div>",
        "\u{0}<script>fetch('/xss-hit?p=16')</script>fx55",
        "<ScRiPt>fetch('/xss-hit?p=17')</sCrIpT>fx55",
        "<details open ontoggle=fetch('/xss-hit?p=18')>fx55",
        "{{7*7}}${7*7}#(x)<%= 7*7 %>fx55",
    ]

    /// Fragments that would only appear in a page if a payload were inserted without escaping.
    static let forbiddenFragments: [String] = [
        "<script>fetch", "<ScRiPt>", "<img src=x", "<svg onload", "<svg><script>", "<iframe src=\"javascript",
        "<body onload", "<style>@import", "<details open ontoggle", "<a href=\"javascript", "<div style=\"background",
        "<mglyph>", "onerror=\"fetch", "onerror=fetch",
    ]

    /// Records an issue for every payload fragment that appears unescaped in `html`.
    static func expectEscaped(
        _ html: String, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for fragment in forbiddenFragments where html.contains(fragment) {
            Issue.record(
                "unescaped payload fragment «\(fragment)» in page. \(comment?.description ?? "")",
                sourceLocation: sourceLocation)
        }
    }
}
