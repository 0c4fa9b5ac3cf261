import Vapor

/// The style sheet, compiled into the binary so the server runs from any directory.
struct AssetController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("assets", "fornye.css", use: styleSheet)
    }

    @Sendable func styleSheet(request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(isPublic: true, maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(string: StyleSheet.css))
    }
}
