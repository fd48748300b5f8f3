/// Why an answer was refused.
public enum ScoringError: Error, Sendable, Hashable {
    case unknownItem(String)
    /// Skip logic hides the item, given the answers so far.
    case hidden(String)
    case unknownAnswer(String, item: String, allowed: [String])
    case noteRequired(String, item: String)

    public var message: String {
        switch self {
        case .unknownItem(let item): Messages.Scoring.unknownItem(item)
        case .hidden(let item): Messages.Scoring.hidden(item)
        case .unknownAnswer(let value, let item, let allowed): Messages.Scoring.unknownAnswer(value, item: item, allowed: allowed)
        case .noteRequired(let value, let item): Messages.Scoring.noteRequired(value, item: item)
        }
    }
}
