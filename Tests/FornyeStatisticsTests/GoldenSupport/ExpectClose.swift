import Testing

/// Expects `actual` within `relative` of `expected` (or within `absolute` when `expected` is near
/// zero), and names the number in the failure so that one wrong cell among thousands is found.
///
/// ```swift
/// expectClose(cell.standardError, golden.se, "stratclust innov by region 2, category 1: SE")
/// ```
@discardableResult
func expectClose(
    _ actual: Double,
    _ expected: Double,
    relative: Double = 1e-8,
    absolute: Double = 1e-12,
    _ label: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
    let tolerance = max(relative * abs(expected), absolute)
    let close = abs(actual - expected) <= tolerance || (actual == expected)
    if !close {
        let relativeError = expected == 0 ? Double.infinity : abs(actual - expected) / abs(expected)
        Issue.record(
            Comment(
                rawValue:
                    "\(label()): expected \(expected), actual \(actual) (relative error \(relativeError), tolerance \(relative))"
            ),
            sourceLocation: sourceLocation)
    }
    return close
}
