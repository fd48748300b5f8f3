/// A store that enforces rights itself (the server store): the group roles and row-level
/// policies, and a login role for each person of the org chart who has a login.
public protocol RightsAdministration: Sendable {
    /// Creates (or brings up to date) the group roles, their grants and the policies; returns
    /// what it changed, one line each.
    func initialiseRights() throws(StoreError) -> [String]
    /// Makes or maps a login role for each person with a login and puts it in the group of
    /// their level; people no longer in the chart (leavers) lose every group. Returns what it
    /// changed, one line each.
    func grantRights(to chart: OrgChart) throws(StoreError) -> [String]
}

/// The group a person's level puts their login in. Each database has groups of its own, named
/// after it (`caseaudit_lead` for a database called caseaudit), so councils sharing a server
/// never share rights, and one council's leavers are never another's.
public enum RightsGroup: String, Sendable, CaseIterable {
    case qualityLead = "lead"
    case seniorManager = "senior"
    case auditor = "auditor"

    /// The group's role in `database`: its name, lower-cased, with anything but letters,
    /// digits and underscores made an underscore, then the group.
    public func role(in database: String) -> String {
        let base = String(
            database.lowercased().unicodeScalars.map { scalar -> Character in
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "_"
            })
        let start = base.first.map { $0.isLetter } == true ? base : "db_" + base
        return String(start.prefix(50)) + "_" + rawValue
    }

    public init?(_ level: ManagerLevel) {
        switch level {
        case .qualityOfficer: self = .qualityLead
        case .serviceManager, .assistantDirector, .director: self = .seniorManager
        case .teamManager, .assistantTeamManager, .reviewingOfficer: self = .auditor
        case .socialWorker: return nil
        }
    }
}

/// A `server` command given a SQLite file: `server init` and `server grant` on a store that
/// does not enforce rights itself, or `server import` with a file as its target.
public struct NotAServer: ReportableError, Hashable {
    public enum Purpose: Sendable, Hashable {
        case rights
        case importTarget
    }

    public var location: String
    public var purpose: Purpose

    public init(location: String, purpose: Purpose = .rights) {
        self.location = location
        self.purpose = purpose
    }

    public var message: String {
        switch purpose {
        case .rights:
            "\(location) is a SQLite file: its rights are the file's (readable by its owner only), so there are no roles to set"
        case .importTarget:
            "\(location) is a SQLite file: a council is imported into a PostgreSQL server (a postgresql:// or key=value connection string)"
        }
    }
}
