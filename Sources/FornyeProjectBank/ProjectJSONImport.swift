public import Foundation

/// Projects in JSON: an array of documents as in the export's `document` field, or the export
/// itself (objects with a `document`).
public enum ProjectJSONImport {
    public static func documents(_ data: Data, file: String) throws(ProjectError) -> [ProjectDocument] {
        struct Wrapped: Decodable { var document: ProjectDocument }
        let decoder = JSONDecoder()
        let documents: [ProjectDocument]
        do {
            if let wrapped = try? decoder.decode([Wrapped].self, from: data) {
                documents = wrapped.map(\.document)
            } else {
                documents = try decoder.decode([ProjectDocument].self, from: data)
            }
        } catch let error as DecodingError {
            throw .importFailed(file: file, row: nil, column: path(of: error), message: message(of: error))
        } catch {
            throw .importFailed(file: file, row: nil, column: nil, message: "\(error)")
        }
        for (index, document) in documents.enumerated() {
            if let problem = ProjectValidation.errors(of: document).first {
                throw .importFailed(file: file, row: index + 1, column: problem.field, message: problem.message)
            }
        }
        return documents
    }

    static func path(of error: DecodingError) -> String? {
        let context: DecodingError.Context? =
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                context
            case .keyNotFound(let key, let context):
                DecodingError.Context(
                    codingPath: context.codingPath + [key], debugDescription: context.debugDescription)
            @unknown default: nil
            }
        guard let context, !context.codingPath.isEmpty else { return nil }
        return context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    static func message(of error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, _): "expected \(type)"
        case .valueNotFound(let type, _): "missing \(type)"
        case .keyNotFound: "missing field"
        case .dataCorrupted(let context): "not valid JSON: \(context.debugDescription)"
        @unknown default: "\(error)"
        }
    }
}
