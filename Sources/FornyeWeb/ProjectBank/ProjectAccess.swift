import FornyeProjectBank
import FornyeStorage
import Vapor

/// How the project bank sees a request's principal: admins review, municipality editors write
/// their own municipality's projects, everyone else (and the public) only reads published ones.
extension Request {
    var projectActor: ProjectActor? {
        guard let principal else { return nil }
        switch principal.role {
        case .admin: return .admin
        case .municipalityEditor:
            return principal.municipalityNumber.map { .editor(municipality: $0) }
        default: return nil
        }
    }

    var projectAuthor: ProjectAuthor? {
        guard let actor = projectActor, let principal else { return nil }
        return ProjectAuthor(actor: actor, name: principal.displayName, userID: principal.userID)
    }

    /// Whether this request may see `record`: published ones for all; others for admins and
    /// for editors of the owner municipality.
    func maySee(_ record: ProjectRecord) -> Bool {
        if record.status == .published { return true }
        switch projectActor {
        case .admin, .system: return true
        case .editor(let municipality): return record.ownerMunicipality == municipality
        case nil: return false
        }
    }
}

extension ProjectCode {
    func label(_ language: Language) -> String { language.pick(labels.nb, labels.en) }
}
