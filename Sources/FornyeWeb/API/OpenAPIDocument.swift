import Foundation

/// The OpenAPI 3.1 description of `/api` (the barometer's results and the project bank), served
/// at `/api/openapi.json` and printed by `fornye openapi`. The document is the resource file
/// `FornyeWeb/Resources/openapi.json`, served byte for byte as written (keys sorted, two-space
/// indent); edit it there. A test checks that it names every API route, that every `$ref`
/// resolves and that every response decodes into its schema; `scripts/validate-openapi.sh`
/// checks it with openapi-spec-validator.
public enum OpenAPIDocument {
    /// The whole document, read once (`FornyeApp.configure` reads it at start, so a build without
    /// the resource stops there rather than on the first request).
    public static let json: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else { preconditionFailure("FornyeWeb's resource Resources/openapi.json is missing") }
        // The file ends with a line break, as text files do; the served document never did.
        let text = String(decoding: data, as: UTF8.self)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }()
}
