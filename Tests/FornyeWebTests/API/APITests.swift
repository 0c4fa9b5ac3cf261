import FornyeStatistics
import FornyeStorage
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

@Suite struct APITests {
    static let wave = DemoContent.baselineSlug
    static let document = try! JSONValue.parse(OpenAPIDocument.json)
    static let checker = SchemaChecker(document: document)

    /// GETs an API path and checks its JSON against the document's schema for that path and status.
    static func conforming(
        _ app: Application, _ path: String, template: String, status: HTTPStatus = .ok, method: String = "get"
    ) async throws -> JSONValue {
        let response = try await app.get(path)
        #expect(response.status == status, "\(path): \(response.body.string)")
        let json = try JSONValue.parse(response.body.string)
        let schema = try #require(checker.responseSchema(path: template, method: method, status: String(status.code)))
        let problems = checker.problems(json, against: schema)
        #expect(problems.isEmpty, "\(path): \(problems.prefix(5))")
        return json
    }

    /// Instances behind one load balancer must give the same bytes (and ETags) for the same answer.
    @Test func answersWriteTheirKeysInSortedOrder() async throws {
        try await withTestApp { app in
            for path in ["/api/v1/waves", "/api/v1/waves/\(Self.wave)"] {
                let body = try await app.get(path).body.string
                let object = try JSONSerialization.jsonObject(with: Data(body.utf8))
                let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                #expect(String(decoding: sorted, as: UTF8.self) == body, "\(path)")
            }
        }
    }

    @Test func theDocumentIsOpenAPI31AndDescribesEveryAPIRoute() async throws {
        #expect(Self.document["openapi"]?.string == "3.1.0")
        let paths = try #require(Self.document["paths"]?.object)
        try await withTestApp(seedDemoContent: false) { app in
            let routes = app.routes.all.filter { $0.path.first?.description == "api" }
            #expect(routes.count >= 7)
            for route in routes {
                let template =
                    "/"
                    + route.path.map { component in
                        switch component {
                        case .parameter(let name): "{\(name)}"
                        default: component.description
                        }
                    }.joined(separator: "/")
                let operation = paths[template]?[route.method.rawValue.lowercased()]
                #expect(operation != nil, "\(route.method) \(template) is not in the OpenAPI document")
            }
            let served = try await app.get("/api/openapi.json")
            #expect(served.headers.contentType == .json)
            #expect(try JSONValue.parse(served.body.string) == Self.document)
        }
        // Every $ref resolves.
        let text = OpenAPIDocument.json
        let references = text.components(separatedBy: "\"$ref\": \"#/components/").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
        for reference in Set(references) {
            let parts = reference.split(separator: "/").map(String.init)
            #expect(Self.document["components"]?[parts[0]]?[parts[1]] != nil, "\(reference)")
        }
    }

    @Test func wavesFiguresAndTablesConformToTheDocument() async throws {
        try await withSharedTestApp { app in
            let page = try await Self.conforming(app, "/api/v1/waves?page=2&per_page=1", template: "/api/v1/waves")
            #expect(page["total"]?.number == 2)
            #expect(page["perPage"]?.number == 1)
            #expect(page["items"]?.array?.count == 1)
            #expect(page["items"]?.array?.first?["slug"]?.string == DemoContent.followUpSlug)

            let wave = try await Self.conforming(app, "/api/v1/waves/\(Self.wave)", template: "/api/v1/waves/{wave}")
            #expect(wave["synthetic"] == .bool(true))
            #expect(wave["filters"]?.array?.count == 5)

            let figures = try await Self.conforming(
                app, "/api/v1/waves/\(Self.wave)/figures", template: "/api/v1/waves/{wave}/figures")
            #expect(figures["suppressed"] == .bool(true))
            #expect((figures["figures"]?.array?.count ?? 0) > 10)

            // The table holds the same numbers and suppression as the page's CSV download.
            let table = try await Self.conforming(
                app, "/api/v1/waves/\(Self.wave)/figures/fig-4-3", template: "/api/v1/waves/{wave}/figures/{figure}")
            let csv = parseCSV(try await app.get("/barometer/\(Self.wave)/figurer/fig-4-3.csv").body.string)
            #expect(table["data"]?["header"]?.array?.compactMap(\.string) == csv.header)
            #expect(table["data"]?["rows"]?.array?.map { $0.array?.compactMap(\.string) ?? [] } == csv.rows)
        }
    }

    @Test func estimatesMatchTheEngineWithinADomain() async throws {
        try await withSharedTestApp { app in
            let wave = try await app.preparedDemoWave()
            let sector = try #require(wave.dataset.codebook.variable(named: "sector")?.valueLabels.first?.code)
            let json = try await Self.conforming(
                app, "/api/v1/waves/\(Self.wave)/estimates?variable=innovated&by=centrality&sector=\(sector)",
                template: "/api/v1/waves/{wave}/estimates")
            #expect(json["kind"]?.string == "share")
            #expect(json["suppressed"] == .bool(true))
            let cells = try #require(json["cells"]?.array)
            // Unsuppressed cells equal the engine's domain estimates: sector × centrality on the full design.
            let engine = try Estimator(dataset: wave.dataset, design: wave.design)
                .shares(of: "innovated", by: ["sector", "centrality"])
            var compared = 0
            for cell in cells {
                guard let estimate = cell["estimate"]?.number, let standardError = cell["standardError"]?.number,
                    let centrality = cell["domain"]?.array?.first?["code"]?.number,
                    let code = cell["category"]?["code"]?.number
                else { continue }
                let expected = try #require(
                    engine.cells.first {
                        $0.domain.map(\.code) == [sector, Int(centrality)] && $0.category?.code == Int(code)
                    })
                #expect(abs(estimate - expected.estimate) < 1e-12)
                #expect(abs(standardError - expected.standardError) < 1e-12)
                #expect(cell["degreesOfFreedom"]?.number == Double(expected.degreesOfFreedom))
                #expect(cell["n"]?.number == Double(expected.baseCount))
                compared += 1
            }
            #expect(compared > 3)

            let multiple = try await Self.conforming(
                app, "/api/v1/waves/\(Self.wave)/estimates?variable=results", template: "/api/v1/waves/{wave}/estimates"
            )
            #expect(multiple["kind"]?.string == "shareOfRespondents")

            // ci and deff choose the interval and the design effect's reference, and the answer names them.
            let chosen = try await Self.conforming(
                app, "/api/v1/waves/\(Self.wave)/estimates?variable=innovated&ci=likelihood&deff=srswor",
                template: "/api/v1/waves/{wave}/estimates")
            #expect(chosen["intervalMethod"]?.string == "likelihood")
            #expect(chosen["designEffectReference"]?.string == "srswor")
            let options = EstimationOptions(intervalMethod: .likelihood, designEffectReference: .srswor)
            let overall = try Estimator(dataset: wave.dataset, design: wave.design, options: options)
                .shares(of: "innovated")
            let first = try #require(chosen["cells"]?.array?.first)
            if let low = first["lower"]?.number, let deff = first["designEffect"]?.number {
                #expect(abs(low - overall.cells[0].lower) < 1e-12)
                #expect(abs(deff - (overall.cells[0].designEffect ?? .nan)) < 1e-12)
            }

            var headers = HTTPHeaders()
            headers.contentType = .json
            try await app.testing().test(
                .POST, "/api/v1/waves/\(Self.wave)/estimates", headers: headers,
                body: ByteBuffer(
                    string: "{\"variable\":\"innovated\",\"by\":[\"centrality\"],\"filters\":{\"sector\":\(sector)}}")
            ) { response in
                #expect(response.status == .ok)
                let posted = try JSONValue.parse(response.body.string)
                #expect(posted["cells"] == json["cells"])
            }
        }
    }

    @Test func errorsAreProblemDetails() async throws {
        try await withSharedTestApp { app in
            let cases: [(String, HTTPStatus, String?)] = [
                ("/api/v1/waves/ukjent", .notFound, "wave"),
                ("/api/v1/waves/\(Self.wave)/figures/fig-0", .notFound, "figure"),
                ("/api/v1/waves?per_page=0", .badRequest, "per_page"),
                ("/api/v1/waves?page=abc", .badRequest, "page"),
                ("/api/v1/waves?per_page=1000", .badRequest, "per_page"),
                ("/api/v1/waves/\(Self.wave)/figures?county=abc", .badRequest, "county"),
                ("/api/v1/waves/\(Self.wave)/figures/fig-4-1?unit_type=999", .badRequest, "unit_type"),
                ("/api/v1/waves/\(Self.wave)/estimates", .badRequest, "variable"),
                ("/api/v1/waves/\(Self.wave)/estimates?variable=nope", .badRequest, "variable"),
                ("/api/v1/waves/\(Self.wave)/estimates?variable=innovated&by=nope", .badRequest, "by"),
                ("/api/v1/waves/\(Self.wave)/estimates?variable=innovated&ci=exact", .badRequest, "ci"),
                ("/api/v1/waves/\(Self.wave)/estimates?variable=innovated&deff=yes", .badRequest, "deff"),
                ("/api/v1/nothing-here", .notFound, nil),
            ]
            for (path, status, parameter) in cases {
                let response = try await app.get(path)
                #expect(response.status == status, "\(path)")
                #expect(response.headers.contentType?.subType == "problem+json", "\(path)")
                let problem = try JSONValue.parse(response.body.string)
                let schema = JSONValue.object(["$ref": .string("#/components/schemas/Problem")])
                #expect(Self.checker.problems(problem, against: schema).isEmpty, "\(path)")
                #expect(problem["status"]?.number == Double(status.code))
                #expect(problem["title"]?.string == status.reasonPhrase)
                #expect(problem["instance"]?.string == String(path.prefix { $0 != "?" }))
                #expect(problem["parameter"]?.string == parameter, "\(path)")
                let detail = problem["detail"]?.string ?? ""
                #expect(!detail.isEmpty)
            }

            // Wrong content type and oversize bodies.
            var text = HTTPHeaders()
            text.contentType = .plainText
            try await app.testing().test(
                .POST, "/api/v1/waves/\(Self.wave)/estimates", headers: text,
                body: ByteBuffer(string: "variable=innovated")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.headers.contentType?.subType == "problem+json")
            }
            var json = HTTPHeaders()
            json.contentType = .json
            let huge = "{\"variable\":\"" + String(repeating: "x", count: 20_000) + "\"}"
            try await app.testing().test(
                .POST, "/api/v1/waves/\(Self.wave)/estimates", headers: json, body: ByteBuffer(string: huge)
            ) { response in
                #expect(response.status == .payloadTooLarge)
                #expect(response.headers.contentType?.subType == "problem+json")
            }
            try await app.testing().test(
                .POST, "/api/v1/waves/\(Self.wave)/estimates", headers: json, body: ByteBuffer(string: "{not json")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("\"parameter\":\"body\""))
            }
        }
    }
}
