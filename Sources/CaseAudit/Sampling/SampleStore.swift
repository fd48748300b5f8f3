/// Where drawn samples are kept, with everything needed to redraw them.
public protocol SampleStore: Sendable {
    /// The cases of a snapshot, as imported; without their dates when `includingDates` is
    /// false (a draw does not need them, and a snapshot can hold a million cases).
    func cases(snapshot: Int64, includingDates: Bool) throws(StoreError) -> [CaseRecord]
    func addSample(_ parameters: SampleParameters, snapshot: Int64, cases: [SampledCase]) throws(StoreError) -> StoredSample
    /// The samples drawn for a month, oldest first; every month's when `month` is nil.
    func samples(month: AuditMonth?) throws(StoreError) -> [StoredSample]
    /// Case references drawn in any sample for `since` or a later month (only in samples
    /// recorded before sample `before`, when given: what a redraw of that sample excluded).
    func sampledReferences(since: AuditMonth, before: Int64?) throws(StoreError) -> Set<String>
    /// Allocated files, for one auditor or all, in month and reference order.
    /// Allocated files, of one auditor and of one case when given (all when nil).
    func allocations(auditor: String?, caseReference: String?, today: CalendarDate?) throws(StoreError) -> [AuditAllocation]
}

/// A sample as recorded: its parameters (seed included), the snapshot it came from, its files.
extension SampleStore {
    public func cases(snapshot: Int64) throws(StoreError) -> [CaseRecord] {
        try cases(snapshot: snapshot, includingDates: true)
    }

    public func sampledReferences(since: AuditMonth) throws(StoreError) -> Set<String> {
        try sampledReferences(since: since, before: nil)
    }
}

public struct StoredSample: Sendable, Codable {
    public var id: Int64
    public var parameters: SampleParameters
    public var snapshotID: Int64
    public var algorithm: String
    public var drawnAt: String
    public var cases: [SampledCase]

    public init(
        id: Int64, parameters: SampleParameters, snapshotID: Int64, algorithm: String, drawnAt: String,
        cases: [SampledCase]
    ) {
        self.id = id
        self.parameters = parameters
        self.snapshotID = snapshotID
        self.algorithm = algorithm
        self.drawnAt = drawnAt
        self.cases = cases
    }
}
