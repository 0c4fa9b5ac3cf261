import FornyeStatistics
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import FornyeWeb

/// The estimates API with replicate weights: the answer names the variance method, its numbers
/// are the engine's on the raked wave with every replicate raked again, GET and POST agree, and a
/// bad choice is a problem naming its parameter.
@Suite struct APIReplicateTests {
    static let path = "/api/v1/waves/\(APITests.wave)/estimates"

    @Test func bootstrapEstimatesAreTheEnginesAndNamed() async throws {
        try await withSharedTestApp { app in
            let wave = try await app.preparedDemoWave()
            let json = try await APITests.conforming(
                app, Self.path + "?variable=innovated&replicates=bootstrap&replicate_count=20&seed=5",
                template: "/api/v1/waves/{wave}/estimates")
            #expect(json["varianceMethod"]?.string == "subbootstrap")
            #expect(json["replicates"]?.number == 20)
            let recipe = try ReplicateRecipe(kind: .bootstrap, count: 20, seed: 5)
            let (design, replicates) = try recipe.make(for: wave.replicateWeighting, data: wave.dataset)
            let engine = try Estimator(dataset: wave.dataset, design: design, replicates: replicates)
                .shares(of: "innovated")
            let cells = try #require(json["cells"]?.array)
            var compared = 0
            for (cell, expected) in zip(cells, engine.cells) {
                guard let standardError = cell["standardError"]?.number else { continue }
                #expect(abs(standardError - expected.standardError) < 1e-12)
                #expect(cell["degreesOfFreedom"]?.number == Double(replicates.degreesOfFreedom))
                compared += 1
            }
            #expect(compared > 0)
            let taylor = try await APITests.conforming(
                app, Self.path + "?variable=innovated", template: "/api/v1/waves/{wave}/estimates")
            #expect(taylor["varianceMethod"]?.string == "taylor")
            #expect(taylor["replicates"] == nil)

            var headers = HTTPHeaders()
            headers.contentType = .json
            try await app.testing().test(
                .POST, Self.path, headers: headers,
                body: ByteBuffer(
                    string: #"{"variable":"innovated","replicates":"bootstrap","replicateCount":20,"seed":5}"#)
            ) { response in
                #expect(response.status == .ok)
                let posted = try JSONValue.parse(response.body.string)
                #expect(posted["cells"] == json["cells"])
                #expect(posted["varianceMethod"]?.string == "subbootstrap")
            }
        }
    }

    @Test func badReplicateChoicesAreProblems() async throws {
        try await withSharedTestApp { app in
            for (query, parameter) in [
                ("replicates=nope", "replicates"), ("replicates=bootstrap&replicate_count=1", "replicate_count"),
                ("replicates=bootstrap&replicate_count=5000", "replicate_count"),
                ("replicates=fay&fay_rho=2", "fay_rho"),
                ("replicates=bootstrap&seed=-1", "seed"),
            ] {
                let response = try await app.get(Self.path + "?variable=innovated&" + query)
                #expect(response.status == .badRequest, "\(query)")
                let problem = try JSONValue.parse(response.body.string)
                #expect(problem["parameter"]?.string == parameter, "\(query)")
            }
        }
    }
}
