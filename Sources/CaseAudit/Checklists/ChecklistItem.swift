/// One question an auditor answers about a case file.
public struct ChecklistItem: Sendable, Hashable, Encodable {
    public var id: String
    /// The issuing board's numbering ("2.1"), kept for display.
    public var reference: String?
    public var prompt: String
    public var guidance: String?
    /// Resolved: the item's own scale, else its section's, else the checklist's default.
    public var scaleID: String?
    public var weight: Double
    public var critical: Bool
    /// Option values whose answer needs a note.
    public var noteRequiredFor: [String]
    /// Skip logic: the item is asked only when this holds.
    public var condition: ItemCondition?
    public var line: Int

    public init(
        id: String, reference: String? = nil, prompt: String, guidance: String? = nil, scaleID: String?,
        weight: Double = 1, critical: Bool = false, noteRequiredFor: [String] = [], condition: ItemCondition? = nil,
        line: Int = 0
    ) {
        self.id = id
        self.reference = reference
        self.prompt = prompt
        self.guidance = guidance
        self.scaleID = scaleID
        self.weight = weight
        self.critical = critical
        self.noteRequiredFor = noteRequiredFor
        self.condition = condition
        self.line = line
    }
}
