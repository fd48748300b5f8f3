/// A month's moderation: the rule and seed it was drawn with, the audits it was drawn from
/// (so that it can be drawn again and checked), and the files chosen, each with its moderator.
public struct ModerationDraw: Sendable, Hashable, Codable {
    /// 0 until the store records it.
    public var id: Int64
    public var month: AuditMonth
    public var rule: ModerationRule
    public var seed: UInt64
    /// The time (UTC) and the person, filled in by the store.
    public var drawnAt: String
    public var drawnBy: String?
    public var candidates: [ModerationCandidate]
    public var files: [ModeratedFile]

    public init(
        id: Int64 = 0, month: AuditMonth, rule: ModerationRule, seed: UInt64, drawnAt: String = "",
        drawnBy: String? = nil, candidates: [ModerationCandidate], files: [ModeratedFile]
    ) {
        self.id = id
        self.month = month
        self.rule = rule
        self.seed = seed
        self.drawnAt = drawnAt
        self.drawnBy = drawnBy
        self.candidates = candidates
        self.files = files
    }
}

/// A submitted audit a moderation could choose: its latest version when the draw was made.
public struct ModerationCandidate: Sendable, Hashable, Codable {
    public var auditID: AuditID
    public var caseReference: String
    public var checklistID: String
    public var team: String?
    public var auditorID: String
    /// The auditor's level when the draw was made, if they are in the org chart.
    public var auditorLevel: ManagerLevel?
    public var judgement: String

    public init(
        auditID: AuditID, caseReference: String, checklistID: String, team: String?, auditorID: String,
        auditorLevel: ManagerLevel?, judgement: String
    ) {
        self.auditID = auditID
        self.caseReference = caseReference
        self.checklistID = checklistID
        self.team = team
        self.auditorID = auditorID
        self.auditorLevel = auditorLevel
        self.judgement = judgement
    }
}

/// One audit chosen for moderation and who moderates it.
public struct ModeratedFile: Sendable, Hashable, Codable {
    /// Why it was chosen. Kept from the moderator (it would say the first grade).
    public enum Reason: String, Sendable, Hashable, Codable {
        case grade
        case random
        case named
    }

    public var auditID: AuditID
    public var caseReference: String
    public var checklistID: String
    public var team: String?
    public var auditorID: String
    public var reason: Reason
    /// The first audit's sample and pinned checklist (the second scoring uses the same version);
    /// filled in when the draw is recorded.
    public var sampleID: SampleID?
    public var checklistHash: String?
    public var moderatorID: String?
    /// Why nobody could moderate it, when nobody could.
    public var unallocatedReason: String?

    public init(
        auditID: AuditID, caseReference: String, checklistID: String, team: String?, auditorID: String, reason: Reason,
        moderatorID: String? = nil, unallocatedReason: String? = nil, sampleID: SampleID? = nil,
        checklistHash: String? = nil
    ) {
        self.sampleID = sampleID
        self.checklistHash = checklistHash
        self.auditID = auditID
        self.caseReference = caseReference
        self.checklistID = checklistID
        self.team = team
        self.auditorID = auditorID
        self.reason = reason
        self.moderatorID = moderatorID
        self.unallocatedReason = unallocatedReason
    }
}
