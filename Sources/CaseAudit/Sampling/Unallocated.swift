/// Why nobody could be given a sampled file.
public enum Unallocated: Sendable, Hashable, Codable {
    /// Every auditor with a quota has used it.
    case quotasUsedUp
    /// Every auditor with room left manages the file's team or oversees it.
    case onlyOwnLine(team: String)

    /// As the sample records it beside the file.
    public var text: String {
        switch self {
        case .quotasUsedUp: Messages.Allocation.quotasUsedUp
        case .onlyOwnLine(let team): Messages.Allocation.onlyOwnLine(team)
        }
    }

    /// What would have let the file be given to someone.
    public var remedy: Remedy { .allocateMore(ownLine: self != .quotasUsedUp) }
}
