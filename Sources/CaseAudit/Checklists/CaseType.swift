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

    /// The case type whose raw value is these UTF-8 bytes (as the store keeps it), without
    /// making a String: a snapshot read meets a million of them.
    public init?(rawValueBytes bytes: UnsafeBufferPointer<UInt8>) {
        switch (bytes.count, bytes.first) {
        case (3, UInt8(ascii: "C")) where bytes[1] == UInt8(ascii: "I") && bytes[2] == UInt8(ascii: "N"):
            self = .childInNeed
        case (2, UInt8(ascii: "C")) where bytes[1] == UInt8(ascii: "P"): self = .childProtection
        case (3, UInt8(ascii: "L")) where bytes[1] == UInt8(ascii: "A") && bytes[2] == UInt8(ascii: "C"):
            self = .lookedAfter
        case (2, UInt8(ascii: "C")) where bytes[1] == UInt8(ascii: "L"): self = .careLeaver
        default: return nil
        }
    }
}
