import ArgumentParser
import CaseAudit

/// Finding the file an auditor is to score, and the audit of it: the allocation (refused when
/// it is someone else's, or already submitted), the checklist the audit is pinned to, and what
/// was recorded before.
struct AuditOpening {
    let allocation: AuditAllocation
    let pinned: PinnedChecklist
    let checklist: Checklist
    /// The audit under way, if one was started.
    let begun: StoredAudit?

    init(
        caseReference: String, auditor: String, sample: Int64? = nil, database: any CaseAuditStore,
        directory: ChecklistDirectoryOption,
        console: Console
    ) throws {
        let drawn = try database.allocations(auditor: nil, caseReference: caseReference, today: console.today())
        let allocation: AuditAllocation
        switch AllocationChoice.choose(drawn, auditor: auditor, sample: sample) {
        case .chosen(let chosen): allocation = chosen
        case .notAllocated:
            console.writeError(
                "caseaudit: error: case '\(caseReference)' is not allocated in \(sample.map { "sample \($0)" } ?? "any sample")\n"
            )
            throw ExitCode(1)
        case .someoneElse(let others):
            let owners = others.map { "\($0.auditorID) (sample \($0.sampleID), \($0.month))" }.joined(separator: ", ")
            console.writeError("caseaudit: error: case '\(caseReference)' is allocated to \(owners), not \(auditor)\n")
            throw ExitCode(1)
        case .ambiguous(let open):
            let listed = open.map { "sample \($0.sampleID) (\($0.month), \($0.checklistID))" }.joined(separator: ", ")
            console.writeError(
                "caseaudit: error: case '\(caseReference)' is allocated to \(auditor) in \(open.count) samples still to audit: \(listed); say which with --sample N\n"
            )
            throw ExitCode(1)
        }
        let begun = try database.unfinishedAudit(
            sampleID: allocation.sampleID, caseReference: caseReference, auditorID: auditor)
        if begun == nil,
            let done = try database.latestSubmittedAudit(sampleID: allocation.sampleID, caseReference: caseReference)
        {
            console.writeError(
                "caseaudit: error: case '\(caseReference)' was audited and submitted on \(done.submittedAt?.prefix(10) ?? "?") (audit \(done.id)); to correct it, use `caseaudit audit amend \(done.id)`\n"
            )
            throw ExitCode(1)
        }
        let pinned: PinnedChecklist
        if let begun, let kept = try database.pinnedChecklist(hash: begun.checklistHash) {
            pinned = kept
        } else {
            let loaded = try ChecklistReference.load(
                allocation.checklistID, directory: directory.resolved(console), console: console)
            let hash = loaded.contentHash ?? ContentHash(of: loaded.xml)
            pinned = PinnedChecklist(
                id: loaded.checklist.id, version: loaded.checklist.version, hash: hash.description, xml: loaded.xml)
        }
        self.allocation = allocation
        self.pinned = pinned
        self.checklist = try Self.load(pinned, console: console)
        self.begun = begun
    }

    /// A recorded audit and the checklist it was scored against; an unknown number is refused.
    static func recorded(_ id: Int64, database: any CaseAuditStore, console: Console) throws -> (AuditRecord, Checklist)
    {
        guard let record = try database.audit(id: id),
            let pinned = try database.pinnedChecklist(hash: record.audit.checklistHash)
        else {
            console.writeError("caseaudit: error: there is no audit \(id)\n")
            throw ExitCode(1)
        }
        return (record, try load(pinned, console: console))
    }

    static func load(_ pinned: PinnedChecklist, console: Console) throws -> Checklist {
        do {
            return try ChecklistLoader().load(bytes: pinned.xml, path: "\(pinned.id) \(pinned.version) (as pinned)")
                .checklist
        } catch {
            DiagnosticPrinter.print(error.diagnostics, to: console)
            throw ExitCode(1)
        }
    }

    /// Starts the audit (or resumes it) and claims it for this session.
    func start(_ database: any CaseAuditStore) throws(StoreError) -> (audit: StoredAudit, claim: AuditClaim) {
        let audit = try database.startOrResumeAudit(
            sampleID: allocation.sampleID, caseReference: allocation.caseReference, auditorID: allocation.auditorID,
            checklist: pinned)
        return (audit, try database.claimAudit(audit.id))
    }

    /// The session with everything the audit holds so far.
    func session(of audit: StoredAudit?, _ database: any CaseAuditStore) throws(StoreError) -> ScoringSession {
        guard let audit, let record = try database.audit(id: audit.id) else {
            return ScoringSession(checklist: checklist)
        }
        return ScoringSession(
            checklist: checklist, answers: record.content.answers, judgement: record.content.judgement,
            actions: record.content.actions)
    }
}
