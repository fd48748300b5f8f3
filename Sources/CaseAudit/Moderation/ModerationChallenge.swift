/// An auditor's dispute of a moderated grade, raised once with a reason, and its decision by a
/// quality lead or an assistant director (neither the auditor nor the moderator): upheld, which
/// reports the grade the decider gives (by default the auditor's own), or rejected.
public struct ModerationChallenge: Sendable, Hashable, Codable {
    public enum Decision: String, Sendable, Hashable, Codable {
        case upheld
        case rejected
    }

    public var raisedBy: String
    public var reason: String
    public var raisedAt: String
    public var decision: Decision?
    /// The grade reported after an upheld challenge.
    public var decidedGrade: String?
    public var decidedBy: String?
    public var decisionReason: String?
    public var decidedAt: String?

    public init(
        raisedBy: String, reason: String, raisedAt: String = "", decision: Decision? = nil,
        decidedGrade: String? = nil, decidedBy: String? = nil, decisionReason: String? = nil,
        decidedAt: String? = nil
    ) {
        self.raisedBy = raisedBy
        self.reason = reason
        self.raisedAt = raisedAt
        self.decision = decision
        self.decidedGrade = decidedGrade
        self.decidedBy = decidedBy
        self.decisionReason = decisionReason
        self.decidedAt = decidedAt
    }
}

/// Raising and deciding challenges: the use cases behind `moderation challenge` and
/// `moderation resolve`.
public enum ModerationChallenges {
    /// The auditor's moderated file of `caseReference` (its outcome recorded).
    static func moderatedFile(caseReference: String, auditor: String, store: some CaseAuditStore) throws
        -> ModerationAssignment
    {
        guard
            let file = try store.moderationAssignments(moderator: nil, caseReference: caseReference).last(where: {
                $0.auditorID == auditor && $0.outcome != nil
            })
        else { throw ModerationError.notAChallenger(caseReference, auditor: auditor) }
        return file
    }

    public static func raise(
        caseReference: String, auditor: String, reason: String, onBehalfOf: Bool, store: some CaseAuditStore
    ) throws {
        guard let reason = reason.nonBlank else { throw ModerationError.challengeNeedsReason }
        let file = try moderatedFile(caseReference: caseReference, auditor: auditor, store: store)
        // A confirmed grade is the auditor's own: there is no disagreement for anyone to decide.
        if let outcome = file.outcome, outcome.decision == .confirmed {
            throw ModerationError.confirmedNotChallenged(caseReference, grade: outcome.grade)
        }
        try store.raiseChallenge(
            original: file.original, by: auditor, reason: reason, onBehalfOf: onBehalfOf ? auditor : nil)
    }

    /// Upholds (reporting `grade`, by default the auditor's own) or rejects the file's open
    /// challenge; `decider` must be a quality lead or an assistant director, and neither the
    /// auditor nor the moderator.
    public static func decide(
        caseReference: String, decider caller: Caller, uphold: Bool, grade: String?, reason: String,
        store: some CaseAuditStore
    ) throws -> ModerationChallenge {
        guard let reason = reason.nonBlank else { throw ModerationError.decisionNeedsReason }
        guard caller.role == .qualityLead || caller.person?.level == .assistantDirector else {
            throw ModerationError.notADecider(caller.recordedAs)
        }
        let decider = caller.recordedAs
        guard
            let file = try store.moderationAssignments(moderator: nil, caseReference: caseReference).last(where: {
                $0.challenge != nil && $0.challenge?.decision == nil
            })
        else { throw ModerationError.noOpenChallenge(caseReference) }
        guard decider != file.auditorID, decider != file.moderatorID else {
            throw ModerationError.deciderInvolved(decider, caseReference)
        }
        var reported: String?
        if uphold {
            let (first, checklist) = try AuditOpening.recorded(file.original, store: store)
            let grades = checklist.grading.bands.map(\.grade)
            let chosen = grade ?? first.content.judgement?.grade ?? ""
            guard grades.contains(chosen) else { throw ModerationError.notAGrade(chosen, grades: grades) }
            reported = chosen
        }
        let decision = ModerationChallenge.Decision(rawValue: uphold ? "upheld" : "rejected") ?? .rejected
        return try store.decideChallenge(
            original: file.original, decision: decision, grade: reported, reason: reason, by: decider)
    }
}
