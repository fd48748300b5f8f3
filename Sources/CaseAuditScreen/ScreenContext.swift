import CaseAudit

/// What the scoring screen's header says about the file being audited. No child's name: the
/// case reference identifies the file.
public struct ScreenContext: Sendable, Hashable {
    public var caseReference: String
    public var team: String?
    public var worker: String?
    public var auditID: AuditID
    public var auditorID: String

    public init(caseReference: String, team: String?, worker: String?, auditID: AuditID, auditorID: String) {
        self.caseReference = caseReference
        self.team = team
        self.worker = worker
        self.auditID = auditID
        self.auditorID = auditorID
    }
}
