/// The themes the 2018 baseline report draws from its 18 interviews, as code lists for coding
/// interview cases (``InterviewCase``). Taken from the report's text; labels are the report's
/// words where it gives a heading, the English ours.
public enum InterviewThemes {
    /// The three clearest barriers (chapter 5.1): a strong focus on day-to-day operations (named by
    /// half the interviewees), lack of competence (over 40 %: project management, research
    /// method, documenting effects, risk analysis) and fear of failing (from poor leadership, or a
    /// strict professional culture or strict rules such as procurement law).
    public static let barrier = CodeList(
        id: "interview_barrier",
        entries: [
            .init(1, "Driftsfokus", "Focus on operations"),
            .init(2, "Manglende kompetanse", "Lack of competence"),
            .init(3, "Frykt for å feile", "Fear of failure"),
        ])

    /// The three success factors (chapter 5.2): anchoring with administrative and political
    /// leadership (over half), motivated and competent staff (the «ildsjeler»), and enough
    /// financial resources (over 60 %).
    public static let successFactor = CodeList(
        id: "interview_success_factor",
        entries: [
            .init(1, "Forankring", "Anchoring with leadership"),
            .init(2, "Motiverte og kompetente medarbeidere", "Motivated and competent staff"),
            .init(3, "Finansielle ressurser", "Financial resources"),
        ])

    /// The eight practical diffusion channels the report takes from Menon's 2016 study for KS
    /// (chapter 2.2.2).
    public static let diffusionChannel = CodeList(
        id: "interview_diffusion_channel",
        entries: [
            .init(1, "Læring i linja", "Learning in the line organisation"),
            .init(2, "Nettverk", "Networks and meeting places"),
            .init(3, "Kunnskapssenter", "Knowledge centres"),
            .init(4, "Sentralisert koordinering", "Central coordination"),
            .init(5, "Utdannings- og FoU-institusjoner", "Education and R&D institutions"),
            .init(6, "Dokumentasjonssystem", "Documentation system"),
            .init(7, "Felles protokollsystem", "Shared protocol system"),
            .init(8, "Koordinerte innkjøp", "Coordinated procurement"),
        ])

    /// Why a project was started (chapter 4.1.2, from the interviews with applicants): result-oriented
    /// projects (40 %) solve a present or coming problem, either proactively (forward-looking,
    /// strategic) or responsively (acting on an observed problem); process-oriented projects (60 %)
    /// improve ways of working, often by involving citizens, civil society and business.
    public static let motivation = CodeList(
        id: "interview_motivation",
        entries: [
            .init(1, "Resultatorientert, proaktiv", "Result-oriented, proactive"),
            .init(2, "Resultatorientert, responsiv", "Result-oriented, responsive"),
            .init(3, "Prosessorientert", "Process-oriented"),
        ])

    /// The four lists in the order a case record shows them.
    public static let all: [CodeList] = [barrier, successFactor, diffusionChannel, motivation]

    /// The list with `id`.
    public static func list(id: String) -> CodeList? { all.first { $0.id == id } }
}
