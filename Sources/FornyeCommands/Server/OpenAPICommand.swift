import ArgumentParser
import FornyeWeb

struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Print the API's OpenAPI 3.1 document (what the server serves at /api/openapi.json).",
        discussion: "Check it with scripts/validate-openapi.sh; the same document, no server needed.")

    func run() throws {
        print(OpenAPIDocument.json)
    }
}
