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

    /// The chain of managers above a person, nearest first (cycles are refused on import).
    public func line(above personID: String) -> [Person] {
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var chain: [Person] = []
        var seen: Set<String> = [personID]
        var next = byID[personID]?.reportsTo
        while let id = next, let manager = byID[id], seen.insert(id).inserted {
            chain.append(manager)
            next = manager.reportsTo
        }
        return chain
    }

    /// The team's management line: its manager, then that manager's line (TM, SM, AD, DCS).
    public func managementLine(ofTeam name: String) -> [Person] {
        guard let team = teams.first(where: { $0.name == name }), let manager = person(id: team.managerID) else {
            return []
        }
        return [manager] + line(above: manager.id)
    }

    /// The teams whose management line includes this person: the files they may not audit
    /// (independence), and the teams their reports roll up.
    public func teamsOverseen(by personID: String) -> Set<String> {
        teamsOverseenByEveryone()[personID] ?? []
    }

    /// For everyone at once: each team's line is walked once (a council has hundreds of teams
    /// and thousands of people).
    public func teamsOverseenByEveryone() -> [String: Set<String>] {
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var overseen: [String: Set<String>] = [:]
        for team in teams {
            var seen: Set<String> = []
            var next: String? = team.managerID
            while let id = next, seen.insert(id).inserted, let person = byID[id] {
                overseen[id, default: []].insert(team.name)
                next = person.reportsTo
            }
        }
        return overseen
    }
}
