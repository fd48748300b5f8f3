/// A file allocated to an auditor: what `audit list` shows.
public struct AuditAllocation: Sendable, Hashable, Codable {
    public var sampleID: Int64
    public var month: AuditMonth
    public var checklistID: String
    public var caseReference: String
    public var caseType: CaseType?
    public var team: String?
    public var worker: String?
    public var auditorID: String
    /// "allocated" until scoring starts, then "in-progress" (submitting arrives with the scoring screen).
    public var status: String

    public init(
        sampleID: Int64, month: AuditMonth, checklistID: String, caseReference: String, caseType: CaseType?, team: String?,
        worker: String?, auditorID: String, status: String = "allocated"
    ) {
        self.sampleID = sampleID
        self.month = month
        self.checklistID = checklistID
        self.caseReference = caseReference
        self.caseType = caseType
        self.team = team
        self.worker = worker
        self.auditorID = auditorID
        self.status = status
    }
}
