/// Amending a submitted audit: the next version, from a sheet of changes (answers listed
/// replace those given, a judgement replaces the judgement, actions are added), checked as a
/// submission and kept with who amended it and why. The use case behind `audit amend`.
public enum AuditAmendment {
    public struct Amended: Sendable {
        public var audit: StoredAudit
        public var judgement: AuditJudgement
    }

    /// The caller amends: the audit's own auditor, or a quality lead; they are recorded as who
    /// amended it (their person, else their login). A judgement given with a reason
    /// stands; one without a reason was the computed grade and follows the amended answers
    /// (unless the sheet gives a judgement).
    public static func amend(
        _ id: AuditID, by caller: Caller, reason: String, sheet: AnswerSheet, store: some CaseAuditStore,
        today: CalendarDate
    ) throws -> Amended {
        let (record, checklist) = try AuditOpening.recorded(id, store: store, seenBy: caller)
        guard caller.role == .qualityLead || caller.person?.id == record.audit.auditorID else {
            throw AuditAmendmentError.notAllowed(caller.identity, auditor: record.audit.auditorID)
        }
        let base = ScoringSession(
            checklist: checklist, answers: record.content.answers,
            judgement: record.content.judgement.flatMap { $0.reason == nil ? nil : $0 }, actions: record.content.actions
        )
        let session = try sheet.check(against: base, today: today).session
        let judgement: AuditJudgement
        do throws(ScoringError) {
            judgement = try session.submission()
        } catch {
            throw AuditAmendmentError.cannotSubmit(path: sheet.path, error)
        }
        let content = AuditContent(
            answers: checklist.items.compactMap { session.answers[$0.id] }, judgement: judgement,
            actions: session.actions)
        let amended = try store.amendAudit(
            id, by: caller.recordedAs, reason: reason, content: content, judgement: judgement, grade: session.grade,
            outcomes: session.outcomes)
        return Amended(audit: amended, judgement: judgement)
    }
}

public enum AuditAmendmentError: ReportableError, Hashable {
    /// Only the audit's auditor or a quality lead amends it.
    case notAllowed(SessionIdentity, auditor: String)
    case cannotSubmit(path: String, ScoringError)

    public var message: String {
        switch self {
        case .notAllowed(let identity, let auditor):
            "you are '\(identity.login)': only \(auditor), whose audit it is, or a quality lead can amend it"
        case .cannotSubmit(let path, let error): "\(path): the amended audit cannot be submitted: \(error.message)"
        }
    }
}
