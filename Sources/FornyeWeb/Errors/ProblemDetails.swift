import Vapor

/// An error for machines, as RFC 9457 problem details (`application/problem+json`).
struct ProblemDetails: Codable, Sendable {
    /// A URI naming the kind of problem; `about:blank` when the status says it all.
    var type: String
    /// The status's reason phrase (or the kind's short name).
    var title: String
    var status: Int
    /// What went wrong with this request, for a human.
    var detail: String
    /// The request path (without the query) the problem occurred at.
    var instance: String
    /// Extension member: the request parameter at fault, when one is.
    var parameter: String?

    static let invalidParameterType = "urn:fornye:problem:invalid-parameter"

    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(self)) ?? Data("{\"status\":\(status)}".utf8)
        var headers = HTTPHeaders()
        headers.contentType = Self.mediaType
        headers.cacheControl = .init(noStore: true)
        return Response(status: HTTPResponseStatus(statusCode: status), headers: headers, body: .init(data: body))
    }
}
