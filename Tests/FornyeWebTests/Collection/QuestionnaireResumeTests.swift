import FornyeBarometer
import FornyeStorage
import Foundation
import Testing
import VaporTesting

@testable import FornyeWeb

/// «Fortsett der du slapp» opens the page the respondent was on, kept with the draft.
@Suite struct QuestionnaireResumeTests {
    /// The intro's button: where it leads and what it says.
    static func introButton(_ app: Application, _ base: String) async throws -> (href: String, label: String) {
        var page = ""
        try await app.testing().test(.GET, base) { response in page = response.body.string }
        let marker = "<a class=\"button\" href=\""
        guard let start = page.range(of: marker)?.upperBound, let end = page[start...].firstIndex(of: "\""),
            let close = page[end...].firstIndex(of: ">"), let labelEnd = page[close...].range(of: "</a>")
        else { return ("", "") }
        return (String(page[start..<end]), String(page[page.index(after: close)..<labelEnd.lowerBound]))
    }

    @Test func continueOpensThePageTheRespondentWasOn() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app)
            let base = "/svar/\(fixture.tokens[0])"
            #expect(try await Self.introButton(app, base) == ("\(base)/side/1", "Start"))
            _ = try await postForm(app, "\(base)/side/1", nonInnovatorPages[0] + [("action", "next")])
            // Saved on page 2 of (at least) 3: the button opens page 2, not the last page.
            let saved = try await postForm(app, "\(base)/side/2", [("innovated_service", "2"), ("action", "save")])
            #expect(saved.status == .ok)
            #expect(try await Self.introButton(app, base) == ("\(base)/side/2", "Fortsett der du slapp"))
            // On to page 3, and back to page 2: where the respondent was each time.
            _ = try await postForm(app, "\(base)/side/2", nonInnovatorPages[1] + [("action", "next")])
            #expect(try await Self.introButton(app, base).href == "\(base)/side/3")
            _ = try await postForm(app, "\(base)/side/3", [("action", "back")])
            #expect(try await Self.introButton(app, base).href == "\(base)/side/2")
            // A page refused for a wrong answer is where the respondent stays.
            let refused = try await postForm(
                app, "\(base)/side/3", [("development_underway", "99"), ("action", "next")])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await Self.introButton(app, base).href == "\(base)/side/3")
            // Past the last page: the review.
            _ = try await postForm(app, "\(base)/side/3", nonInnovatorPages[2] + [("action", "next")])
            let resume = try await Self.introButton(app, base).href
            try await app.testing().test(.GET, resume) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "\(base)/oversikt")
            }
        }
    }

    @Test func aDraftSavedWithoutItsPageResumesOnTheLastPageReached() async throws {
        try await withTestApp(seedDemoContent: false) { app in
            let fixture = try await CollectionFixture.make(app)
            let base = "/svar/\(fixture.tokens[0])"
            let invitation = try await invitationID(app, fixture.tokens[0])
            // As drafts were stored before the page was kept: answers only.
            let answers: AnswerSet = ["role": .code(1), "innovated_service": .code(2)]
            let old = DraftAnswers.encode(answers)
            #expect(!old.contains("@page"))
            #expect(DraftAnswers.decodeSaved(old) == DraftAnswers.Saved(answers: answers, page: nil))
            #expect(
                try await CollectionRepository(database: app.db).saveDraft(invitationID: invitation, answers: answers))
            #expect(try await Self.introButton(app, base) == ("\(base)/side/3", "Fortsett der du slapp"))
        }
    }
}
