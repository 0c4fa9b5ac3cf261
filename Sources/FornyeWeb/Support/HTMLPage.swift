public import Vapor

/// A rendered page as a response, with the HTML content type and no caching of personal pages.
public struct HTMLPage: AsyncResponseEncodable, Sendable {
    public var html: String
    public var status: HTTPResponseStatus

    public init(_ html: String, status: HTTPResponseStatus = .ok) {
        self.html = html
        self.status = status
    }

    public func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
