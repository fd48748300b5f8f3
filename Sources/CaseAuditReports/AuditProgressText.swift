import CaseAudit

/// What `audit score` says after recording answers: how far the audit has got and the grade
/// the answers earn so far.
public enum AuditProgressText {
    public static func render(_ session: ScoringSession, recorded: Int, audit: StoredAudit) -> String {
        let progress = session.progress
        let checklist = session.checklist
        var text = "Recorded \(recorded) answer\(recorded == 1 ? "" : "s") for case \(audit.caseReference) "
        text +=
            "(audit \(audit.id), \(checklist.id) \(checklist.version)): \(progress.answered) of \(progress.asked) asked items answered.\n"
        let grade = session.grade
        let gradeText =
            grade.band.map { band in
                var words = band.displayName
                if let score = grade.score { words += " (score \(Number.percent(score)))" }
                if let cap = grade.cap { words += ", capped by \(cap.trigger.rawValue)" }
                return words
            } ?? "none yet (no answer counts towards a grade)"
        text += session.isComplete ? "Computed grade: \(gradeText).\n" : "Grade so far: \(gradeText).\n"
        if let next = session.nextItem { text += "Next unanswered item: \(next.id).\n" }
        return text
    }
}
