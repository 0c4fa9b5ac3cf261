import Foundation

extension ProjectDocument {
    /// The top-level fields (JSON keys) whose value differs from `previous`, sorted: what a saved
    /// version records as changed.
    public func changedFields(since previous: ProjectDocument) -> [String] {
        func object(_ document: ProjectDocument) -> [String: Any] {
            let data = (try? JSONEncoder().encode(document)) ?? Data()
            return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        }
        let a = object(previous)
        let b = object(self)
        return Set(a.keys).union(b.keys).sorted().filter { key in
            let left = a[key].map { "\($0)" }
            let right = b[key].map { "\($0)" }
            return left != right
        }
    }
}
