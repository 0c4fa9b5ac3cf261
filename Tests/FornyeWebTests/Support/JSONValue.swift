import Foundation

/// Any JSON value, decoded strictly (a number is never a Bool), for checking responses against
/// the OpenAPI document's schemas.
indirect enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }
}

/// The subset of JSON Schema (2020-12) the OpenAPI document uses: `$ref` to components, `type`
/// (one or several), `properties`, `required`, `additionalProperties`, `items`, `enum`, `minimum`,
/// `maximum`. Returns the problems found, each with its JSON path; empty when `value` conforms.
struct SchemaChecker {
    let document: JSONValue

    func problems(_ value: JSONValue, against schema: JSONValue, path: String = "$") -> [String] {
        if let reference = schema["$ref"]?.string {
            let name = reference.replacingOccurrences(of: "#/components/schemas/", with: "")
            guard let target = document["components"]?["schemas"]?[name] else {
                return ["\(path): unresolved \(reference)"]
            }
            return problems(value, against: target, path: path)
        }
        var found: [String] = []
        if let type = schema["type"] {
            let types = type.array?.compactMap(\.string) ?? [type.string].compactMap { $0 }
            if !types.contains(where: { Self.matches(value, type: $0) }) {
                return ["\(path): expected \(types.joined(separator: " or ")), got \(value)"]
            }
        }
        if let allowed = schema["enum"]?.array, !allowed.contains(value) {
            found.append("\(path): \(value) is not one of \(allowed)")
        }
        if let number = value.number {
            if let minimum = schema["minimum"]?.number, number < minimum { found.append("\(path): below minimum") }
            if let maximum = schema["maximum"]?.number, number > maximum { found.append("\(path): above maximum") }
        }
        if let members = value.object {
            let properties = schema["properties"]?.object ?? [:]
            for name in schema["required"]?.array?.compactMap(\.string) ?? [] where members[name] == nil {
                found.append("\(path): missing required \(name)")
            }
            for (name, member) in members {
                if let property = properties[name] {
                    found += problems(member, against: property, path: "\(path).\(name)")
                } else if let additional = schema["additionalProperties"] {
                    if case .bool(false) = additional {
                        found.append("\(path): unexpected member \(name)")
                    } else if additional.object != nil {
                        found += problems(member, against: additional, path: "\(path).\(name)")
                    }
                }
            }
        }
        if let elements = value.array, let items = schema["items"] {
            for (index, element) in elements.enumerated() {
                found += problems(element, against: items, path: "\(path)[\(index)]")
            }
        }
        return found
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
            ("object", .object):
            return true
        case ("integer", .number(let number)):
            return number.rounded() == number
        default:
            return false
        }
    }

    /// The schema of a path's response, e.g. ("/api/v1/waves", "get", "200").
    func responseSchema(path: String, method: String, status: String) -> JSONValue? {
        guard let content = document["paths"]?[path]?[method]?["responses"]?[status]?["content"]?.object,
            let media = content.values.first
        else { return nil }
        return media["schema"]
    }
}
