/// Amending a submitted audit: the next version, from a sheet of changes (answers listed
/// replace those given, a judgement replaces the judgement, actions are added), checked as a
/// submission and kept with who amended it and why. The use case behind `audit amend`.
public enum AuditAmendment {
    public struct Amended: Sendable {
        public var audit: StoredAudit
        public var judgement: AuditJudgement
    }

    /// `by` must be in the org chart, when there is one. A judgement given with a reason
    /// stands; one without a reason was the computed grade and follows the amended answers
    /// (unless the sheet gives a judgement).
    public static func amend(
        _ id: AuditID, by person: String, reason: String, sheet: AnswerSheet, store: some CaseAuditStore,
        today: CalendarDate
    ) throws -> Amended {
        let (record, checklist) = try AuditOpening.recorded(id, store: store)
        if let chart = try store.orgChart(), chart.person(id: person) == nil {
            throw AuditAmendmentError.unknownPerson(person)
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
            id, by: person, reason: reason, content: content, judgement: judgement, grade: session.grade,
            outcomes: session.outcomes)
        return Amended(audit: amended, judgement: judgement)
    }
}

public enum AuditAmendmentError: ReportableError, Hashable {
    case unknownPerson(String)
    case cannotSubmit(path: String, ScoringError)

    public var message: String {
        switch self {
        case .unknownPerson(let person): "'\(person)' is not in the org chart"
        case .cannotSubmit(let path, let error): "\(path): the amended audit cannot be submitted: \(error.message)"
        }
    }
}
