import CaseAudit

/// What the scoring screen asks its driver to do after a key: keep something (at once, in its
/// own transaction), or end the session.
public enum ScreenEffect: Sendable, Hashable {
    case none
    case record(ItemAnswer)
    case judge(AuditJudgement)
    case addAction(AuditAction)
    case submit(AuditJudgement)
    case quit
}

extension ScreenEffect {
    /// Keeps what the effect says in `store`, at once and in its own transaction, for the
    /// audit the screen is scoring (`session`: the screen's session after the key, whose grade
    /// and outcomes a submission records). `.none` and `.quit` keep nothing.
    public func keep(audit: AuditID, session: ScoringSession, in store: some AuditStore) throws(StoreError) {
        switch self {
        case .none, .quit: break
        case .record(let answer): try store.recordAnswer(answer, audit: audit)
        case .judge(let judgement): try store.recordJudgement(judgement, audit: audit)
        case .addAction(let action): try store.addAction(action, audit: audit)
        case .submit(let judgement):
            try store.submitAudit(audit, judgement: judgement, grade: session.grade, outcomes: session.outcomes)
        }
    }
}
