/// The council's structure: people, teams, and who reports to whom. Every team rolls up
/// through its manager's line (TM → SM → AD → DCS).
public struct OrgChart: Sendable, Hashable, Codable {
    public var people: [Person]
    public var teams: [Team]

    public init(people: [Person], teams: [Team]) {
        self.people = people
        self.teams = teams
    }

    public func person(id: String) -> Person? {
        people.first { $0.id == id }
    }

    /// People by id, built once per question that needs many lookups.
    private func index() -> [String: Person] {
        Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The chain of managers above a person, nearest first (cycles are refused on import).
    public func line(above personID: String) -> [Person] {
        let byID = index()
        guard let person = byID[personID] else { return [] }
        var known: [String: [Person]] = [:]
        return Array(Self.line(from: person, in: byID, known: &known).dropFirst())
    }

    /// `person` and the chain above them, from the lines already `known` (by the person they
    /// start from), which it adds to.
    private static func line(from person: Person, in byID: [String: Person], known: inout [String: [Person]])
        -> [Person]
    {
        if let line = known[person.id] { return line }
        // Up to the first person whose line is known, or the top, or a person seen already
        // (cycles are refused on import; a chart read back is trusted no further).
        var chain = [person]
        var seen: Set<String> = [person.id]
        var rest: [Person] = []
        var next = person.reportsTo
        var cyclic = false
        while let id = next, let manager = byID[id] {
            if let line = known[id] {
                rest = line
                break
            }
            guard seen.insert(id).inserted else {
                cyclic = true
                break
            }
            chain.append(manager)
            next = manager.reportsTo
        }
        // In a cycle, each person's line ends at a different place: none is kept.
        var line = rest
        for member in chain.reversed() {
            line.insert(member, at: 0)
            if !cyclic { known[member.id] = line }
        }
        return line
    }

    /// The team's management line: its manager, then that manager's line (TM, SM, AD, DCS).
    public func managementLine(ofTeam name: String) -> [Person] {
        let byID = index()
        guard let team = teams.first(where: { $0.name == name }), let manager = byID[team.managerID] else { return [] }
        var known: [String: [Person]] = [:]
        return Self.line(from: manager, in: byID, known: &known)
    }

    /// Every team's management line, walked with one index (a council has hundreds of teams
    /// and thousands of people).
    public func managementLines() -> [String: [Person]] {
        let byID = index()
        var lines: [String: [Person]] = [:]
        // Managers share the people above them: each person's line is walked once.
        var lineFrom: [String: [Person]] = [:]
        for team in teams {
            guard let manager = byID[team.managerID] else { continue }
            lines[team.name] = Self.line(from: manager, in: byID, known: &lineFrom)
        }
        return lines
    }

    /// The teams whose management line includes this person: the files they may not audit
    /// (independence), and the teams their reports roll up.
    public func teamsOverseen(by personID: String) -> Set<String> {
        teamsOverseenByEveryone()[personID] ?? []
    }

    /// The teams whose files `person` may not audit (independence): the teams in their line;
    /// none for the DCS, who is in every line. `overseen`: `teamsOverseenByEveryone()`, when
    /// the caller has it already.
    public func teamsExcludedFromAuditing(by person: Person, overseen: [String: Set<String>]? = nil) -> Set<String> {
        person.level == .director ? [] : (overseen ?? teamsOverseenByEveryone())[person.id] ?? []
    }

    /// For everyone at once, from each team's line.
    public func teamsOverseenByEveryone() -> [String: Set<String>] {
        var overseen: [String: Set<String>] = [:]
        for (team, line) in managementLines() {
            for person in line { overseen[person.id, default: []].insert(team) }
        }
        return overseen
    }
}
