/// An auditor's answer to one checklist item: the option's value and, where given, a note.
public struct ItemAnswer: Sendable, Hashable, Codable {
    public var itemID: String
    public var value: String
    public var note: String?

    public init(itemID: String, value: String, note: String? = nil) {
        self.itemID = itemID
        self.value = value
        self.note = note
    }
}
