/// Why a moderation draw cannot be made or checked. The messages say what is so; the command
/// line adds which command or flag goes on from there.
public enum ModerationError: ReportableError, Hashable {
    case badRule(String, term: String, expected: String)
    case noAudits(month: String)
    case namedFileNotAudited(String, month: String)
    case noOrgChart
    case notDrawn(month: String)
    case notAGrade(String, grades: [String])
    case sameGrade(String)
    case changeNeedsReason
    case notAChallenger(String, auditor: String)
    case challengeNeedsReason
    case decisionNeedsReason
    case notADecider(String)
    case noOpenChallenge(String)
    case deciderInvolved(String, String)
    case badExercise(String)
    case noExercise(String)
    case notInExercise(String, person: String, caseReference: String)
    /// Someone neither leading nor taking part asked for a calibration exercise's result.
    case notInExerciseAtAll(String, person: String)
    /// No audit of the case was drawn for moderation.
    case notModerated(String)
    /// The auditor challenged an outcome that confirmed their own grade.
    case confirmedNotChallenged(String, grade: String)
    /// The file's auditor asked to see its moderation before its outcome was recorded.
    case notDecidedForItsAuditor(String)

    public var message: String {
        switch self {
        case .badRule(let rule, let term, let expected):
            return "moderation rule '\(rule)': '\(term)' is not understood: expected \(expected)"
        case .noAudits(let month): return "no audits of files drawn for \(month) are submitted yet: nothing to moderate"
        case .namedFileNotAudited(let reference, let month):
            return "case '\(reference)' has no submitted audit of a file drawn for \(month)"
        case .noOrgChart: return "there is no org chart to choose moderators from"
        case .notDrawn(let month): return "no moderation was drawn for \(month)"
        case .notAGrade(let grade, let grades):
            return "'\(grade)' is not a grade of the checklist: expected one of \(grades.joined(separator: ", "))"
        case .sameGrade(let grade):
            return "the first audit's grade is \(grade) already: confirm it instead"
        case .changeNeedsReason: return "a changed grade needs a reason"
        case .notAChallenger(let reference, let auditor):
            return "case '\(reference)' has no moderated audit by \(auditor) with its outcome recorded"
        case .challengeNeedsReason: return "a challenge needs a reason"
        case .decisionNeedsReason: return "a challenge's decision needs a reason"
        case .notADecider(let person):
            return "\(person) is neither a quality lead nor an assistant director, so cannot decide a challenge"
        case .noOpenChallenge(let reference): return "case '\(reference)' has no challenge waiting for a decision"
        case .badExercise(let what): return "a calibration exercise needs \(what)"
        case .noExercise(let name): return "there is no calibration exercise '\(name)'"
        case .notInExercise(let name, let person, let reference):
            return "\(person) does not score case '\(reference)' in calibration exercise '\(name)'"
        case .notInExerciseAtAll(let name, let person):
            return
                "\(person) does not take part in calibration exercise '\(name)': its result is for its participants and quality leads"
        case .notModerated(let reference):
            return "case '\(reference)' has no audit drawn for moderation"
        case .confirmedNotChallenged(let reference, let grade):
            return
                "the moderation of case '\(reference)' confirmed its auditor's grade (\(grade)), so there is nothing to challenge"
        case .notDecidedForItsAuditor(let reference):
            return
                "the moderation of case '\(reference)' is not decided yet: its auditor sees it beside their audit once the moderator records the outcome"
        case .deciderInvolved(let person, let reference):
            return "\(person) audited or moderated case '\(reference)', so cannot decide its challenge"
        }
    }
}
