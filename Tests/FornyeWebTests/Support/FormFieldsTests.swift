import FornyeStorage
import FornyeTestRandom
import Foundation
import Testing
import Vapor

@testable import FornyeWeb

/// The byte-level form parser and token hash against the Foundation routes they replaced.
@Suite struct FormFieldsTests {
    /// The earlier parser: Foundation's "+" replacement and percent decoding per name and value.
    static func reference(_ body: String) -> [(String, String)] {
        body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    @Test func knownBodies() throws {
        let fields = try FormFields(
            body: "_csrf=abc&navn=%C3%B8l+og+br%C3%B8d&tom=&flagg&a=1&a=2&%=x&pst=50%25&rå=ø&&brutt=%E2%82")
        #expect(fields.first("navn") == "øl og brød")
        #expect(fields.first("tom") == "")
        #expect(fields.first("flagg") == "")
        #expect(fields.all("a") == ["1", "2"])
        #expect(fields.first("%") == "x")
        #expect(fields.first("pst") == "50%")
        #expect(fields.first("rå") == "ø")
        // An escape that is not UTF-8 keeps the text as sent.
        #expect(fields.first("brutt") == "%E2%82")
    }

    @Test func randomBodiesParseAsFoundationDid() throws {
        let pieces = [
            "a", "b", "x", "=", "=", "&", "&", "+", "%", "%2", "%20", "%2B", "%26", "%3D", "%C3%B8", "%c3%a5", "%FF",
            "%E2%82%AC", "%E2%82", "%zz", "ø", "€", "1", "0", "_csrf", "%%",
        ]
        var generator = SeededGenerator(seed: 20_261_206)
        for _ in 0..<2_000 {
            let body = (0..<Int.random(in: 0...14, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            let fields = try FormFields(body: body).pairs
            let expected = Self.reference(body)
            #expect(fields.map(\.0) == expected.map(\.0), "\(body)")
            #expect(fields.map(\.1) == expected.map(\.1), "\(body)")
        }
    }

    @Test func repeatedNamesKeepTheirOrder() throws {
        let fields = try FormFields(body: "b=1&a=x&b=2&c=&b=3")
        #expect(fields.all("b") == ["1", "2", "3"])
        #expect(fields.names == ["b", "a", "c"])
        #expect(fields.pairs.map(\.0) == ["b", "a", "b", "c", "b"])
        #expect(fields.first("missing") == nil)
    }

    @Test func fieldsUpToTheLimitAreRead() throws {
        let body = (0..<FormFields.maxFields).map { "f\($0)=\($0)" }.joined(separator: "&")
        let fields = try FormFields(body: body)
        #expect(fields.pairs.count == FormFields.maxFields)
        #expect(fields.first("f1999") == "1999")
        // Empty pairs ("&&") are not fields and do not count.
        #expect(try FormFields(body: "a=1&&&&b=2", maxFields: 2).pairs.count == 2)
    }

    @Test func oneFieldTooManyIsRefused() {
        let body = (0...FormFields.maxFields).map { "f\($0)=" }.joined(separator: "&")
        #expect(throws: FormFieldsError.tooManyFields(limit: FormFields.maxFields)) { try FormFields(body: body) }
        #expect(throws: FormFieldsError.tooManyFields(limit: 2)) { try FormFields(body: "a&b&c", maxFields: 2) }
    }

    @Test func aBodyOverTheByteLimitIsRefusedBeforeParsing() throws {
        #expect(try FormFields(body: String(repeating: "x", count: 10), maxBytes: 10).first("xxxxxxxxxx") == "")
        #expect(throws: FormFieldsError.tooLarge(bytes: 11, limit: 10)) {
            try FormFields(body: String(repeating: "x", count: 11), maxBytes: 10)
        }
        // Bytes, not characters: "ø" is two.
        #expect(throws: FormFieldsError.tooLarge(bytes: 12, limit: 11)) {
            try FormFields(body: "a=" + String(repeating: "ø", count: 5), maxBytes: 11)
        }
        let error = FormFieldsError.tooManyFields(limit: 3)
        #expect(error.status == .payloadTooLarge)
        #expect(error.reason.contains("at most 3"))
    }

    /// Published SHA-256 test vectors (FIPS 180-2 "abc", the empty string) and a token-shaped text.
    @Test func tokenHashIsLowerCaseHexSHA256() {
        let vectors = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "The quick brown fox jumps over the lazy dog",
                "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"
            ),
            (
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO-_",
                "2747acbc31e87abf2cacf5e0c47e0d9d3a39ebf1efef420b221d4ef49430d022"
            ),
        ]
        for (text, digest) in vectors { #expect(InvitationToken.hash(text) == digest) }
    }
}
