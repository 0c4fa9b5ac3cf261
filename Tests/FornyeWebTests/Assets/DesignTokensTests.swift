import Foundation
import Testing

@testable import FornyeWeb

/// The stylesheet's colours come from Designsystemet's tokens; these pairs are the ones the pages
/// put text or controls on, so each must meet WCAG 2.1 AA (1.4.3 text 4.5:1, 1.4.11 controls 3:1).
@Suite struct DesignTokensTests {
    private static let tokens: [String: String] = {
        let pattern = /--(ds-[a-z0-9-]+):\s*(#[0-9a-fA-F]{6});/
        var found: [String: String] = [:]
        for match in DesignTokens.css.matches(of: pattern) { found[String(match.1)] = String(match.2) }
        return found
    }()

    private static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channels = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.039_28 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    private static func contrast(_ foreground: String, on background: String) throws -> Double {
        let fg = try #require(tokens[foreground], "no token \(foreground)")
        let bg = try #require(tokens[background], "no token \(background)")
        let (a, b) = (luminance(fg), luminance(bg))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    static let textPairs: [(String, String)] = [
        ("ds-color-neutral-text-default", "ds-color-neutral-background-default"),
        ("ds-color-neutral-text-subtle", "ds-color-neutral-background-default"),
        ("ds-color-neutral-text-subtle", "ds-color-neutral-background-subtle"),
        ("ds-color-accent-text-subtle", "ds-color-neutral-background-default"),
        ("ds-color-accent-text-subtle", "ds-color-neutral-background-subtle"),
        ("ds-color-accent-contrast-default", "ds-color-accent-base-default"),
        ("ds-color-accent-contrast-default", "ds-color-accent-base-hover"),
        ("ds-color-accent-text-default", "ds-color-accent-surface-default"),
        ("ds-color-danger-text-subtle", "ds-color-neutral-background-default"),
        ("ds-color-danger-text-default", "ds-color-danger-background-subtle"),
        ("ds-color-success-text-default", "ds-color-success-background-subtle"),
        ("ds-color-warning-text-default", "ds-color-warning-background-subtle"),
        ("ds-color-warning-text-default", "ds-color-warning-surface-default"),
        ("ds-color-info-text-default", "ds-color-info-background-subtle"),
        ("ds-color-neutral-text-default", "ds-color-neutral-surface-default"),
    ]

    @Test(arguments: textPairs)
    func textMeetsFourAndAHalfToOne(_ pair: (String, String)) throws {
        let ratio = try Self.contrast(pair.0, on: pair.1)
        #expect(ratio >= 4.5, "\(pair.0) on \(pair.1): \(ratio)")
    }

    @Test func fieldBordersAndTheFocusRingMeetThreeToOne() throws {
        #expect(try Self.contrast("ds-color-neutral-border-default", on: "ds-color-neutral-background-default") >= 3)
        #expect(try Self.contrast("ds-color-danger-base-default", on: "ds-color-neutral-background-default") >= 3)
        #expect(try Self.contrast("ds-color-focus-outer", on: "ds-color-neutral-background-default") >= 3)
        #expect(try Self.contrast("ds-color-focus-outer", on: "ds-color-accent-base-default") < 3)
    }

    /// Colours live in the tokens only (print is the exception: paper is black on white).
    @Test func noRuleHoldsAColourOfItsOwn() {
        let parts = [
            BaseStyles.css, FormStyles.css, ComponentStyles.css, ResultStyles.css, ProjectBankStyles.css,
            QuestionnaireStyles.css, FeatureStyles.css,
        ]
        for part in parts {
            #expect(part.firstMatch(of: /#[0-9a-fA-F]{3,6}\b/) == nil)
        }
        #expect(StyleSheet.css.contains(DesignTokens.css))
    }

    /// A selector declared twice in one context is how the old sheet drifted (three `.error-summary`
    /// rules, the last one winning); each selector has one home per media context.
    @Test func eachSelectorIsDeclaredOncePerContext() {
        var seen: [String: Int] = [:]
        var context: [String] = []
        var buffer = ""
        let css = StyleSheet.css.replacing(/\/\*[\s\S]*?\*\//, with: "")
        for character in css {
            switch character {
            case "{":
                let head = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
                buffer = ""
                if !head.hasPrefix("@") && !head.hasPrefix(":root") {
                    let key = (context + [head.split(whereSeparator: \.isWhitespace).joined(separator: " ")])
                        .joined(separator: " › ")
                    seen[key, default: 0] += 1
                }
                context.append(head)
            case "}":
                buffer = ""
                _ = context.popLast()
            case ";":
                buffer = ""
            default:
                buffer.append(character)
            }
        }
        let duplicates = seen.filter { $0.value > 1 }.map(\.key).sorted()
        #expect(duplicates.isEmpty, "declared more than once: \(duplicates)")
        #expect(seen.count > 100)
    }
}
