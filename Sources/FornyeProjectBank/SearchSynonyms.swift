/// The admin's synonym list for search (issue 21): groups of words or short phrases that mean the
/// same («KI, AI, kunstig intelligens», «SFO, skolefritidsordning»). A query word that is one
/// member of a group also matches every other member, as its translations do, and is shown with
/// them; switching expansion off (`utvid=nei`) switches synonyms off too.
public struct SearchSynonymGroup: Sendable, Equatable {
    /// The members, lower-case, spaces collapsed, in the order the admin wrote them.
    public var members: [String]

    public init(members: [String]) { self.members = members }

    /// At most this many groups in the list, members in a group, words in a member, characters in
    /// a member: bounded so the list stays a list and a query stays cheap.
    public static let maxGroups = 500
    public static let maxMembers = 10
    public static let maxWordsPerMember = 3
    public static let maxMemberLength = 60

    /// Reads «KI, AI, kunstig intelligens» (members separated by commas or new lines) into a
    /// group, or every problem with its place (field `members`).
    public static func parse(_ text: String) -> Result<SearchSynonymGroup, ProjectError> {
        var errors: [ProjectFieldError] = []
        func add(_ en: String, _ nb: String) {
            errors.append(ProjectFieldError(field: "members", message: en, messageNB: nb))
        }
        guard text.count <= maxMembers * (maxMemberLength + 2) else {
            add(
                "at most \(maxMembers * (maxMemberLength + 2)) characters",
                "høyst \(maxMembers * (maxMemberLength + 2)) tegn")
            return .failure(.invalid(errors))
        }
        var members: [String] = []
        for raw in text.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == "\r" }) {
            let member = raw.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !member.isEmpty else { continue }
            if member.count > maxMemberLength {
                add(
                    "«\(member.prefix(20))…» is longer than \(maxMemberLength) characters",
                    "«\(member.prefix(20))…» er lengre enn \(maxMemberLength) tegn")
            } else if !member.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }) {
                add(
                    "«\(member)» may hold only letters, digits, spaces and hyphens",
                    "«\(member)» kan bare ha bokstaver, sifre, mellomrom og bindestrek")
            } else if SearchText.tokens(member).count > maxWordsPerMember {
                add(
                    "«\(member)» has more than \(maxWordsPerMember) words",
                    "«\(member)» har mer enn \(maxWordsPerMember) ord")
            } else if SearchText.tokens(member).isEmpty {
                add("«\(member)» holds no word", "«\(member)» inneholder ikke noe ord")
            } else if !members.contains(member) {
                members.append(member)
            }
        }
        if errors.isEmpty && members.count < 2 {
            add("at least two words or phrases, separated by commas", "minst to ord eller uttrykk, skilt med komma")
        }
        if members.count > maxMembers {
            add(
                "at most \(maxMembers) words or phrases in a group", "høyst \(maxMembers) ord eller uttrykk i en gruppe"
            )
        }
        return errors.isEmpty ? .success(SearchSynonymGroup(members: members)) : .failure(.invalid(errors))
    }

    /// A member's index terms in `language` (what a query word is compared with).
    func terms(_ member: String, _ language: SearchLanguage) -> [String] {
        SearchText.tokens(member).map { SearchText.term($0, language) }
    }

    /// The other members when `words[index...]` begins with one of the group's members (in either
    /// language's analysis); the matched member's word count with them.
    func others(matching words: [String], at index: Int) -> (length: Int, others: [String])? {
        for member in members {
            for language in SearchLanguage.allCases {
                let wanted = terms(member, language)
                guard index + wanted.count <= words.count else { continue }
                let have = words[index..<(index + wanted.count)].map { SearchText.term($0, language) }
                if have == wanted { return (wanted.count, members.filter { $0 != member }) }
            }
        }
        return nil
    }
}
