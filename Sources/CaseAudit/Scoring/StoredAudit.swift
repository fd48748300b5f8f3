/// One version of the audit of one allocated file.
public struct StoredAudit: Sendable, Hashable, Codable {
    public var id: AuditID
    public var sampleID: SampleID
    public var caseReference: String
    public var auditorID: String
    public var checklistHash: String
    /// UTC, ISO 8601.
    public var startedAt: String
    /// Nil while the audit is under way.
    public var submittedAt: String?
    /// 1 for the audit as first submitted; each amendment adds one.
    public var version: Int
    /// The version this one amends, who amended it and why.
    public var amends: AuditID?
    public var amendedBy: String?
    public var amendedReason: String?
    /// Who keyed the audit on the auditor's behalf (a quality lead), when someone did.
    public var keyedBy: String?
    /// For a moderator's second scoring: the first audit it moderates.
    public var moderates: AuditID?
    /// For a calibration exercise's scoring (which also `moderates` the file's audit): its name.
    public var calibration: String?

    public init(
        id: AuditID, sampleID: SampleID, caseReference: String, auditorID: String, checklistHash: String,
        startedAt: String,
        submittedAt: String? = nil, version: Int = 1, amends: AuditID? = nil, amendedBy: String? = nil,
        amendedReason: String? = nil, keyedBy: String? = nil, moderates: AuditID? = nil, calibration: String? = nil
    ) {
        self.calibration = calibration
        self.keyedBy = keyedBy
        self.moderates = moderates
        self.id = id
        self.sampleID = sampleID
        self.caseReference = caseReference
        self.auditorID = auditorID
        self.checklistHash = checklistHash
        self.startedAt = startedAt
        self.submittedAt = submittedAt
        self.version = version
        self.amends = amends
        self.amendedBy = amendedBy
        self.amendedReason = amendedReason
    }
}

/// An audit with everything recorded in it: what `audit show` prints.
public struct AuditRecord: Sendable, Hashable {
    public var audit: StoredAudit
    public var content: AuditContent
    /// The grade and score the answers computed when the audit was submitted.
    public var computedGrade: String?
    public var score: Double?
    /// The id of the file's latest version, when this one has been amended since.
    public var supersededBy: AuditID?

    public init(
        audit: StoredAudit, content: AuditContent, computedGrade: String?, score: Double?, supersededBy: AuditID?
    ) {
        self.audit = audit
        self.content = content
        self.computedGrade = computedGrade
        self.score = score
        self.supersededBy = supersededBy
    }
}
