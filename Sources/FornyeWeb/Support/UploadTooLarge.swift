import Vapor

/// Answers an upload larger than its route's body limit with the route's own page (the limit,
/// the upload's size when the client said it, the form to try again) instead of Vapor's bare
/// 413. Sits outside the CSRF check, which is what reads the body and refuses it: nothing was
/// read whole and nothing is stored, so the page only needs a token for its form.
struct UploadTooLargeMiddleware: AsyncMiddleware {
    /// The page: the request and the size the client declared (Content-Length), if any.
    let page: @Sendable (Request, Int?) async throws -> Response

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as any AbortError where error.status == .payloadTooLarge {
            _ = CSRF.begin(request)
            let declared = request.headers.first(name: .contentLength).flatMap(Int.init)
            // Refusals of the page itself (not signed in, not allowed, no such project) are
            // answered here too, so that every answer to an unread body closes the connection.
            let response: Response
            do {
                response = try await page(request, declared)
            } catch {
                response = FornyeErrorMiddleware.response(for: error, request: request)
            }
            CSRF.finish(request, response)
            // The rest of the body is not read: the connection is not reused.
            response.headers.replaceOrAdd(name: .connection, value: "close")
            return response
        }
    }
}

enum UploadTooLargeText {
    /// "The upload was 12.3 MB; at most 10 MB a file." in the page's language.
    static func message(declared: Int?, limit: Int, language: Language) -> String {
        let limitText = AttachmentLimitsText.size(Int64(limit), language)
        guard let declared else {
            return language.pick(
                "Filen er for stor. Største tillatte størrelse er \(limitText).",
                "The file is too large. The largest size allowed is \(limitText).")
        }
        let size = AttachmentLimitsText.size(Int64(declared), language)
        return language.pick(
            "Filen er for stor: opplastingen var \(size), og største tillatte størrelse er \(limitText).",
            "The file is too large: the upload was \(size), and the largest size allowed is \(limitText).")
    }
}
