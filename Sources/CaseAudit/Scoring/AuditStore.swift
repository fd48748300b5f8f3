/// Where audits and their answers are kept. Every answer is committed on its own the moment
/// it is given, so an interrupted session loses at most the answer in flight.
public protocol AuditStore: Sendable {
    /// The unsubmitted audit of this allocated file by this auditor, or a new one pinned to
    /// `checklist` (its XML is kept by content hash, so a resumed audit uses the version it
    /// began with, whatever is on disk by then).
    func startOrResumeAudit(
        sampleID: Int64, caseReference: String, auditorID: String, checklist: PinnedChecklist
    ) throws(StoreError) -> StoredAudit
    /// The checklist an audit was pinned to.
    func pinnedChecklist(hash: String) throws(StoreError) -> PinnedChecklist?
    /// The unsubmitted audit of this file by this auditor, if one was started.
    func unfinishedAudit(sampleID: Int64, caseReference: String, auditorID: String) throws(StoreError) -> StoredAudit?
    /// Records (or replaces) answers, all in one transaction.
    func recordAnswers(_ answers: [ItemAnswer], audit: Int64) throws(StoreError)
    /// The answers recorded so far, in the order they were first given.
    func answers(audit: Int64) throws(StoreError) -> [ItemAnswer]
}

extension AuditStore {
    /// Records (or replaces) one answer, in its own transaction: the moment it is given.
    public func recordAnswer(_ answer: ItemAnswer, audit: Int64) throws(StoreError) {
        try recordAnswers([answer], audit: audit)
    }
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

/// One audit of one allocated file.
public struct StoredAudit: Sendable, Hashable {
    public var id: Int64
    public var sampleID: Int64
    public var caseReference: String
    public var auditorID: String
    public var checklistHash: String
    public var startedAt: String

    public init(id: Int64, sampleID: Int64, caseReference: String, auditorID: String, checklistHash: String, startedAt: String) {
        self.id = id
        self.sampleID = sampleID
        self.caseReference = caseReference
        self.auditorID = auditorID
        self.checklistHash = checklistHash
        self.startedAt = startedAt
    }
}
