/// The end of an audit: the auditor's judgement, actions for the worker, and what a
/// submission records.
extension ScoringSession {
    /// Records the auditor's overall judgement: one of the checklist's grades, with a reason
    /// when it differs from the computed grade.
    public mutating func judge(_ grade: String, reason: String? = nil) throws(ScoringError) {
        let judgement = AuditJudgement(grade: grade, reason: reason)
        try check(judgement)
        self.judgement = judgement
    }

    /// Adds an action; it needs a description, someone to do it and a due date not in the past.
    public mutating func addAction(_ action: AuditAction, today: CalendarDate) throws(ScoringError) {
        actions.append(try Self.checked(action, today: today))
    }

    /// The action with its text trimmed, or why it cannot be raised.
    public static func checked(_ action: AuditAction, today: CalendarDate) throws(ScoringError) -> AuditAction {
        let what = action.what.trimmingWhitespace
        let who = action.who.trimmingWhitespace
        guard !what.isEmpty else { throw .actionIncomplete(.what) }
        guard !who.isEmpty else { throw .actionIncomplete(.who) }
        try ScoringError.checkLength(what, .what)
        try ScoringError.checkLength(who, .who)
        guard action.due >= today else { throw .actionDueInPast(due: action.due, today: today) }
        return AuditAction(what: what, who: who, due: action.due)
    }

    /// The judgement a submission records: the auditor's own, else the computed grade. Refused
    /// while an asked item has no answer, or when a judgement differs from the grade the final
    /// answers compute and gives no reason.
    public func submission() throws(ScoringError) -> AuditJudgement {
        let progress = progress
        if let next = nextItem { throw .unanswered(next.id, remaining: progress.asked - progress.answered) }
        if let judgement {
            try check(judgement)
            return judgement
        }
        guard let band = grade.band else { throw .judgementRequired }
        return AuditJudgement(grade: band.grade)
    }

    private func check(_ judgement: AuditJudgement) throws(ScoringError) {
        let grades = checklist.grading.bands.map(\.grade)
        guard grades.contains(judgement.grade) else { throw .unknownGrade(judgement.grade, allowed: grades) }
        try ScoringError.checkLength(judgement.reason, .reason)
        if let computed = grade.band?.grade, computed != judgement.grade, judgement.reason == nil {
            throw .reasonRequired(judged: judgement.grade, computed: computed)
        }
    }
}
