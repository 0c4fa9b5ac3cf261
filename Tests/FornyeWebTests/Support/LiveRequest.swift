import Vapor

/// Sends one request through the app's real HTTP server (started on a free port, stopped after),
/// for what the in-memory tester cannot show, such as a body cut off at its limit while it streams.
///
/// Not VaporTesting's `.running` tester: its client gives up after a fixed 30 seconds, which a
/// debug build streaming tens of megabytes on a loaded two-core machine can exceed; the test then
/// fails on the machine's load, not on the server's behaviour.
func liveRequest(
    _ app: Application, _ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer,
    timeoutSeconds: Int64 = 300
) async throws -> ClientResponse {
    try await app.server.start(address: .hostname("127.0.0.1", port: 0))
    do {
        guard let port = app.http.server.shared.localAddress?.port else {
            throw Abort(.internalServerError, reason: "the test server has no port")
        }
        let request = ClientRequest(
            method: method, url: URI(string: "http://127.0.0.1:\(port)\(path)"), headers: headers, body: body,
            timeout: .seconds(timeoutSeconds))
        let response = try await app.client.send(request)
        await app.server.shutdown()
        return response
    } catch {
        await app.server.shutdown()
        throw error
    }
}
