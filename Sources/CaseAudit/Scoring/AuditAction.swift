/// Something the file's worker (or their manager) is to do: what, who, and by when.
public struct AuditAction: Sendable, Hashable, Codable {
    public var what: String
    public var who: String
    public var due: CalendarDate

    /// The parts an action must have.
    public enum Part: String, Sendable {
        case what, who, due
    }

    public init(what: String, who: String, due: CalendarDate) {
        self.what = what
        self.who = who
        self.due = due
    }
}
