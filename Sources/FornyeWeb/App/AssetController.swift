import Vapor

/// The style sheet and the project form's script, compiled into the binary so the server runs
/// from any directory.
struct AssetController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("assets", "fornye.css", use: styleSheet)
        routes.get("assets", "lignende.js", use: similarProjectsScript)
    }

    @Sendable func styleSheet(request: Request) async throws -> Response {
        Self.asset(StyleSheet.css, type: "text", subType: "css")
    }

    @Sendable func similarProjectsScript(request: Request) async throws -> Response {
        Self.asset(SimilarProjectsScript.source, type: "application", subType: "javascript")
    }

    /// UTF-8 text, cached for an hour by anyone (assets change only with a new binary).
    static func asset(_ text: String, type: String, subType: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: type, subType: subType, parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(isPublic: true, maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
