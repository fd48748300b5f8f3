/// Which allocation of a case an auditor means to score. A case can be in more than one
/// current sample (two checklists, or two months); it is never picked silently: with more
/// than one still to audit, the auditor names the sample.
public enum AllocationChoice {
    public enum Outcome: Sendable, Hashable {
        /// The one to score (still to audit, or the latest submitted one, which cannot be
        /// scored again).
        case chosen(AuditAllocation)
        /// The case is not allocated in any current sample (or not in `sample`).
        case notAllocated
        /// Allocated, but to other auditors.
        case someoneElse([AuditAllocation])
        /// More than one of the auditor's allocations of the case is still to audit.
        case ambiguous([AuditAllocation])
    }

    /// `allocations`: the case's allocations in current samples; `sample`: the one named, if any.
    public static func choose(_ allocations: [AuditAllocation], auditor: String, sample: SampleID?) -> Outcome {
        let named = allocations.filter { sample == nil || $0.sampleID == sample }
        guard !named.isEmpty else { return .notAllocated }
        let mine = named.filter { $0.auditorID == auditor }
        guard !mine.isEmpty else { return .someoneElse(named) }
        let open = mine.filter { $0.status != .submitted }
        switch open.count {
        case 0: return .chosen(mine.max { $0.sampleSequence < $1.sampleSequence } ?? mine[0])
        case 1: return .chosen(open[0])
        default: return .ambiguous(open)
        }
    }
}
