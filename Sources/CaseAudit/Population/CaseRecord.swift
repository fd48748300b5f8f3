/// One open case in a population snapshot: only what sampling and auditing need. No child's
/// name, no date of birth.
public struct CaseRecord: Sendable, Hashable, Codable {
    /// The council's case reference (or the census's LA child id).
    public var reference: String
    public var caseType: CaseType
    /// Nil when the export has no team for the case: kept, and reported as unallocated.
    public var team: String?
    public var worker: String?
    public var opened: CalendarDate?
    public var lastVisit: CalendarDate?

    public init(
        reference: String, caseType: CaseType, team: String? = nil, worker: String? = nil, opened: CalendarDate? = nil,
        lastVisit: CalendarDate? = nil
    ) {
        self.reference = reference
        self.caseType = caseType
        self.team = team
        self.worker = worker
        self.opened = opened
        self.lastVisit = lastVisit
    }
}

extension CaseType {
    /// The spellings council exports use for each case type.
    public init?(spelling: String) {
        let key = spelling.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(
            separator: " ")
        switch key {
        case "cin", "child in need", "children in need", "cin plan": self = .childInNeed
        case "cp", "cpp", "child protection", "child protection plan", "cp plan": self = .childProtection
        case "lac", "cla", "cic", "looked after", "looked after child", "child looked after", "child in care",
            "children in care":
            self = .lookedAfter
        case "cl", "care leaver", "care leavers", "leaving care": self = .careLeaver
        default: return nil
        }
    }
}
