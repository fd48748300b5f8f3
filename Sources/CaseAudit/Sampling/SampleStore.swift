/// Where drawn samples are kept, with everything needed to redraw them.
public protocol SampleStore: Sendable {
    /// The cases of a snapshot, as imported; without their dates when `includingDates` is
    /// false (a draw does not need them, and a snapshot can hold a million cases).
    func cases(snapshot: Int64, includingDates: Bool) throws(StoreError) -> [CaseRecord]
    /// Records a sample; in the same transaction, marks the samples of `replacing` as replaced
    /// by it, refusing (`.sampleInUse`) when any of them has an audit or was replaced already.
    /// With `expectingCurrent`, the draw was made knowing those current samples of its month
    /// and checklist: if another draw was kept meanwhile (two quality leads at once), nothing
    /// is kept and the store says so (`.drawnMeanwhile`); writers of one month and checklist
    /// are serialised for the check.
    func addSample(
        _ parameters: SampleParameters, snapshot: Int64, cases: [SampledCase], replacing: [SampleID],
        expectingCurrent: Set<SampleID>?
    ) throws(StoreError) -> StoredSample
    /// The samples drawn for a month, oldest first, replaced ones included (marked); every
    /// month's when `month` is nil.
    func samples(month: AuditMonth?) throws(StoreError) -> [StoredSample]
    /// Case references drawn in a current sample for `since` or a later month. With `before`,
    /// as they stood when sample `before` was drawn (what a redraw of it excluded): samples
    /// recorded before it, and not replaced by then.
    func sampledReferences(since: AuditMonth, before: SampleID?) throws(StoreError) -> Set<String>
    /// Gives a drawn file to another auditor, in one transaction with a record of who moved it
    /// and why; refused (`.submitted`) once the file's audit is submitted.
    func reallocate(sample: SampleID, caseReference: String, to auditor: String, by person: String, reason: String)
        throws(StoreError)
    /// Allocated files of current samples, of one auditor and of one case when given (all
    /// when nil), in month and reference order.
    func allocations(auditor: String?, caseReference: String?, today: CalendarDate?) throws(StoreError)
        -> [AuditAllocation]
}

extension SampleStore {
    public func cases(snapshot: Int64) throws(StoreError) -> [CaseRecord] {
        try cases(snapshot: snapshot, includingDates: true)
    }

    public func addSample(
        _ parameters: SampleParameters, snapshot: Int64, cases: [SampledCase], replacing: [SampleID]
    ) throws(StoreError) -> StoredSample {
        try addSample(parameters, snapshot: snapshot, cases: cases, replacing: replacing, expectingCurrent: nil)
    }

    public func addSample(_ parameters: SampleParameters, snapshot: Int64, cases: [SampledCase]) throws(StoreError)
        -> StoredSample
    {
        try addSample(parameters, snapshot: snapshot, cases: cases, replacing: [])
    }

    /// The allocated files of one auditor (all when nil).
    public func allocations(auditor: String?, today: CalendarDate?) throws(StoreError) -> [AuditAllocation] {
        try allocations(auditor: auditor, caseReference: nil, today: today)
    }

    public func sampledReferences(since: AuditMonth) throws(StoreError) -> Set<String> {
        try sampledReferences(since: since, before: nil)
    }
}

/// A sample as recorded: its parameters (seed included), the snapshot it came from, its files.
public struct StoredSample: Sendable, Codable {
    public var id: SampleID
    /// Where the sample stands in the order samples were committed in (ids are not that order
    /// when several people draw at once).
    public var sequence: Int64
    public var parameters: SampleParameters
    public var snapshotID: Int64
    public var algorithm: String
    public var drawnAt: String
    public var cases: [SampledCase]
    /// The sample that replaced this one (`sample draw --replace`); nil while it is current.
    public var replacedBy: SampleID?
    /// The sequence of the sample that replaced this one.
    public var replacedBySequence: Int64?

    public init(
        id: SampleID, sequence: Int64, parameters: SampleParameters, snapshotID: Int64, algorithm: String,
        drawnAt: String, cases: [SampledCase], replacedBy: SampleID? = nil, replacedBySequence: Int64? = nil
    ) {
        self.replacedBy = replacedBy
        self.replacedBySequence = replacedBySequence
        self.sequence = sequence
        self.id = id
        self.parameters = parameters
        self.snapshotID = snapshotID
        self.algorithm = algorithm
        self.drawnAt = drawnAt
        self.cases = cases
    }
}

extension StoredSample {
    /// Whether this sample counted when sample `other` was drawn: recorded before it and not
    /// replaced by then.
    public func wasCurrent(whenDrawing other: StoredSample) -> Bool {
        sequence < other.sequence && (replacedBySequence.map { $0 > other.sequence } ?? true)
    }
}
