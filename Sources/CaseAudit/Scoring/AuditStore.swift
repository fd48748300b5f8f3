/// Where audits and their answers are kept. Every answer, judgement and action is committed
/// on its own the moment it is given, so an interrupted session loses at most the one in flight.
public protocol AuditStore: Sendable {
    /// The unsubmitted audit of this allocated file by this auditor, or a new one pinned to
    /// `checklist` (its XML is kept by content hash, so a resumed audit uses the version it
    /// began with, whatever is on disk by then).
    func startOrResumeAudit(
        sampleID: SampleID, caseReference: String, auditorID: String, checklist: PinnedChecklist
    ) throws(StoreError) -> StoredAudit
    /// The checklist an audit was pinned to.
    func pinnedChecklist(hash: String) throws(StoreError) -> PinnedChecklist?
    /// The unsubmitted audit of this file by this auditor, if one was started.
    func unfinishedAudit(sampleID: SampleID, caseReference: String, auditorID: String) throws(StoreError)
        -> StoredAudit?
    /// The latest submitted version of this file's audit, if there is one.
    func latestSubmittedAudit(sampleID: SampleID, caseReference: String) throws(StoreError) -> StoredAudit?
    /// Records (or replaces) answers, all in one transaction.
    func recordAnswers(_ answers: [ItemAnswer], audit: AuditID) throws(StoreError)
    /// The answers recorded so far, in the order they were first given.
    func answers(audit: AuditID) throws(StoreError) -> [ItemAnswer]
    /// Records (or clears) the auditor's judgement.
    func recordJudgement(_ judgement: AuditJudgement?, audit: AuditID) throws(StoreError)
    /// Adds an action.
    func addAction(_ action: AuditAction, audit: AuditID) throws(StoreError)
    /// Records a paper audit's answers, judgement and actions, all in one transaction.
    func recordSheet(_ content: AuditContent, audit: AuditID) throws(StoreError)
    /// Marks the audit submitted with its final judgement and the grade its answers compute,
    /// and adds it to the quality roll-ups (`outcomes`: its asked items' answers that count);
    /// from then on it cannot change.
    func submitAudit(_ audit: AuditID, judgement: AuditJudgement, grade: FileGrade, outcomes: [ItemOutcome])
        throws(StoreError)
    /// A submitted audit's next version: `content` in full, who amended it and why, submitted
    /// at once, in one transaction; the roll-ups lose what the old version added (the store
    /// kept its outcomes when it was submitted) and gain the new. Reports use the latest version.
    func amendAudit(
        _ audit: AuditID, by person: String, reason: String, content: AuditContent, judgement: AuditJudgement,
        grade: FileGrade,
        outcomes: [ItemOutcome]
    ) throws(StoreError) -> StoredAudit
    /// Records that `person` keyed the (unsubmitted) audit on its auditor's behalf.
    func recordKeyedBy(_ person: String, audit: AuditID) throws(StoreError)
    /// One audit with everything recorded in it.
    func audit(id: AuditID) throws(StoreError) -> AuditRecord?
    /// The actions raised in the latest versions of submitted audits.
    func actionListings() throws(StoreError) -> [ActionListing]
    /// Marks an action done (the one change a submitted audit takes); false when there is no
    /// such action or it was done already.
    func markActionDone(_ id: Int64) throws(StoreError) -> Bool
    /// Claims the audit for this session until the claim is released (or the process ends,
    /// however it ends); refused with `.auditBusy` while another session holds it.
    func claimAudit(_ audit: AuditID) throws(StoreError) -> AuditClaim
    /// Breaks another session's hold on an audit (a quality lead, with a reason, which is
    /// kept); returns who held it, or nil when nobody did (or the engine's holds cannot be
    /// broken: on the embedded store the operating system releases them when a session ends).
    func breakLease(_ audit: AuditID, by person: String, reason: String) throws(StoreError) -> String?
}

extension AuditStore {
    /// Records (or replaces) one answer, in its own transaction: the moment it is given.
    public func recordAnswer(_ answer: ItemAnswer, audit: AuditID) throws(StoreError) {
        try recordAnswers([answer], audit: audit)
    }
}

/// What an auditor records in an audit.
public struct AuditContent: Sendable, Hashable {
    public var answers: [ItemAnswer]
    public var judgement: AuditJudgement?
    public var actions: [AuditAction]

    public init(answers: [ItemAnswer], judgement: AuditJudgement? = nil, actions: [AuditAction] = []) {
        self.answers = answers
        self.judgement = judgement
        self.actions = actions
    }
}

/// A session's hold on an audit; released when the value goes away or the process ends.
public final class AuditClaim: Sendable {
    private let release: @Sendable () -> Void

    public init(release: @escaping @Sendable () -> Void) { self.release = release }

    deinit { release() }
}

/// A checklist as an audit keeps it: its content hash and the XML that hashes to it.
public struct PinnedChecklist: Sendable, Hashable {
    public var id: String
    public var version: String
    public var hash: String
    public var xml: [UInt8]

    public init(id: String, version: String, hash: String, xml: [UInt8]) {
        self.id = id
        self.version = version
        self.hash = hash
        self.xml = xml
    }
}
