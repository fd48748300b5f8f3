/// The two gradings of a moderated file side by side, item by item: what the moderator sees
/// once their own scoring is submitted, and not before (the use case behind `moderation compare`).
public struct ModerationComparison: Sendable, Hashable, Encodable {
    public struct Item: Sendable, Hashable, Encodable {
        public var item: String
        public var prompt: String
        /// The answers' values; nil where the item was not answered (or not asked).
        public var first: String?
        public var second: String?
        public var agree: Bool { first == second }
    }

    public var caseReference: String
    public var checklist: String
    public var version: String
    public var original: AuditID
    public var moderation: AuditID
    public var auditorID: String
    public var moderatorID: String
    public var firstGrade: String?
    public var secondGrade: String?
    /// The grades the answers computed, and the reasons for judging otherwise: where a grade
    /// departs from its answers, the comparison says why (answers alike can be graded apart).
    public var firstComputedGrade: String?
    public var secondComputedGrade: String?
    public var firstReason: String?
    public var secondReason: String?
    public var items: [Item]
    public var outcome: ModerationOutcome?

    public var itemsAgreeing: Int { items.count { $0.agree && $0.first != nil } }
    public var itemsAnsweredByBoth: Int { items.count { $0.first != nil && $0.second != nil } }

    /// The file `moderator` moderates (the undecided one, else the latest), once their scoring is submitted.
    public static func build(caseReference: String, moderator: String, store: some CaseAuditStore) throws
        -> ModerationComparison
    {
        try built(caseReference: caseReference, moderator: moderator, store: store).comparison
    }

    /// The file as `caller` may see it: its moderator's (or, with `onBehalfOf`, a quality lead's
    /// view of that moderator's), once their own scoring is submitted; the file's auditor's,
    /// once the outcome is recorded (the moderation's feedback to them, and what a challenge
    /// answers); a quality lead's, any moderated file's.
    public static func build(
        caseReference: String, for caller: Caller, onBehalfOf other: String?, store: some CaseAuditStore
    ) throws -> ModerationComparison {
        if let other {
            return try build(
                caseReference: caseReference, moderator: try caller.scorer(onBehalfOf: other), store: store)
        }
        let files = try store.moderationAssignments(moderator: nil, caseReference: caseReference)
        let me = caller.person?.id
        if let me, let moderating = ModerationAssignment.current(of: files.filter { $0.moderatorID == me }) {
            return try built(moderating, store: store).comparison
        }
        if let me, let mine = files.last(where: { $0.auditorID == me }) {
            guard mine.outcome != nil else { throw ModerationError.notDecidedForItsAuditor(caseReference) }
            return try built(mine, store: store).comparison
        }
        if caller.role == .qualityLead {
            guard let file = ModerationAssignment.current(of: files) else {
                throw ModerationError.notModerated(caseReference)
            }
            return try built(file, store: store).comparison
        }
        guard let me else { throw IdentityError.notInOrgChart(caller.identity) }
        throw AuditOpeningError.notModerating(caseReference, moderator: me)
    }

    /// The comparison and the checklist both were scored against.
    static func built(caseReference: String, moderator: String, store: some CaseAuditStore) throws
        -> (comparison: ModerationComparison, checklist: Checklist)
    {
        try built(
            try ModerationDecision.file(caseReference: caseReference, moderator: moderator, store: store), store: store)
    }

    /// `file`'s comparison, once its moderator's scoring is submitted.
    private static func built(_ file: ModerationAssignment, store: some CaseAuditStore) throws
        -> (comparison: ModerationComparison, checklist: Checklist)
    {
        guard let moderation = file.moderation, moderation.submittedAt != nil else {
            throw StoreError.moderationOpen(audit: file.original, why: ModerationRefusalText.notScoredYet)
        }
        let (first, checklist) = try AuditOpening.recorded(file.original, store: store)
        guard let second = try store.audit(id: moderation.id) else { throw AuditOpeningError.noAudit(moderation.id) }
        let firstAnswers = Dictionary(
            first.content.answers.map { ($0.itemID, $0.value) }, uniquingKeysWith: { _, last in last })
        let secondAnswers = Dictionary(
            second.content.answers.map { ($0.itemID, $0.value) }, uniquingKeysWith: { _, last in last })
        let comparison = ModerationComparison(
            caseReference: file.caseReference, checklist: checklist.id, version: checklist.version,
            original: file.original, moderation: moderation.id, auditorID: file.auditorID,
            moderatorID: file.moderatorID,
            firstGrade: first.content.judgement?.grade, secondGrade: second.content.judgement?.grade,
            firstComputedGrade: first.computedGrade, secondComputedGrade: second.computedGrade,
            firstReason: first.content.judgement?.reason, secondReason: second.content.judgement?.reason,
            items: checklist.items.map { item in
                Item(item: item.id, prompt: item.prompt, first: firstAnswers[item.id], second: secondAnswers[item.id])
            },
            outcome: file.outcome)
        return (comparison, checklist)
    }
}

/// Why a moderation's outcome or challenge cannot be recorded (`StoreError.moderationOpen`), as
/// both stores say it.
public enum ModerationRefusalText {
    public static let notScoredYet = "the moderator's own scoring is not submitted yet"
    public static let decidedAlready = "its outcome was recorded already"
    public static let notDecidedYet = "its outcome is not recorded yet"
    public static let challengedAlready = "it was challenged already"
    public static let challengeDecided = "the challenge was decided already"
    public static let noChallenge = "it is not challenged"
}

/// The moderator's decision, once both gradings are side by side: the use case behind
/// `moderation outcome`.
public enum ModerationDecision {
    /// The file given to `moderator` for `caseReference`: the undecided one, else the latest.
    public static func file(caseReference: String, moderator: String, store: some CaseAuditStore) throws
        -> ModerationAssignment
    {
        let given = try store.moderationAssignments(moderator: moderator, caseReference: caseReference)
        guard let file = ModerationAssignment.current(of: given) else {
            throw AuditOpeningError.notModerating(caseReference, moderator: moderator)
        }
        return file
    }

    /// Confirms the first grade (`changeTo` nil), or changes it to a grade of the checklist's
    /// scale, other than the first, with a reason (which a change needs).
    public static func record(
        caseReference: String, moderator: String, changeTo grade: String?, reason: String?, onBehalfOf: Bool = false,
        store: some CaseAuditStore
    ) throws -> ModerationOutcome {
        let (comparison, checklist) = try ModerationComparison.built(
            caseReference: caseReference, moderator: moderator, store: store)
        let first = comparison.firstGrade ?? ""
        let outcome: ModerationOutcome
        if let grade {
            let grades = checklist.grading.bands.map(\.grade)
            guard grades.contains(grade) else {
                throw ModerationError.notAGrade(grade, grades: grades)
            }
            guard grade != first else { throw ModerationError.sameGrade(grade) }
            guard let reason = reason?.nonBlank else { throw ModerationError.changeNeedsReason }
            outcome = ModerationOutcome(decision: .changed, grade: grade, reason: reason)
        } else {
            outcome = ModerationOutcome(decision: .confirmed, grade: first, reason: reason?.nonBlank)
        }
        try store.recordModerationOutcome(
            outcome, original: comparison.original, moderator: moderator, onBehalfOf: onBehalfOf ? moderator : nil)
        return outcome
    }
}
