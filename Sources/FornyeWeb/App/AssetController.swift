import Vapor

/// The style sheet and the project form's script, compiled into the binary so the server runs
/// from any directory.
struct AssetController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("assets", "fornye.css", use: styleSheet)
        routes.get("assets", "lignende.js", use: similarProjectsScript)
    }

    @Sendable func styleSheet(request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(isPublic: true, maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(string: StyleSheet.css))
    }

    @Sendable func similarProjectsScript(request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: "application", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(isPublic: true, maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(string: SimilarProjectsScript.source))
    }
}
