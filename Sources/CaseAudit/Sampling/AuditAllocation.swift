/// A file allocated to an auditor: what `audit list` shows.
public struct AuditAllocation: Sendable, Hashable, Codable {
    /// Where the file's audit has got.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case allocated
        case inProgress = "in-progress"
        case submitted
    }

    public var sampleID: SampleID
    /// The sample's place in the order samples were committed in.
    public var sampleSequence: Int64
    public var month: AuditMonth
    public var checklistID: String
    public var caseReference: String
    public var caseType: CaseType?
    public var team: String?
    public var worker: String?
    public var auditorID: String
    public var status: Status
    /// The audit under way, else the latest submitted version; nil before scoring starts.
    public var auditID: AuditID?
    /// The month's last day.
    public var due: CalendarDate
    /// Not submitted and past its due date (as of the day `audit list` ran).
    public var overdue: Bool

    public init(
        sampleID: SampleID, sampleSequence: Int64? = nil, month: AuditMonth, checklistID: String, caseReference: String,
        caseType: CaseType?,
        team: String?,
        worker: String?, auditorID: String, status: Status = .allocated, auditID: AuditID? = nil,
        today: CalendarDate? = nil
    ) {
        self.sampleID = sampleID
        // Without a store's sequence (a value made in memory), samples are taken in id order.
        self.sampleSequence = sampleSequence ?? sampleID.rawValue
        self.month = month
        self.checklistID = checklistID
        self.caseReference = caseReference
        self.caseType = caseType
        self.team = team
        self.worker = worker
        self.auditorID = auditorID
        self.status = status
        self.auditID = auditID
        due = month.lastDay
        overdue = status != .submitted && today.map { $0 > month.lastDay } ?? false
    }

    /// Where a file's audit has got, and which audit to show, from what a store holds for it:
    /// the audit under way on it, if any, and its latest submitted version, if any.
    public static func progress(open: AuditID?, submitted: AuditID?) -> (status: Status, audit: AuditID?) {
        (open != nil ? .inProgress : submitted != nil ? .submitted : .allocated, open ?? submitted)
    }

    /// The allocations of `month` (every month's when nil) that `filter` keeps (all when nil).
    public static func listed(_ allocations: [AuditAllocation], filter: Filter?, month: AuditMonth?)
        -> [AuditAllocation]
    {
        allocations.filter { allocation in
            (filter?.matches(allocation) ?? true) && (month.map { $0 == allocation.month } ?? true)
        }
    }

    /// The filter `audit list --status` takes: a status, or "overdue".
    public enum Filter: String, Sendable, CaseIterable {
        case allocated
        case inProgress = "in-progress"
        case submitted
        case overdue

        public func matches(_ allocation: AuditAllocation) -> Bool {
            switch self {
            case .allocated: allocation.status == .allocated
            case .inProgress: allocation.status == .inProgress
            case .submitted: allocation.status == .submitted
            case .overdue: allocation.overdue
            }
        }
    }
}
