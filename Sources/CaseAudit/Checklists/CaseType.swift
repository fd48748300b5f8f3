/// The kinds of case file a checklist applies to.
public enum CaseType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Child in need.
    case childInNeed = "CIN"
    /// Child protection plan.
    case childProtection = "CP"
    /// Looked-after child (child in care).
    case lookedAfter = "LAC"
    /// Care leaver.
    case careLeaver = "CL"

    public var label: String {
        switch self {
        case .childInNeed: "child in need"
        case .childProtection: "child protection"
        case .lookedAfter: "looked after"
        case .careLeaver: "care leaver"
        }
    }
}
