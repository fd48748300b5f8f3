/// An action as `audit actions` lists it: the audit and file it came from, and where it stands.
public struct ActionListing: Sendable, Hashable, Codable {
    public var id: Int64
    public var auditID: AuditID
    public var caseReference: String
    public var team: String?
    public var what: String
    public var who: String
    public var due: CalendarDate
    /// When it was marked done (UTC, ISO 8601); nil while open.
    public var doneAt: String?

    public init(
        id: Int64, auditID: AuditID, caseReference: String, team: String?, what: String, who: String, due: CalendarDate,
        doneAt: String?
    ) {
        self.id = id
        self.auditID = auditID
        self.caseReference = caseReference
        self.team = team
        self.what = what
        self.who = who
        self.due = due
        self.doneAt = doneAt
    }

    public func isOverdue(today: CalendarDate) -> Bool { doneAt == nil && due < today }

    /// `audit actions --status`.
    public enum Filter: String, Sendable, CaseIterable {
        case open, overdue, done

        public func matches(_ action: ActionListing, today: CalendarDate) -> Bool {
            switch self {
            case .open: action.doneAt == nil
            case .overdue: action.isOverdue(today: today)
            case .done: action.doneAt != nil
            }
        }
    }
}
