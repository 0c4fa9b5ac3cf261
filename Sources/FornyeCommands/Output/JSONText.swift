import Foundation

/// JSON as every command writes it: pretty, keys sorted, numbers that do not exist as null.
enum JSONText {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One object whose members are JSON texts encoded elsewhere (such as `TableJSON`'s), keys sorted.
    static func object(_ members: [(key: String, json: String)]) throws -> String {
        let keyEncoder = JSONEncoder()
        let body = try members.sorted { $0.key < $1.key }.map { member in
            let key = String(decoding: try keyEncoder.encode(member.key), as: UTF8.self)
            let value = member.json.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n").dropFirst(2)
            return "  \(key) : \(value)"
        }
        return "{\n" + body.joined(separator: ",\n") + "\n}"
    }
}

/// The number when it is finite; JSON cannot hold NaN or infinity, so those are left out.
func finite(_ value: Double) -> Double? {
    value.isFinite ? value : nil
}
