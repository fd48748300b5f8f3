import CaseAudit

/// A moderated file as the moderation list gives it in JSON.
public struct ModerationListing: Encodable, Sendable {
    public var month: String
    public var caseReference: String
    public var checklistID: String
    public var audit: AuditID
    public var auditorID: String
    public var moderatorID: String
    public var moderation: AuditID?
    public var stage: String
    public var outcome: ModerationOutcome?
    public var challenge: ModerationChallenge?

    public init(_ file: ModerationAssignment) {
        month = file.month.description
        caseReference = file.caseReference
        checklistID = file.checklistID
        audit = file.original
        auditorID = file.auditorID
        moderatorID = file.moderatorID
        moderation = file.moderation?.id
        stage = file.stage.rawValue
        outcome = file.outcome
        challenge = file.challenge
    }
}
