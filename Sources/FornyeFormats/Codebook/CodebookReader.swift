public import FornyeStatistics
public import Foundation
import Yams

/// Reads a codebook from JSON or YAML text; YAML is a superset of JSON, so one decoder
/// serves both, and errors name the file and the path inside it.
public enum CodebookReader {
    public static func read(contentsOf url: URL) throws(FormatError) -> Codebook {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(file: url.path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .located(FileLocation(file: url.path), "the codebook is not UTF-8 text")
        }
        return try parse(text, file: url.path)
    }

    public static func parse(_ text: String, file: String) throws(FormatError) -> Codebook {
        let codebook: Codebook
        do {
            codebook = try YAMLDecoder().decode(Codebook.self, from: text)
        } catch let error as DecodingError {
            throw .located(FileLocation(file: file), describe(error))
        } catch {
            throw .located(FileLocation(file: file), "not valid JSON or YAML: \(error)")
        }
        do {
            try codebook.validate()
        } catch {
            throw .located(FileLocation(file: file), error.description)
        }
        return codebook
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \"\(key.stringValue)\" at \(path(context).isEmpty ? "top level" : path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
