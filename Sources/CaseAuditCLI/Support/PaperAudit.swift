import ArgumentParser
import CaseAudit

/// Keying in a paper audit: the sheet is checked whole before the audit is even started, then
/// checked again against what the audit holds once this session has it to itself, and kept in
/// one transaction; optionally submitted.
enum PaperAudit {
    struct Keyed {
        var audit: StoredAudit
        var checked: AnswerSheet.Checked
        var submitted: AuditJudgement?

        /// What `audit score --answers` prints.
        var summary: String {
            var text = AuditProgressText.render(checked.session, recorded: checked.answers.count, audit: audit)
            if !checked.actions.isEmpty || checked.judgement != nil {
                let count = checked.actions.count
                text +=
                    "Kept \(checked.judgement.map { "the judgement '\($0.grade)'" } ?? "no judgement") and \(count) action\(count == 1 ? "" : "s").\n"
            }
            if let submitted {
                text += "Submitted audit \(audit.id) of case \(audit.caseReference): \(submitted.grade).\n"
            }
            return text
        }
    }

    static func keyIn(
        _ path: String, opening: AuditOpening, database: any CaseAuditStore, submit: Bool, console: Console
    ) throws -> Keyed {
        let sheet: AnswerSheet
        let before = try opening.session(of: opening.begun, database)
        sheet = try AnswerSheet.read(file: path)
        _ = try sheet.check(against: before, today: console.today())

        let (audit, claim) = try opening.start(database)
        defer { withExtendedLifetime(claim) {} }
        let current = try opening.session(of: audit, database)
        let checked: AnswerSheet.Checked
        checked = try sheet.check(against: current, today: console.today())

        try database.recordSheet(
            AuditContent(answers: checked.answers, judgement: checked.judgement, actions: checked.actions),
            audit: audit.id)
        guard submit else { return Keyed(audit: audit, checked: checked) }
        let judgement: AuditJudgement
        do throws(ScoringError) {
            judgement = try checked.session.submission()
        } catch {
            console.write(Keyed(audit: audit, checked: checked).summary)
            console.writeError(
                "caseaudit: error: \(path): not submitted: \(error.message); the answers above are kept\n")
            throw ExitCode(1)
        }
        try database.submitAudit(
            audit.id, judgement: judgement, grade: checked.session.grade, outcomes: checked.session.outcomes)
        return Keyed(audit: audit, checked: checked, submitted: judgement)
    }
}
