import ArgumentParser
import FornyeWeb
import Foundation
import Testing

@testable import FornyeCommands

@Suite struct OpenAPICommandTests {
    /// `scripts/validate-openapi.sh` validates what this command prints, so it must be the
    /// served document: JSON, OpenAPI 3.1, with both areas' paths merged in.
    @Test func printsTheServedDocument() throws {
        #expect(try FornyeCommand.parseAsRoot(["openapi"]) is OpenAPICommand)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(paths["/api/v1/waves"] != nil && paths["/api/v1/projects"] != nil)
    }
}
