/// A titled group of items, as a board's audit tool groups its questions.
public struct ChecklistSection: Sendable, Hashable, Encodable {
    public var id: String
    public var title: String
    public var items: [ChecklistItem]
    public var line: Int

    public init(id: String, title: String, items: [ChecklistItem], line: Int = 0) {
        self.id = id
        self.title = title
        self.items = items
        self.line = line
    }
}
