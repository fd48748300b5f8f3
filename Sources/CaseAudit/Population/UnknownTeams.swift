/// Teams a case list names that the org chart does not have. Their files can be drawn, but no
/// manager's line covers them, so allocation and the reports by line cannot place them: the
/// quality lead is told at import and at every draw, never left to find out.
public struct UnknownTeams: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var count: Int
    }

    /// Each such team with how many cases (or drawn files) it has, most first.
    public var teams: [Entry]

    /// From a snapshot's counts.
    public init(counts: [TeamCaseCount], chart: OrgChart) {
        self.init(teams: counts.compactMap { count in count.team.map { ($0, count.count) } }, chart: chart)
    }

    /// From any list of team names with counts (repeats add up).
    public init(teams named: [(String, Int)], chart: OrgChart) {
        let known = Set(chart.teams.map(\.name))
        var totals: [String: Int] = [:]
        for (name, count) in named where !known.contains(name) { totals[name, default: 0] += count }
        teams = totals.map { Entry(name: $0.key, count: $0.value) }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
    }

    public var isEmpty: Bool { teams.isEmpty }

    /// One line: "2 teams of the case list are not in the org chart: 'Locality 4 Unit 1' (31 cases), …".
    public func message(of what: String) -> String {
        let total = teams.reduce(0) { $0 + $1.count }
        let shown = teams.prefix(5).map { "'\($0.name)' (\($0.count))" }.joined(separator: ", ")
        let more = teams.count > 5 ? " and \(teams.count - 5) more" : ""
        let noun = teams.count == 1 ? "team is" : "teams are"
        return "\(teams.count) \(noun) not in the org chart, with \(total) \(what): \(shown)\(more); "
            + "no manager's line covers \(teams.count == 1 ? "it" : "them"), so files there cannot be allocated by line or reported under one"
    }
}
