/// Where the org chart and the population snapshots are kept: the embedded SQLite store and
/// the PostgreSQL server store implement it.
public protocol PopulationStore: Sendable {
    /// Replaces the whole org chart in one transaction.
    func replaceOrgChart(_ chart: OrgChart, source: ImportSource) throws(StoreError)
    /// The current org chart with only the people at `levels` (all when nil: the reports need
    /// the management lines, not the thousands of workers), or nil before the first import.
    func orgChart(levels: [ManagerLevel]?) throws(StoreError) -> OrgChart?
    /// The person whose login is `login` (a login is one person's only), or nil: what every
    /// command asks to know who is using it, without reading the whole org chart.
    func person(login: String) throws(StoreError) -> Person?
    /// The same, taking the records in batches from `next` (nil at the end) inside the one
    /// transaction; if `next` throws, nothing is stored and the error is passed on. `source` is
    /// asked for once, after the last batch, so its digest can be worked out while the rows are
    /// read and stored.
    func addCaseSnapshot(
        source: @autoclosure () -> ImportSource, format: CaseList.Format,
        batches next: () throws(InputError) -> [CaseRecord]?
    ) throws(CaseImportError) -> CaseSnapshot
    /// The newest snapshot, or nil before the first import.
    func latestCaseSnapshot() throws(StoreError) -> CaseSnapshot?
    /// Counts by team and case type for a snapshot.
    func caseCounts(snapshot: Int64) throws(StoreError) -> [TeamCaseCount]
}

extension PopulationStore {
    /// The whole org chart, or nil before the first import.
    public func orgChart() throws(StoreError) -> OrgChart? {
        try orgChart(levels: nil)
    }

    /// Stores a case list as a new dated snapshot, in one transaction.
    public func addCaseSnapshot(_ cases: CaseList, source: ImportSource) throws(StoreError) -> CaseSnapshot {
        var batches = [cases.records]
        do {
            return try addCaseSnapshot(source: source, format: cases.format) { () throws(InputError) in
                batches.popLast()
            }
        } catch {
            switch error {
            case .store(let failure): throw failure
            case .input: throw .failed(reason: "unexpected input error")  // the one batch cannot fail
            }
        }
    }
}

/// One imported case list.
public struct CaseSnapshot: Sendable, Hashable, Codable {
    public var id: Int64
    /// UTC, ISO 8601.
    public var importedAt: String
    public var source: String
    public var format: CaseList.Format
    public var cases: Int
    public var unallocated: Int

    public init(id: Int64, importedAt: String, source: String, format: CaseList.Format, cases: Int, unallocated: Int) {
        self.id = id
        self.importedAt = importedAt
        self.source = source
        self.format = format
        self.cases = cases
        self.unallocated = unallocated
    }
}

/// How many open cases of one type a team holds (team nil: unallocated).
public struct TeamCaseCount: Sendable, Hashable, Codable {
    public var team: String?
    public var caseType: CaseType
    public var count: Int

    public init(team: String?, caseType: CaseType, count: Int) {
        self.team = team
        self.caseType = caseType
        self.count = count
    }
}

/// Why an import stored nothing: the input was wrong, or the database refused.
public enum CaseImportError: Error, Sendable {
    case input(InputError)
    case store(StoreError)
}

/// Who holds an audit open on the server, and since when.
public struct AuditHold: Sendable, Hashable {
    /// How long a hold outlives a session that stopped renewing it (its machine gone).
    public static let lapsesWithin = "5 minutes"

    /// The holder's database login.
    public var holder: String
    /// When the hold was taken, in UTC, to the minute ("2026-12-07 09:29").
    public var since: String

    public init(holder: String, since: String) {
        self.holder = holder
        self.since = since
    }
}

/// Why the store could not do what was asked.
public enum StoreError: Error, Sendable, Hashable {
    case cannotOpen(path: String, reason: String)
    /// Nothing is there: only the commands that load data may create a database.
    case noDatabase(path: String)
    /// Something is there, where only a new database may be made.
    case exists(path: String)
    case newerDatabase(path: String)
    case failed(reason: String)
    /// Another session holds the audit (scoring it on another terminal, or keying a sheet);
    /// on the server, `hold` says whose session it is and since when.
    case auditBusy(audit: AuditID, hold: AuditHold? = nil)
    /// This session's hold on the audit was broken (by a quality lead): nothing was written.
    case leaseBroken(audit: AuditID)
    /// The audit is submitted and so cannot change.
    case submitted(audit: AuditID)
    /// A sample cannot be replaced: one of its files has an audit begun or submitted, or
    /// another draw replaced it first.
    case sampleInUse(sample: SampleID)
    /// Another draw of the month and checklist was kept while this one was made.
    case drawnMeanwhile(month: String, checklist: String)
    /// There is no audit with this number.
    case noAudit(AuditID)
    /// The audit is not submitted, so it cannot be amended (it is still being scored).
    case notSubmitted(audit: AuditID)
    /// Only the latest version of an audit can be amended; `by` is the version that amends it.
    case alreadyAmended(audit: AuditID, by: AuditID)
    /// The file is not in that current sample, or not allocated to that auditor.
    case notAllocated(sample: SampleID, caseReference: String, auditor: String)
    /// The database already holds data, where only an empty one may be filled (`holds` says
    /// what, as counts).
    case notEmpty(path: String, holds: String)
    /// A copy was read back and did not match what was copied, so it was not kept.
    case copyMismatch(table: String, reason: String)
    /// The server could not be reached, or the connection was lost mid-change: nothing of
    /// that change was written, and trying again (once it is back) is safe.
    case unavailable(path: String, reason: String)
    /// The month's moderation was drawn already (`draw`), so nothing was drawn.
    case moderationDrawn(month: String, draw: Int64)
    /// The file is not this person's to moderate (or its moderation is not theirs to decide).
    case notModerator(audit: AuditID, person: String)
    /// The moderation's outcome cannot be recorded: `why` says (not submitted yet, decided already).
    case moderationOpen(audit: AuditID, why: String)
    /// Only a quality lead may make this change, and the database's login `login` is not one.
    case leadsOnly(login: String)
    /// The database's login `login` is in none of the database's groups: it may connect, and
    /// read or write nothing.
    case noRights(login: String)
    /// Only the schema's owner (or a superuser) may do this, and the login `login` is neither.
    case ownersOnly(login: String)
    /// The server's database needs its schema made (`made` false) or brought up to date by
    /// this caseaudit, which only the schema's owner may do; nothing was read or written.
    case schemaOwnersOnly(path: String, made: Bool)

    public var message: String {
        switch self {
        case .leaseBroken(let audit):
            "your hold on audit \(audit) was broken by a quality lead, so nothing more was written; what you kept before stays kept"
        case .auditBusy(let audit, nil):
            "audit \(audit) is open in another session (another terminal, or a sheet being keyed); nothing was written. Finish or quit that session first"
        case .auditBusy(let audit, let hold?):
            "audit \(audit) is held by \(hold.holder) since \(hold.since) UTC, in a session on this or another machine (scoring it, or keying a sheet); nothing was written. Finish or quit that session first; a session that has gone (its machine shut down or cut off) lets go of the audit within \(AuditHold.lapsesWithin), or a quality lead can break its hold now"
        case .submitted(let audit):
            "audit \(audit) is submitted and cannot change"
        case .drawnMeanwhile(let month, let checklist):
            "another draw of \(month)'s \(checklist) sample was kept while this one was made, so nothing was drawn"
        case .sampleInUse(let sample):
            "sample \(sample) can no longer be replaced: an audit of one of its files has begun, or it was replaced already; nothing was written"
        case .noAudit(let audit): "there is no audit \(audit)"
        case .notSubmitted(let audit): "audit \(audit) is not submitted yet: score it instead"
        case .alreadyAmended(let audit, let later):
            "audit \(audit) was already amended by audit \(later): amend the latest version"
        case .notAllocated(let sample, let reference, let auditor):
            "case '\(reference)' is not allocated to \(auditor) in sample \(sample)"
        case .cannotOpen(let path, let reason): "\(path): cannot open the database: \(reason)"
        case .noDatabase(let path): "there is no database at \(path)"
        case .exists(let path): "\(path) exists: only a new database is written to (nothing was written)"
        case .newerDatabase(let path):
            "\(path): this database was written by a newer version of caseaudit; upgrade caseaudit to use it"
        case .failed(let reason): "the database refused the change (nothing was written): \(reason)"
        case .notEmpty(let path, let holds):
            "\(path) already holds \(holds): only an empty database is filled (nothing was written)"
        case .copyMismatch(let table, let reason):
            "the copy of \(table) did not match when read back (\(reason)), so nothing was kept"
        case .unavailable(let path, let reason):
            "\(path): the server cannot be reached (\(reason)); nothing of this change was written, and it is safe to try again"
        case .moderationDrawn(let month, let draw):
            "\(month)'s moderation was drawn already (draw \(draw)), so nothing was drawn"
        case .notModerator(let audit, let person):
            "audit \(audit) is not given to \(person) to moderate"
        case .moderationOpen(let audit, let why):
            "the moderation of audit \(audit) cannot be decided: \(why)"
        case .leadsOnly(let login):
            "only a quality lead may do this, and the database knows you as '\(login)', who is not one; nothing was written"
        case .ownersOnly(let login):
            "only the schema's owner (or a superuser) may do this, and the database knows you as '\(login)'; nothing was written"
        case .noRights(let login):
            "the database knows you as '\(login)', who has no rights in it, so nothing was read or written"
        case .schemaOwnersOnly(let path, let made):
            made
                ? "\(path): this database's schema is from an older caseaudit, so nothing was read or written; only the schema's owner may bring it up to date"
                : "\(path) holds no caseaudit schema yet, so nothing was read or written; only the database's owner may make it"
        }
    }
}
