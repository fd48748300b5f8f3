/// Who is using caseaudit, as the system says: the database login on the server store
/// (`session_user`), the operating system account on the embedded one. Never a flag.
public struct SessionIdentity: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        case databaseLogin = "database login"
        case operatingSystemAccount = "operating-system account"
    }

    public var login: String
    public var source: Source
    /// The database gives this login every right whoever it is in the org chart: the role
    /// that owns the server's schema, or a superuser. (On the embedded store, holding the
    /// file does the same; see `Caller`.)
    public var administers: Bool

    public init(login: String, source: Source, administers: Bool = false) {
        self.login = login
        self.source = source
        self.administers = administers
    }
}

/// What a person may do in caseaudit.
public enum Role: String, Sendable, Hashable, Codable {
    /// Imports, draws, allocates and reallocates, keys paper audits for others, reports.
    case qualityLead = "quality lead"
    /// Reads the reports and the audits of the teams in their line (SM, AD, DCS).
    case seniorManager = "senior manager"
    /// Scores the files allocated to them and sees their own audits.
    case auditor
}

/// The person behind a session, and what they may do.
public struct Caller: Sendable, Hashable, Codable {
    public let identity: SessionIdentity
    /// The person of the org chart whose login this is; nil when nobody's is.
    public let person: Person?
    /// What they may do, from the two above (kept, so that `whoami --format json` shows it).
    public let role: Role?

    /// What they may do: by their level; on the embedded store, whoever holds the database
    /// file (it is readable by its owner only) holds everything in it, so has the quality
    /// lead's rights whoever they are in the org chart; on the server, so has the schema's
    /// owner (or a superuser), as the database's own policies say.
    public init(identity: SessionIdentity, person: Person?) {
        self.identity = identity
        self.person = person
        if identity.source == .operatingSystemAccount || identity.administers {
            role = .qualityLead
        } else {
            switch person.flatMap({ RightsGroup($0.level) }) {
            case .qualityLead: role = .qualityLead
            case .seniorManager: role = .seniorManager
            case .auditor: role = .auditor
            case nil: role = nil
            }
        }
    }

    /// Who the session is: from the store, mapped to the org chart by login.
    public static func current(in store: some CaseAuditStore) throws -> Caller {
        let identity = try store.sessionIdentity()
        let person = try store.person(login: identity.login)
        return Caller(identity: identity, person: person)
    }

    /// Whom a file is scored for: the caller themself, or, for a quality lead keying a paper
    /// audit (or sitting with an auditor), the person named.
    public func scorer(onBehalfOf other: String?) throws(IdentityError) -> String {
        if let other {
            guard role == .qualityLead else { throw .notAQualityLead(identity, onBehalfOf: other) }
            return other
        }
        guard let person else { throw .notInOrgChart(identity) }
        return person.id
    }

    /// Who is recorded as having done something: the person, else the login.
    public var recordedAs: String { person?.id ?? identity.login }

    /// Whether the database shows the caller the audits of their own line only (a senior
    /// manager), so that figures built from the audits themselves are their line's.
    public var seesOnlyTheirLine: Bool { role == .seniorManager }

    /// Reports (the monthly summary, the moderation report) are for quality leads and senior
    /// managers; an auditor sees their own files and audits, not the council's figures.
    /// `report` names the report in the refusal.
    public func mayPublish(_ report: String) throws(IdentityError) {
        switch role {
        case .qualityLead, .seniorManager: return
        case .auditor, nil:
            guard let person else { throw .notInOrgChart(identity) }
            throw .notAReportReader(identity, person: person, report: report)
        }
    }
}

public enum IdentityError: ReportableError, Hashable {
    /// Nobody in the org chart has this login.
    case notInOrgChart(SessionIdentity)
    /// Only a quality lead keys audits for other people.
    case notAQualityLead(SessionIdentity, onBehalfOf: String)
    /// Only quality leads and senior managers publish reports; `person` is neither.
    case notAReportReader(SessionIdentity, person: Person, report: String)

    public var message: String {
        switch self {
        case .notInOrgChart(let identity):
            "you are '\(identity.login)' (\(identity.source.rawValue)), which is nobody's login in the org chart"
        case .notAQualityLead(let identity, let other):
            "you are '\(identity.login)' and not a quality lead, so you cannot score for \(other)"
        case .notAReportReader(let identity, let person, let report):
            "you are '\(identity.login)' (\(person.id), \(person.level.rawValue)): \(report) is for quality leads and senior managers (SM, AD, DCS), so nothing was read or written"
        }
    }
}
