/// A file given to a moderator, as the moderator sees it: which audit it re-reads (never its
/// answers or grade), the second scoring once begun, and the outcome once recorded.
public struct ModerationAssignment: Sendable, Hashable {
    public var drawID: Int64
    public var month: AuditMonth
    /// The first audit, which the moderation re-reads.
    public var original: AuditID
    public var sampleID: SampleID
    public var caseReference: String
    public var checklistID: String
    public var checklistHash: String
    public var team: String?
    public var auditorID: String
    public var moderatorID: String
    /// The moderator's own scoring of the file, once begun.
    public var moderation: StoredAudit?
    public var outcome: ModerationOutcome?
    /// The auditor's challenge of the outcome, once raised.
    public var challenge: ModerationChallenge?

    public init(
        drawID: Int64, month: AuditMonth, original: AuditID, sampleID: SampleID, caseReference: String,
        checklistID: String, checklistHash: String, team: String?, auditorID: String, moderatorID: String,
        moderation: StoredAudit? = nil, outcome: ModerationOutcome? = nil
    ) {
        self.drawID = drawID
        self.month = month
        self.original = original
        self.sampleID = sampleID
        self.caseReference = caseReference
        self.checklistID = checklistID
        self.checklistHash = checklistHash
        self.team = team
        self.auditorID = auditorID
        self.moderatorID = moderatorID
        self.moderation = moderation
        self.outcome = outcome
    }

    /// Where the moderation stands.
    public enum Stage: String, Sendable, Hashable, Codable {
        case toScore = "to score"
        case scoring
        case toDecide = "to decide"
        case decided
    }

    public var stage: Stage {
        if outcome != nil { return .decided }
        guard let moderation else { return .toScore }
        return moderation.submittedAt == nil ? .scoring : .toDecide
    }

    /// Of a case's files (a case drawn in more than one month), the one in hand: the undecided
    /// one, else the latest.
    static func current(of files: [ModerationAssignment]) -> ModerationAssignment? {
        files.last { $0.stage != .decided } ?? files.last
    }
}

/// What the moderator decides once both gradings are side by side: the grade stands, or it
/// changes (to the moderator's grade or another), with a reason.
public struct ModerationOutcome: Sendable, Hashable, Codable {
    public enum Decision: String, Sendable, Hashable, Codable {
        case confirmed
        case changed
    }

    public var decision: Decision
    /// The grade the file is reported with from now on.
    public var grade: String
    public var reason: String?
    /// Filled in by the store.
    public var decidedAt: String

    public init(decision: Decision, grade: String, reason: String?, decidedAt: String = "") {
        self.decision = decision
        self.grade = grade
        self.reason = reason
        self.decidedAt = decidedAt
    }
}
