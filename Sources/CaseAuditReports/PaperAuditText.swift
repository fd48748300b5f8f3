import CaseAudit

/// What keying a paper audit came to: the progress, what else was kept, and the submission.
public enum PaperAuditText {
    public static func summary(_ keyed: PaperAudit.Keyed) -> String {
        let checked = keyed.checked
        var text = AuditProgressText.render(checked.session, recorded: checked.answers.count, audit: keyed.audit)
        if !checked.actions.isEmpty || checked.judgement != nil {
            let count = checked.actions.count
            text +=
                "Kept \(checked.judgement.map { "the judgement '\($0.grade)'" } ?? "no judgement") and \(Plural.count(count, "action")).\n"
        }
        if let submitted = keyed.submitted {
            text += "Submitted audit \(keyed.audit.id) of case \(keyed.audit.caseReference): \(submitted.grade).\n"
        }
        return text
    }
}
