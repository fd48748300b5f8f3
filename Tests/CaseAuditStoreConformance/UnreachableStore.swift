import CaseAudit
import Synchronization

/// A store that is out of reach when the test says so: while `down`, every change throws
/// `.unavailable` without reaching the store beneath; `loseNextReply` makes one change reach
/// the store and then throws as if the reply was lost on the way back (a commit that got there).
public final class UnreachableStore: AuditStore {
    private let store: any AuditStore
    private let state = Mutex((down: false, loseNextReply: false, refused: 0))

    public init(_ store: any AuditStore) { self.store = store }

    public var down: Bool {
        get { state.withLock { $0.down } }
        set { state.withLock { $0.down = newValue } }
    }

    public func loseNextReply() { state.withLock { $0.loseNextReply = true } }
    /// How many changes were refused while down (or had their reply lost).
    public var refused: Int { state.withLock { $0.refused } }

    private func change<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let (down, lose) = state.withLock { value in
            let now = (value.down, value.loseNextReply)
            value.loseNextReply = false
            if now.0 || now.1 { value.refused += 1 }
            return now
        }
        if down { throw .unavailable(path: "test server", reason: "server closed the connection unexpectedly") }
        let result = try body()
        if lose { throw .unavailable(path: "test server", reason: "server closed the connection unexpectedly") }
        return result
    }

    public func startOrResumeAudit(
        sampleID: SampleID, caseReference: String, auditorID: String, checklist: PinnedChecklist
    ) throws(StoreError) -> StoredAudit {
        try store.startOrResumeAudit(
            sampleID: sampleID, caseReference: caseReference, auditorID: auditorID, checklist: checklist)
    }
    public func pinnedChecklist(hash: String) throws(StoreError) -> PinnedChecklist? {
        try store.pinnedChecklist(hash: hash)
    }
    public func unfinishedAudit(sampleID: SampleID, caseReference: String, auditorID: String) throws(StoreError)
        -> StoredAudit?
    { try store.unfinishedAudit(sampleID: sampleID, caseReference: caseReference, auditorID: auditorID) }
    public func latestSubmittedAudit(sampleID: SampleID, caseReference: String) throws(StoreError) -> StoredAudit? {
        try store.latestSubmittedAudit(sampleID: sampleID, caseReference: caseReference)
    }
    public func recordAnswers(_ answers: [ItemAnswer], audit: AuditID) throws(StoreError) {
        try change { () throws(StoreError) in try store.recordAnswers(answers, audit: audit) }
    }
    public func answers(audit: AuditID) throws(StoreError) -> [ItemAnswer] { try store.answers(audit: audit) }
    public func recordJudgement(_ judgement: AuditJudgement?, audit: AuditID) throws(StoreError) {
        try change { () throws(StoreError) in try store.recordJudgement(judgement, audit: audit) }
    }
    public func addAction(_ action: AuditAction, audit: AuditID) throws(StoreError) {
        try change { () throws(StoreError) in try store.addAction(action, audit: audit) }
    }
    public func recordSheet(_ content: AuditContent, audit: AuditID) throws(StoreError) {
        try change { () throws(StoreError) in try store.recordSheet(content, audit: audit) }
    }
    public func submitAudit(_ audit: AuditID, judgement: AuditJudgement, grade: FileGrade, outcomes: [ItemOutcome])
        throws(StoreError)
    {
        try change { () throws(StoreError) in
            try store.submitAudit(audit, judgement: judgement, grade: grade, outcomes: outcomes)
        }
    }
    public func amendAudit(
        _ audit: AuditID, by person: String, reason: String, content: AuditContent, judgement: AuditJudgement,
        grade: FileGrade, outcomes: [ItemOutcome]
    ) throws(StoreError) -> StoredAudit {
        try change { () throws(StoreError) in
            try store.amendAudit(
                audit, by: person, reason: reason, content: content, judgement: judgement, grade: grade,
                outcomes: outcomes)
        }
    }
    public func recordKeyedBy(_ person: String, audit: AuditID) throws(StoreError) {
        try change { () throws(StoreError) in try store.recordKeyedBy(person, audit: audit) }
    }
    public func audit(id: AuditID) throws(StoreError) -> AuditRecord? { try store.audit(id: id) }
    public func actionListings() throws(StoreError) -> [ActionListing] { try store.actionListings() }
    public func markActionDone(_ id: Int64) throws(StoreError) -> Bool {
        try change { () throws(StoreError) in try store.markActionDone(id) }
    }
    public func claimAudit(_ audit: AuditID) throws(StoreError) -> AuditClaim { try store.claimAudit(audit) }
    public func breakLease(_ audit: AuditID, by person: String, reason: String) throws(StoreError) -> String? {
        try store.breakLease(audit, by: person, reason: reason)
    }
}
