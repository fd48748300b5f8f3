/// Someone in the org chart: a worker, a manager, or an independent auditor.
public struct Person: Sendable, Hashable, Codable {
    public var id: String
    public var displayName: String
    public var level: ManagerLevel
    /// The team the person works in (workers, ATMs, TMs); nil for senior managers and IROs.
    public var team: String?
    /// Their line manager's id; nil only for the DCS (and people outside the line, such as QA).
    public var reportsTo: String?
    /// Who they are to the system: their database login on the server store, their operating
    /// system account on the embedded one; nil for people who never use caseaudit.
    public var login: String?

    public init(
        id: String, displayName: String, level: ManagerLevel, team: String? = nil, reportsTo: String? = nil,
        login: String? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.level = level
        self.team = team
        self.reportsTo = reportsTo
        self.login = login
    }
}
