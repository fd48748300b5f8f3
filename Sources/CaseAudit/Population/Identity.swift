/// Who is using caseaudit, as the system says: the database login on the server store
/// (`session_user`), the operating system account on the embedded one. Never a flag.
public struct SessionIdentity: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        case databaseLogin = "database login"
        case operatingSystemAccount = "operating-system account"
    }

    public var login: String
    public var source: Source

    public init(login: String, source: Source) {
        self.login = login
        self.source = source
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
    /// lead's rights whoever they are in the org chart.
    public init(identity: SessionIdentity, person: Person?) {
        self.identity = identity
        self.person = person
        if identity.source == .operatingSystemAccount {
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
        let person = try store.orgChart()?.people.first { $0.login == identity.login }
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
}

public enum IdentityError: ReportableError, Hashable {
    /// Nobody in the org chart has this login.
    case notInOrgChart(SessionIdentity)
    /// Only a quality lead keys audits for other people.
    case notAQualityLead(SessionIdentity, onBehalfOf: String)

    public var message: String {
        switch self {
        case .notInOrgChart(let identity):
            "you are '\(identity.login)' (\(identity.source.rawValue)), which is nobody's login in the org chart"
        case .notAQualityLead(let identity, let other):
            "you are '\(identity.login)' and not a quality lead, so you cannot score for \(other)"
        }
    }
}
