/// One submitted audit as the quality reports see it: its latest version, the file as drawn,
/// who audited it, the judgement and the answers.
public struct QualityRecord: Sendable, Hashable {
    public var auditID: AuditID
    public var month: AuditMonth
    public var checklistID: String
    public var checklistHash: String
    public var caseReference: String
    public var team: String?
    public var caseType: CaseType?
    public var auditorID: String
    public var judgement: String
    public var computedGrade: String?
    /// The chance the file had of being drawn (its stratum's n/N).
    public var inclusionProbability: Double
    /// Item id → answer value; empty when only grades are wanted (trends).
    public var answers: [String: String]
    /// Item id → the auditor's note on the answer, where there is one (with the answers).
    public var notes: [String: String] = [:]
    /// What an export adds: the audit's history and the checklist's version.
    public var provenance: Provenance?

    /// Where a submitted audit came from, for a quality lead's own analysis.
    public struct Provenance: Sendable, Hashable {
        public var sampleID: SampleID
        public var checklistVersion: String
        public var auditorLevel: String?
        public var startedAt: String
        public var submittedAt: String
        /// 1 for the first submission; n + 1 for an amendment of version n.
        public var version: Int
        public var amendedBy: String?
        public var amendedReason: String?
        /// Why the judgement departs from the computed grade, where it does.
        public var judgementReason: String?
        /// The weighted share of the best answers (0…1), where the checklist scores.
        public var score: Double?

        public init(
            sampleID: SampleID, checklistVersion: String, auditorLevel: String?, startedAt: String, submittedAt: String,
            version: Int,
            amendedBy: String?, amendedReason: String?, judgementReason: String?, score: Double?
        ) {
            self.sampleID = sampleID
            self.checklistVersion = checklistVersion
            self.auditorLevel = auditorLevel
            self.startedAt = startedAt
            self.submittedAt = submittedAt
            self.version = version
            self.amendedBy = amendedBy
            self.amendedReason = amendedReason
            self.judgementReason = judgementReason
            self.score = score
        }
    }

    public init(
        auditID: AuditID, month: AuditMonth, checklistID: String, checklistHash: String, caseReference: String,
        team: String?,
        caseType: CaseType?, auditorID: String, judgement: String, computedGrade: String?, inclusionProbability: Double,
        answers: [String: String] = [:]
    ) {
        self.auditID = auditID
        self.month = month
        self.checklistID = checklistID
        self.checklistHash = checklistHash
        self.caseReference = caseReference
        self.team = team
        self.caseType = caseType
        self.auditorID = auditorID
        self.judgement = judgement
        self.computedGrade = computedGrade
        self.inclusionProbability = inclusionProbability
        self.answers = answers
    }
}

/// How many files a month's samples allocated for audit, by checklist, team and case type.
public struct SampledCount: Sendable, Hashable {
    public var checklistID: String
    public var team: String?
    public var caseType: CaseType?
    public var files: Int

    public init(checklistID: String, team: String?, caseType: CaseType?, files: Int) {
        self.checklistID = checklistID
        self.team = team
        self.caseType = caseType
        self.files = files
    }
}

/// An action raised in a submitted audit, and whether it is done.
public struct ActionRecord: Sendable, Hashable {
    public var auditID: AuditID
    /// The month of the sample the audited file was drawn in.
    public var month: AuditMonth?
    public var checklistID: String
    public var team: String?
    public var due: CalendarDate
    public var done: Bool

    public init(
        auditID: AuditID, month: AuditMonth? = nil, checklistID: String, team: String?, due: CalendarDate, done: Bool
    ) {
        self.auditID = auditID
        self.month = month
        self.checklistID = checklistID
        self.team = team
        self.due = due
        self.done = done
    }
}

/// What the quality reports read from the store.
public protocol QualityStore: Sendable {
    /// The latest submitted version of each audit of a file drawn for a month in `months`;
    /// answers only when `withAnswers` (for `export`).
    func qualityRecords(months: ClosedRange<AuditMonth>, withAnswers: Bool) throws(StoreError) -> [QualityRecord]
    /// The grade roll-ups of the latest submitted versions, for the months in `months`.
    func gradeCells(months: ClosedRange<AuditMonth>) throws(StoreError) -> [GradeCell]
    /// The item roll-ups for one month: by group, or (`byGroup` false) summed per checklist
    /// version and item, which is all the council's figures need.
    func itemCells(month: AuditMonth, byGroup: Bool) throws(StoreError) -> [ItemCell]
    /// Files and judgements per month and checklist version, for the trend.
    func trendCells(months: ClosedRange<AuditMonth>) throws(StoreError) -> [GradeCell]
    /// Files allocated in the month's samples.
    func sampledCounts(month: AuditMonth) throws(StoreError) -> [SampledCount]
    /// Actions raised in the latest versions of the audits of files drawn in `months`.
    func actionRecords(months: ClosedRange<AuditMonth>) throws(StoreError) -> [ActionRecord]
}
