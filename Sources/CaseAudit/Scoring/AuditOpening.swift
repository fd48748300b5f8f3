/// Opening a file to score: the allocation (refused when it is someone else's, ambiguous, or
/// already submitted), the checklist the audit is pinned to, and what was recorded before. The
/// use case behind `audit score`, on the screen and from a paper sheet, and the demo's keying.
public struct AuditOpening: Sendable {
    public let allocation: AuditAllocation
    public let pinned: PinnedChecklist
    public let checklist: Checklist
    /// The audit under way, if one was started.
    public let begun: StoredAudit?
    /// Who is keying it for its auditor (a quality lead), when it is not the auditor.
    public var keyedBy: String?
    /// For a moderator's second scoring: the file given to them (the first audit it re-reads).
    public var moderation: ModerationAssignment?
    /// For a calibration exercise's scoring: the exercise and the file.
    public var calibration: (exercise: String, file: CalibrationExercise.File)?

    /// `loadChecklist`: the current checklist with an id, for an audit not begun yet (an audit
    /// under way keeps the version it began with).
    public static func open(
        caseReference: String, auditor: String, sample: SampleID?, store: some CaseAuditStore, today: CalendarDate,
        loadChecklist: (String) throws -> LoadedChecklist
    ) throws -> AuditOpening {
        let drawn = try store.allocations(auditor: nil, caseReference: caseReference, today: today)
        let allocation: AuditAllocation
        switch AllocationChoice.choose(drawn, auditor: auditor, sample: sample) {
        case .chosen(let chosen): allocation = chosen
        case .notAllocated: throw AuditOpeningError.notAllocated(caseReference, sample: sample)
        case .someoneElse(let others):
            throw AuditOpeningError.someoneElse(caseReference, auditor: auditor, allocations: others)
        case .ambiguous(let open): throw AuditOpeningError.ambiguous(caseReference, auditor: auditor, allocations: open)
        }
        let begun = try store.unfinishedAudit(
            sampleID: allocation.sampleID, caseReference: caseReference, auditorID: auditor)
        if begun == nil,
            let done = try store.latestSubmittedAudit(sampleID: allocation.sampleID, caseReference: caseReference)
        {
            throw AuditOpeningError.submitted(caseReference, audit: done)
        }
        let pinned: PinnedChecklist
        if let begun, let kept = try store.pinnedChecklist(hash: begun.checklistHash) {
            pinned = kept
        } else {
            let loaded = try loadChecklist(allocation.checklistID)
            let hash = loaded.contentHash ?? ContentHash(of: loaded.xml)
            pinned = PinnedChecklist(
                id: loaded.checklist.id, version: loaded.checklist.version, hash: hash.description, xml: loaded.xml)
        }
        return AuditOpening(
            allocation: allocation, pinned: pinned, checklist: try checklist(of: pinned), begun: begun, keyedBy: nil)
    }

    /// Opening a file given to `moderator` for their blind second scoring: pinned to the first
    /// audit's checklist version, and holding nothing of the first audit (its answers, notes and
    /// grade are not read at all).
    public static func openModeration(caseReference: String, moderator: String, store: some CaseAuditStore)
        throws -> AuditOpening
    {
        let given = try store.moderationAssignments(moderator: moderator, caseReference: caseReference)
        let open = given.filter { $0.stage != .decided }
        guard let file = open.last else {
            if let decided = given.last {
                throw AuditOpeningError.moderationDecided(caseReference, audit: decided.original)
            }
            throw AuditOpeningError.notModerating(caseReference, moderator: moderator)
        }
        guard open.count == 1 else {
            throw AuditOpeningError.moderatingTwice(caseReference, audits: open.map(\.original))
        }
        var opening = try secondScoring(
            of: file.original, sample: file.sampleID, month: file.month, checklistID: file.checklistID,
            hash: file.checklistHash, caseReference: caseReference, team: file.team, by: moderator,
            begun: file.moderation, store: store)
        opening.moderation = file
        return opening
    }

    /// Opening a file of a calibration exercise for `person`'s blind scoring, pinned to the
    /// file's checklist version.
    public static func openCalibration(
        caseReference: String, exercise name: String, person: String, store: some CaseAuditStore
    ) throws -> AuditOpening {
        guard let exercise = try store.calibrationExercise(named: name) else { throw ModerationError.noExercise(name) }
        guard exercise.participants.contains(person),
            let file = exercise.files.first(where: { $0.caseReference == caseReference })
        else { throw ModerationError.notInExercise(name, person: person, caseReference: caseReference) }
        var opening = try secondScoring(
            of: file.original, sample: file.sampleID, month: exercise.month, checklistID: file.checklistID,
            hash: file.checklistHash, caseReference: caseReference, team: file.team, by: person,
            begun: exercise.scorings.first { $0.original == file.original && $0.person == person }?.audit,
            store: store)
        opening.calibration = (name, file)
        return opening
    }

    /// A moderation's or a calibration's opening: another person's scoring of an audited file,
    /// pinned to its audit's checklist version, refused once submitted.
    private static func secondScoring(
        of original: AuditID, sample: SampleID, month: AuditMonth, checklistID: String, hash: String,
        caseReference: String, team: String?, by person: String, begun: StoredAudit?, store: some CaseAuditStore
    ) throws -> AuditOpening {
        if let begun, begun.submittedAt != nil { throw AuditOpeningError.submitted(caseReference, audit: begun) }
        guard let pinned = try store.pinnedChecklist(hash: hash) else { throw AuditOpeningError.noAudit(original) }
        let allocation = AuditAllocation(
            sampleID: sample, month: month, checklistID: checklistID, caseReference: caseReference, caseType: nil,
            team: team, worker: nil, auditorID: person, status: begun == nil ? .allocated : .inProgress,
            auditID: begun?.id)
        return AuditOpening(
            allocation: allocation, pinned: pinned, checklist: try checklist(of: pinned), begun: begun, keyedBy: nil)
    }

    /// A recorded audit and the checklist it was scored against. With `caller`, one they may
    /// not see (on the server, someone else's) is refused as such.
    public static func recorded(_ id: AuditID, store: some CaseAuditStore, seenBy caller: Caller? = nil) throws
        -> (AuditRecord, Checklist)
    {
        guard let record = try store.audit(id: id),
            let pinned = try store.pinnedChecklist(hash: record.audit.checklistHash)
        else {
            throw AuditOpeningError.noAudit(id, seenBy: caller)
        }
        return (record, try checklist(of: pinned))
    }

    /// The checklists pinned under `hashes`, each read once (a hash the store does not hold is left out).
    public static func checklists(hashes: Set<String>, store: some CaseAuditStore) throws -> [String: Checklist] {
        var checklists: [String: Checklist] = [:]
        for hash in hashes {
            guard let pinned = try store.pinnedChecklist(hash: hash) else { continue }
            checklists[hash] = try checklist(of: pinned)
        }
        return checklists
    }

    /// The checklist a pinned version holds.
    public static func checklist(of pinned: PinnedChecklist) throws(ChecklistLoadError) -> Checklist {
        try ChecklistLoader().load(bytes: pinned.xml, path: "\(pinned.id) \(pinned.version) (as pinned)").checklist
    }

    /// Starts the audit (or resumes it) and claims it for this session.
    public func start(_ store: some CaseAuditStore) throws(StoreError) -> (audit: StoredAudit, claim: AuditClaim) {
        let audit: StoredAudit
        if let calibration {
            audit = try store.startOrResumeCalibration(
                calibration.exercise, file: calibration.file, person: allocation.auditorID, checklist: pinned)
        } else if let moderation {
            audit = try store.startOrResumeModeration(moderation, checklist: pinned)
        } else {
            audit = try store.startOrResumeAudit(
                sampleID: allocation.sampleID, caseReference: allocation.caseReference,
                auditorID: allocation.auditorID, checklist: pinned)
        }
        let claim = try store.claimAudit(audit.id)
        if let keyedBy, keyedBy != allocation.auditorID { try store.recordKeyedBy(keyedBy, audit: audit.id) }
        return (audit, claim)
    }

    /// The session with everything the audit holds so far.
    public func session(of audit: StoredAudit?, _ store: some CaseAuditStore) throws(StoreError) -> ScoringSession {
        guard let audit, let record = try store.audit(id: audit.id) else { return ScoringSession(checklist: checklist) }
        return ScoringSession(
            checklist: checklist, answers: record.content.answers, judgement: record.content.judgement,
            actions: record.content.actions)
    }
}

/// Why a file cannot be opened for scoring. The messages say what is so; the command line adds
/// which command or flag goes on from there.
public enum AuditOpeningError: ReportableError, Hashable {
    case notAllocated(String, sample: SampleID?)
    /// Not allocated to `auditor`, who sees only their own files (and their line's).
    case notYours(String, auditor: String, sample: SampleID?)
    case someoneElse(String, auditor: String, allocations: [AuditAllocation])
    /// The case is the auditor's in more than one sample still to audit.
    case ambiguous(String, auditor: String, allocations: [AuditAllocation])
    case submitted(String, audit: StoredAudit)
    /// No audit with that number that `seenBy` may see (nil: no audit at all).
    case noAudit(AuditID, seenBy: Caller? = nil)
    case notModerating(String, moderator: String)
    case moderatingTwice(String, audits: [AuditID])
    case moderationDecided(String, audit: AuditID)

    public var message: String {
        switch self {
        case .notAllocated(let reference, let sample):
            return "case '\(reference)' is not allocated in \(sample.map { "sample \($0)" } ?? "any sample")"
        case .notYours(let reference, let auditor, let sample):
            return
                "case '\(reference)' is not allocated to you (\(auditor)) in \(sample.map { "sample \($0)" } ?? "any sample")"
        case .someoneElse(let reference, let auditor, let allocations):
            let owners = allocations.map { "\($0.auditorID) (sample \($0.sampleID), \($0.month))" }.joined(
                separator: ", ")
            return "case '\(reference)' is allocated to \(owners), not \(auditor)"
        case .ambiguous(let reference, let auditor, let allocations):
            let listed = allocations.map { "sample \($0.sampleID) (\($0.month), \($0.checklistID))" }.joined(
                separator: ", ")
            return
                "case '\(reference)' is allocated to \(auditor) in \(allocations.count) samples still to audit: \(listed)"
        case .submitted(let reference, let audit):
            return
                "case '\(reference)' was audited and submitted on \(audit.submittedAt?.prefix(10) ?? "?") (audit \(audit.id))"
        case .noAudit(let id, let caller):
            // Which audits the database shows them, when not every one.
            let visible =
                switch caller?.role {
                case nil, .qualityLead: ""
                case .seniorManager: " that you may see (your own, and your line's)"
                case .auditor: " that you may see (your own)"
                }
            return "there is no audit \(id)\(visible)"
        case .notModerating(let reference, let moderator):
            return "case '\(reference)' is not given to \(moderator) to moderate"
        case .moderatingTwice(let reference, let audits):
            return
                "case '\(reference)' is given to you to moderate for \(audits.count) audits (\(audits.map { "audit \($0)" }.joined(separator: ", "))): decide one first"
        case .moderationDecided(let reference, let audit):
            return "the moderation of case '\(reference)' (audit \(audit)) is decided"
        }
    }
}
