/// Everything the product keeps, behind one seam: the population, the samples, the audits and
/// the quality roll-ups. Commands hold an `any CaseAuditStore` from the store factory and use
/// nothing else, so a second engine is a second conformance, not a second set of commands.
public protocol CaseAuditStore: PopulationStore, SampleStore, AuditStore, QualityStore, BulkAuditStore, TrailStore,
    ModerationStore
{
    /// Who this session is, as the system says (never a flag).
    func sessionIdentity() throws(StoreError) -> SessionIdentity
    /// Where the data is, as the user named it (a file path), for messages.
    var location: String { get }
    /// Runs `body`, which only reads, against one state of the store: everything it reads
    /// through this store was true at one moment, whatever other sessions commit meanwhile (a
    /// report's figures and the trail's head it names agree).
    func readingOneState<T>(_ body: () throws -> T) throws -> T
}

/// Loading generated audits at scale, already submitted, with their roll-ups (for `generate`,
/// the benchmarks and demos at scale).
public protocol BulkAuditStore: Sendable {
    /// The audits into sample `sampleID` in one transaction, against the checklist pinned.
    func loadSubmittedAudits(_ audits: [BulkAudit], sampleID: SampleID, checklist: PinnedChecklist, checklistID: String)
        throws(StoreError)
}
