/// Moving a drawn file to another auditor: a quality lead's decision, with a reason, keeping
/// the independence rule (nobody audits a file from a team in their own management line), and
/// refused once the file's audit is submitted. An audit the first auditor had begun is kept as
/// it was (never counted); the new auditor starts afresh. The use case behind `sample reallocate`.
public enum Reallocation {
    public struct Moved: Sendable, Hashable {
        public var sample: SampleID
        public var caseReference: String
        public var from: String
        public var to: String
    }

    public static func move(
        _ caseReference: String, sample: SampleID?, to auditor: String, reason: String, by caller: Caller,
        store: some CaseAuditStore, today: CalendarDate
    ) throws -> Moved {
        guard caller.role == .qualityLead else { throw ReallocationError.notAQualityLead(caller.identity) }
        let chart = try store.requiredOrgChart()
        guard let person = chart.person(id: auditor), person.level.audits else {
            throw ReallocationError.notAnAuditor(auditor)
        }
        let drawn = try store.allocations(auditor: nil, caseReference: caseReference, today: today).filter {
            sample == nil || $0.sampleID == sample
        }
        guard let allocation = drawn.first else { throw ReallocationError.notAllocated(caseReference, sample: sample) }
        guard drawn.count == 1 else { throw ReallocationError.ambiguous(caseReference, samples: drawn.map(\.sampleID)) }
        guard allocation.auditorID != auditor else { throw ReallocationError.alreadyTheirs(caseReference, auditor) }
        if let team = allocation.team, chart.teamsExcludedFromAuditing(by: person).contains(team) {
            throw ReallocationError.ownLine(caseReference, team: team, auditor: auditor)
        }
        let submitted = ReallocationError.submitted(
            caseReference, audit: allocation.auditID, auditor: allocation.auditorID)
        guard allocation.status != .submitted else { throw submitted }
        do {
            try store.reallocate(
                sample: allocation.sampleID, caseReference: caseReference, to: auditor, by: caller.recordedAs,
                reason: reason)
        } catch {
            // Submitted meanwhile: the store refuses it in the reallocation's own transaction.
            if case .submitted = error { throw submitted }
            throw error
        }
        return Moved(sample: allocation.sampleID, caseReference: caseReference, from: allocation.auditorID, to: auditor)
    }
}

public enum ReallocationError: ReportableError, Hashable {
    case notAQualityLead(SessionIdentity)
    case notAnAuditor(String)
    case notAllocated(String, sample: SampleID?)
    case ambiguous(String, samples: [SampleID])
    case alreadyTheirs(String, String)
    case ownLine(String, team: String, auditor: String)
    /// The file's audit is submitted: it stays with the auditor who submitted it.
    case submitted(String, audit: AuditID?, auditor: String)

    public var message: String {
        switch self {
        case .notAQualityLead(let identity):
            "you are '\(identity.login)' and not a quality lead, so you cannot reallocate files"
        case .notAnAuditor(let id): "'\(id)' is not an auditor in the org chart"
        case .notAllocated(let reference, let sample):
            "case '\(reference)' is not allocated in \(sample.map { "sample \($0)" } ?? "any current sample")"
        case .ambiguous(let reference, let samples):
            "case '\(reference)' is in \(samples.count) current samples (\(samples.map { "sample \($0)" }.joined(separator: ", ")))"
        case .alreadyTheirs(let reference, let auditor): "case '\(reference)' is allocated to \(auditor) already"
        case .ownLine(let reference, let team, let auditor):
            "case '\(reference)' is in team '\(team)', which is in \(auditor)'s own management line: an auditor never audits their own line's files"
        case .submitted(let reference, let audit, let auditor):
            "case '\(reference)' was audited by \(auditor) and submitted\(audit.map { " (audit \($0))" } ?? ""), so it is not reallocated; nothing was written"
        }
    }
}
