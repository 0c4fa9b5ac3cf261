import Yams

/// Finds the lines of an instrument's parts in the YAML node tree the file was read from.
struct YAMLLineMap {
    let root: Node?
    let file: String

    func location(of part: InstrumentPart, field: String?) -> InstrumentSourceLocation {
        InstrumentSourceLocation(file: file, line: line(of: node(of: part), field: field))
    }

    private func node(of part: InstrumentPart) -> Node? {
        switch part {
        case .instrument: root
        case .choiceList(let list): element(root, "choice_lists", list)
        case .choice(let list, let index): element(element(root, "choice_lists", list), "choices", index)
        case .section(let section): element(root, "sections", section)
        case .question(let section, let index): element(element(root, "sections", section), "questions", index)
        }
    }

    private func element(_ node: Node?, _ key: String, _ index: Int) -> Node? {
        guard let sequence = node?.mapping?[key]?.sequence, sequence.indices.contains(index) else { return nil }
        return sequence[index]
    }

    /// The line of the field's value when present, else of the part itself.
    private func line(of node: Node?, field: String?) -> Int? {
        if let field, let value = node?.mapping?[field], let mark = value.mark { return mark.line }
        return node?.mark?.line
    }

    /// An issue for a decoding error, at the deepest node of its coding path that exists, named
    /// after the nearest question, section or list around it.
    func issue(for error: DecodingError) -> InstrumentIssue {
        let (path, message): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath, "missing field \"\(key.stringValue)\"")
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                (context.codingPath, context.debugDescription)
            @unknown default: ([], "\(error)")
            }
        var walked = root
        var deepest = root
        var field: String?
        var expressionColumn: Int?
        for key in path {
            if let index = key.intValue {
                walked = walked?.sequence.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            } else {
                walked = walked?.mapping?[key.stringValue]
                field = key.stringValue
            }
            guard let current = walked else { break }
            deepest = current
        }
        if case .dataCorrupted(let context) = error, let syntax = context.underlyingError as? RoutingSyntaxError {
            expressionColumn = syntax.column
        }
        let text = expressionColumn == nil ? message : (error.routingMessage ?? message)
        let part = Self.part(of: path)
        let owner: InstrumentPart =
            switch part {
            case .choice(let list, _): .choiceList(list)
            default: part
            }
        let name = node(of: owner).flatMap { $0.mapping?["name"]?.string }
        return InstrumentIssue(
            text, part: part, name: name, field: field, expressionColumn: expressionColumn,
            location: InstrumentSourceLocation(file: file, line: deepest?.mark?.line))
    }

    private static func part(of path: [any CodingKey]) -> InstrumentPart {
        let keys = path.map { $0.intValue.map(String.init) ?? $0.stringValue }
        func index(after key: String) -> Int? {
            keys.firstIndex(of: key).flatMap { keys.indices.contains($0 + 1) ? Int(keys[$0 + 1]) : nil }
        }
        if let section = index(after: "sections") {
            if let question = index(after: "questions") { return .question(section: section, index: question) }
            return .section(section)
        }
        if let list = index(after: "choice_lists") {
            if let choice = index(after: "choices") { return .choice(list: list, index: choice) }
            return .choiceList(list)
        }
        return .instrument
    }
}

extension DecodingError {
    /// The routing syntax message without its column, which the issue carries apart.
    fileprivate var routingMessage: String? {
        guard case .dataCorrupted(let context) = self, let syntax = context.underlyingError as? RoutingSyntaxError
        else { return nil }
        return syntax.message
    }
}
