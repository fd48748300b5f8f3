/// An audit tool: the questions an auditor answers about a case file, and how they grade it.
public struct Checklist: Sendable, Hashable, Encodable {
    public var id: String
    public var version: String
    public var title: String
    public var caseTypes: [CaseType]
    public var source: ChecklistSource
    public var description: String?
    public var scales: [AnswerScale]
    public var sections: [ChecklistSection]
    public var grading: Grading
    /// The scale of items that name none and whose section names none.
    public var defaultScaleID: String?

    public init(
        id: String, version: String, title: String, caseTypes: [CaseType], source: ChecklistSource,
        description: String? = nil, scales: [AnswerScale], sections: [ChecklistSection], grading: Grading,
        defaultScaleID: String? = nil
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.caseTypes = caseTypes
        self.source = source
        self.description = description
        self.scales = scales
        self.sections = sections
        self.grading = grading
        self.defaultScaleID = defaultScaleID
    }

    /// Every item in document order, the order an auditor meets them.
    public var items: [ChecklistItem] { sections.flatMap(\.items) }

    /// How many items, without copying them.
    public var itemCount: Int { sections.reduce(0) { $0 + $1.items.count } }

    public func scale(id: String) -> AnswerScale? {
        scales.first { $0.id == id }
    }

    /// The scale an item is answered on: its own, else its section's, else the checklist's.
    public func scale(for item: ChecklistItem) -> AnswerScale? {
        item.scaleID.flatMap(scale(id:))
    }
}
