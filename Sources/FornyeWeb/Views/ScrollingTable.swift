/// A wide table in a box that scrolls sideways on a narrow screen instead of pushing the page
/// wider. The box is a named, focusable region so keyboard users can scroll it too (axe
/// `scrollable-region-focusable`, WCAG 2.1.1).
func scrollingTable(label: String, @NodeBuilder _ table: () -> [Node]) -> Node {
    el("div", ["class": "table-wrap", "role": "region", "aria-label": label, "tabindex": "0"], table)
}

/// The same box named by an element already on the page (the table's caption, by its id).
func scrollingTable(labelledBy id: String, @NodeBuilder _ table: () -> [Node]) -> Node {
    el("div", ["class": "table-wrap", "role": "region", "aria-labelledby": id, "tabindex": "0"], table)
}
