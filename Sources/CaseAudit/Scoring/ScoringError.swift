/// Why an answer, a judgement, an action or a submission was refused.
public enum ScoringError: Error, Sendable, Hashable {
    case unknownItem(String)
    /// Skip logic hides the item, given the answers so far.
    case hidden(String)
    case unknownAnswer(String, item: String, allowed: [String])
    case noteRequired(String, item: String)
    case unknownGrade(String, allowed: [String])
    /// The judgement differs from the computed grade and no reason was given.
    case reasonRequired(judged: String, computed: String)
    /// No answer counts towards a grade, so the auditor must judge the file.
    case judgementRequired
    case actionIncomplete(AuditAction.Part)
    case actionDueInPast(due: CalendarDate, today: CalendarDate)
    /// Submitting before every asked item has an answer.
    case unanswered(String, remaining: Int)
    /// A note, reason or action text past its limit (`InputLimits.note`).
    case tooLong(AnswerSheet.Field, length: Int)

    public var message: String {
        switch self {
        case .unknownItem(let item): Messages.Scoring.unknownItem(item)
        case .hidden(let item): Messages.Scoring.hidden(item)
        case .unknownAnswer(let value, let item, let allowed):
            Messages.Scoring.unknownAnswer(value, item: item, allowed: allowed)
        case .noteRequired(let value, let item): Messages.Scoring.noteRequired(value, item: item)
        case .unknownGrade(let grade, let allowed): Messages.Scoring.unknownGrade(grade, allowed: allowed)
        case .reasonRequired(let judged, let computed):
            Messages.Scoring.reasonRequired(judged: judged, computed: computed)
        case .judgementRequired: Messages.Scoring.judgementRequired
        case .actionIncomplete(let part): Messages.Scoring.actionIncomplete(part)
        case .actionDueInPast(let due, let today): Messages.Scoring.actionDueInPast(due, today: today)
        case .unanswered(let item, let remaining): Messages.Scoring.unanswered(item, remaining: remaining)
        case .tooLong(let field, let length): Messages.Scoring.tooLong(field, length: length)
        }
    }
}

extension ScoringError {
    /// Refuses a note, reason or action text longer than `InputLimits.note` characters.
    static func checkLength(_ text: String?, _ field: AnswerSheet.Field) throws(ScoringError) {
        guard let text, text.utf8.count > InputLimits.note else { return }  // bytes bound characters from above
        let length = text.count
        if length > InputLimits.note { throw .tooLong(field, length: length) }
    }
}
