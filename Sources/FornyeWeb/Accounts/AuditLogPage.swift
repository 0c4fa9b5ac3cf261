import FornyeStorage
import Vapor

/// `/admin/logg`: the audit log, filtered by action and user, a page of entries at a time.
struct AuditLogPage {
    var request: Request
    var result: AuditPage
    var filter: AuditFilter
    var actions: [AuditAction]
    var users: [UserRecord]

    func render() -> String {
        let language = Language.of(request)
        let result = result
        let filter = filter
        let names = Dictionary(
            users.compactMap { user in user.id.map { ($0, user.email) } }, uniquingKeysWith: { a, _ in a })
        let layout = PageLayout(title: language.pick("Revisjonslogg", "Audit log"), request: request)
        return layout.render {
            el("h1") { language.pick("Revisjonslogg", "Audit log") }
            el("form", ["method": "get", "action": Paths.auditLog, "class": "filters"]) {
                el("div") {
                    el("label", ["for": "felt-handling"]) { language.pick("Handling", "Action") }
                    el("select", ["id": "felt-handling", "name": "handling"]) {
                        el("option", ["value": ""]) { language.pick("Alle", "All") }
                        for action in actions {
                            el(
                                "option",
                                attributes: [
                                    ("value", action.rawValue), ("selected", action == filter.action ? "" : nil),
                                ]
                            ) { action.rawValue }
                        }
                    }
                }
                el("div") {
                    el("label", ["for": "felt-bruker"]) { language.pick("Utført av", "Done by") }
                    el("select", ["id": "felt-bruker", "name": "bruker"]) {
                        el("option", ["value": ""]) { language.pick("Alle", "All") }
                        for user in users {
                            el(
                                "option",
                                attributes: [
                                    ("value", user.id?.uuidString ?? ""),
                                    ("selected", user.id == filter.actorID ? "" : nil),
                                ]
                            ) { user.email }
                        }
                    }
                }
                el("p") { el("button", ["type": "submit"]) { language.pick("Vis", "Show") } }
            }
            el("div", ["class": "table-wrap"]) {
                el("table") {
                    el("caption") {
                        language.pick(
                            "Hendelser \(range(result)) av \(result.total), nyeste først",
                            "Events \(range(result)) of \(result.total), newest first")
                    }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { language.pick("Tidspunkt (UTC)", "Time (UTC)") }
                            el("th", ["scope": "col"]) { language.pick("Utført av", "Done by") }
                            el("th", ["scope": "col"]) { language.pick("Handling", "Action") }
                            el("th", ["scope": "col"]) { language.pick("Gjelder", "Target") }
                            el("th", ["scope": "col"]) { language.pick("Detaljer", "Details") }
                        }
                    }
                    el("tbody") {
                        for entry in result.entries {
                            el("tr") {
                                el("td") { TimeText.node(entry.occurredAt, language) }
                                el("td") {
                                    entry.actorID.map { names[$0] ?? $0.uuidString }
                                        ?? language.pick("(ingen innlogget bruker)", "(no signed-in user)")
                                }
                                el("td") { entry.action }
                                el("td") { entry.target ?? "" }
                                el("td") { entry.details ?? "" }
                            }
                        }
                    }
                }
            }
            if result.pageCount > 1 {
                el("nav", ["aria-label": language.pick("Sider", "Pages")]) {
                    el("ul", ["class": "pagination"]) {
                        if result.page > 1 {
                            el("li") {
                                el("a", ["href": link(page: result.page - 1)]) { language.pick("← Nyere", "← Newer") }
                            }
                        }
                        el("li") {
                            language.pick(
                                "Side \(result.page) av \(result.pageCount)",
                                "Page \(result.page) of \(result.pageCount)")
                        }
                        if result.page < result.pageCount {
                            el("li") {
                                el("a", ["href": link(page: result.page + 1)]) { language.pick("Eldre →", "Older →") }
                            }
                        }
                    }
                }
            }
        }
    }

    private func range(_ result: AuditPage) -> String {
        guard !result.entries.isEmpty else { return "0" }
        let first = (result.page - 1) * result.perPage + 1
        return "\(first)–\(first + result.entries.count - 1)"
    }

    private func link(page: Int) -> String {
        var items = ["side=\(page)"]
        if let action = filter.action { items.append("handling=\(LocalRedirect.queryEncoded(action.rawValue))") }
        if let actor = filter.actorID { items.append("bruker=\(actor.uuidString)") }
        return Paths.auditLog + "?" + items.joined(separator: "&")
    }
}
