/// Keying in a paper audit: the sheet is checked whole before the audit is even started, then
/// checked again against what the audit holds once this session has it to itself, and kept in
/// one transaction; optionally submitted. The use case behind `audit score --answers`.
public enum PaperAudit {
    public struct Keyed: Sendable {
        public var audit: StoredAudit
        public var checked: AnswerSheet.Checked
        public var submitted: AuditJudgement?
        /// Why the audit was kept but not submitted, when submission was asked for.
        public var notSubmitted: ScoringError?
        /// The sheet's path.
        public var sheet: String
    }

    /// Keys the sheet (read by a reader in CaseAuditFormats) into the opened audit, as of `today` (actions may not be due
    /// before it).
    public static func keyIn(
        _ sheet: AnswerSheet, opening: AuditOpening, store database: some CaseAuditStore, submit: Bool,
        today: CalendarDate
    ) throws -> Keyed {
        let before = try opening.session(of: opening.begun, database)
        _ = try sheet.check(against: before, today: today)

        let (audit, claim) = try opening.start(database)
        defer { withExtendedLifetime(claim) {} }
        let current = try opening.session(of: audit, database)
        let checked: AnswerSheet.Checked
        checked = try sheet.check(against: current, today: today)

        try database.recordSheet(
            AuditContent(answers: checked.answers, judgement: checked.judgement, actions: checked.actions),
            audit: audit.id)
        guard submit else { return Keyed(audit: audit, checked: checked, sheet: sheet.path) }
        let judgement: AuditJudgement
        do throws(ScoringError) {
            judgement = try checked.session.submission()
        } catch {
            return Keyed(audit: audit, checked: checked, notSubmitted: error, sheet: sheet.path)
        }
        try database.submitAudit(
            audit.id, judgement: judgement, grade: checked.session.grade, outcomes: checked.session.outcomes)
        return Keyed(audit: audit, checked: checked, submitted: judgement, sheet: sheet.path)
    }
}

extension PaperAudit.Keyed {
    /// Refuses, once the summary is told, a sheet kept but not submitted as asked.
    public func requireSubmitted() throws(PaperAuditError) {
        if let notSubmitted { throw .notSubmitted(path: sheet, notSubmitted) }
    }
}

public enum PaperAuditError: ReportableError, Hashable {
    /// The sheet's answers are kept, but the audit could not be submitted.
    case notSubmitted(path: String, ScoringError)

    public var message: String {
        switch self {
        case .notSubmitted(let path, let error): "\(path): not submitted: \(error.message); the answers above are kept"
        }
    }
}
