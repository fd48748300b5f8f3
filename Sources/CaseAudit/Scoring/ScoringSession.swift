/// One auditor's answers to one checklist, independent of any screen or store: which item
/// comes next (skip logic applied live), answering and changing answers, going back, progress,
/// the grade the answers earn, the auditor's judgement and the actions raised.
public struct ScoringSession: Sendable {
    public let checklist: Checklist
    /// By item id; answers to items a later change hid are kept but neither asked nor graded.
    public private(set) var answers: [String: ItemAnswer]
    /// The auditor's overall judgement, once given.
    public internal(set) var judgement: AuditJudgement?
    /// Actions for the worker, in the order raised.
    public internal(set) var actions: [AuditAction]

    public init(
        checklist: Checklist, answers: [ItemAnswer] = [], judgement: AuditJudgement? = nil, actions: [AuditAction] = []
    ) {
        self.checklist = checklist
        self.answers = Dictionary(answers.map { ($0.itemID, $0) }, uniquingKeysWith: { _, later in later })
        self.judgement = judgement
        self.actions = actions
    }

    /// The items asked given the answers so far, in document order.
    public var askedItems: [ChecklistItem] { AskedItems.of(checklist, answers: answers) }

    /// The first asked item without an answer: where a new or resumed session goes.
    public var nextItem: ChecklistItem? {
        askedItems.first { answers[$0.id] == nil }
    }

    public var isComplete: Bool { nextItem == nil }

    /// "7 of 18": answered items among those asked.
    public var progress: (answered: Int, asked: Int) {
        let asked = askedItems
        return (asked.count { answers[$0.id] != nil }, asked.count)
    }

    /// The asked item before this one, for "back"; nil at the first.
    public func item(before itemID: String) -> ChecklistItem? {
        let asked = askedItems
        guard let index = asked.firstIndex(where: { $0.id == itemID }), index > 0 else { return nil }
        return asked[index - 1]
    }

    /// Records (or changes) an answer. The value must be an option of the item's scale, the
    /// item must be asked given the other answers, and a note must come with the values the
    /// checklist asks one for.
    public mutating func answer(_ itemID: String, value: String, note: String? = nil) throws(ScoringError) {
        guard let item = checklist.items.first(where: { $0.id == itemID }) else { throw .unknownItem(itemID) }
        guard askedItems.contains(where: { $0.id == itemID }) else { throw .hidden(itemID) }
        let allowed = checklist.scale(for: item)?.options.map(\.value) ?? []
        guard allowed.contains(value) else { throw .unknownAnswer(value, item: itemID, allowed: allowed) }
        let note = note?.nonBlank
        try ScoringError.checkLength(note, .note)
        if item.noteRequiredFor.contains(value) && note == nil { throw .noteRequired(value, item: itemID) }
        answers[itemID] = ItemAnswer(itemID: itemID, value: value, note: note)
    }

    /// The grade the answers to the asked items earn.
    public var grade: FileGrade { FileGrade(checklist: checklist, answers: answers) }
}
