/// The Porter stemmer for English (M. F. Porter, "An algorithm for suffix stripping", 1980, as
/// published at tartarus.org/martin/PorterStemmer), in Swift: English records and the English
/// reading of every query go through it, so "interpreter"/"interpreting" and
/// "predict"/"prediction" meet (the Norwegian stemmer leaves them apart).
///
/// ```swift
/// EnglishStemmer.stem("predictions")  // "predict"
/// EnglishStemmer.stem("interpreting") // "interpret"
/// ```
public enum EnglishStemmer {
    /// The stem of one lower-case word; words with letters outside a–z are returned as they are.
    public static func stem(_ word: String) -> String {
        guard word.count > 2, word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        var w = Array(word.utf8)
        step1a(&w)
        step1b(&w)
        step1c(&w)
        step2(&w)
        step3(&w)
        step4(&w)
        step5(&w)
        return String(decoding: w, as: UTF8.self)
    }

    static func isConsonant(_ w: [UInt8], _ i: Int) -> Bool {
        switch w[i] {
        case 97, 101, 105, 111, 117: return false  // a e i o u
        case 121: return i == 0 ? true : !isConsonant(w, i - 1)  // y
        default: return true
        }
    }

    /// m: the number of vowel-consonant sequences in `w[0..<end]`.
    static func measure(_ w: [UInt8], _ end: Int) -> Int {
        var count = 0
        var i = 0
        while i < end && isConsonant(w, i) { i += 1 }
        while i < end {
            while i < end && !isConsonant(w, i) { i += 1 }
            guard i < end else { break }
            count += 1
            while i < end && isConsonant(w, i) { i += 1 }
        }
        return count
    }

    static func hasVowel(_ w: [UInt8], _ end: Int) -> Bool { (0..<end).contains { !isConsonant(w, $0) } }

    static func doubleConsonant(_ w: [UInt8], _ end: Int) -> Bool {
        end >= 2 && w[end - 1] == w[end - 2] && isConsonant(w, end - 1)
    }

    /// consonant-vowel-consonant ending at `end`, the last not w, x or y.
    static func cvc(_ w: [UInt8], _ end: Int) -> Bool {
        guard end >= 3, isConsonant(w, end - 1), !isConsonant(w, end - 2), isConsonant(w, end - 3) else {
            return false
        }
        return ![119, 120, 121].contains(w[end - 1])
    }

    static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        return w.count >= s.count && Array(w.suffix(s.count)) == s
    }

    static func replace(_ w: inout [UInt8], _ suffix: String, _ with: String) {
        w.removeLast(suffix.utf8.count)
        w.append(contentsOf: Array(with.utf8))
    }

    /// Replaces the first matching suffix when the stem before it has measure > `minimum`.
    static func rules(_ w: inout [UInt8], _ table: [(String, String)], minimum: Int) {
        for (suffix, replacement) in table where ends(w, suffix) {
            if measure(w, w.count - suffix.utf8.count) > minimum { replace(&w, suffix, replacement) }
            return
        }
    }

    static func step1a(_ w: inout [UInt8]) {
        if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "ies") {
            w.removeLast(2)
        } else if ends(w, "ss") {
            return
        } else if ends(w, "s") {
            w.removeLast()
        }
    }

    static func step1b(_ w: inout [UInt8]) {
        if ends(w, "eed") {
            if measure(w, w.count - 3) > 0 { w.removeLast() }
            return
        }
        var removed = false
        if ends(w, "ed"), hasVowel(w, w.count - 2) {
            w.removeLast(2)
            removed = true
        } else if ends(w, "ing"), hasVowel(w, w.count - 3) {
            w.removeLast(3)
            removed = true
        }
        guard removed else { return }
        if ends(w, "at") || ends(w, "bl") || ends(w, "iz") {
            w.append(101)
        } else if doubleConsonant(w, w.count), ![108, 115, 122].contains(w.last!) {
            w.removeLast()
        } else if measure(w, w.count) == 1 && cvc(w, w.count) {
            w.append(101)
        }
    }

    static func step1c(_ w: inout [UInt8]) {
        if ends(w, "y"), hasVowel(w, w.count - 1) { w[w.count - 1] = 105 }
    }

    static let step2Table: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"),
        ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"),
        ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ]

    static func step2(_ w: inout [UInt8]) { rules(&w, step2Table, minimum: 0) }

    static let step3Table: [(String, String)] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]

    static func step3(_ w: inout [UInt8]) { rules(&w, step3Table, minimum: 0) }

    static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
        "iti", "ous", "ive", "ize",
    ].sorted { $0.count > $1.count }

    static func step4(_ w: inout [UInt8]) {
        guard let suffix = step4Suffixes.first(where: { ends(w, $0) }) else { return }
        let end = w.count - suffix.utf8.count
        guard measure(w, end) > 1 else { return }
        if suffix == "ion" && !(end > 0 && (w[end - 1] == 115 || w[end - 1] == 116)) { return }
        w.removeLast(suffix.utf8.count)
    }

    static func step5(_ w: inout [UInt8]) {
        if ends(w, "e") {
            let m = measure(w, w.count - 1)
            if m > 1 || (m == 1 && !cvc(w, w.count - 1)) { w.removeLast() }
        }
        if ends(w, "ll") && measure(w, w.count) > 1 { w.removeLast() }
    }
}
