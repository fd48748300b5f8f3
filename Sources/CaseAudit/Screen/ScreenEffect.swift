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
