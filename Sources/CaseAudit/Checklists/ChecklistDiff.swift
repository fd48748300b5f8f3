/// What changed between two versions of a checklist, item by item (matched by id).
public struct ChecklistDiff: Sendable, Hashable {
    public struct FieldChange: Sendable, Hashable, Codable {
        public var field: String
        public var old: String
        public var new: String
    }

    public struct ItemChange: Sendable, Hashable {
        public var id: String
        public var changes: [FieldChange]
    }

    public var oldVersion: String
    public var newVersion: String
    /// Checklist-level fields: title, case types, source, scales, grading.
    public var checklistChanges: [FieldChange]
    public var added: [ChecklistItem]
    public var removed: [ChecklistItem]
    public var changed: [ItemChange]
    public var unchangedCount: Int

    public var isEmpty: Bool {
        checklistChanges.isEmpty && added.isEmpty && removed.isEmpty && changed.isEmpty && oldVersion == newVersion
    }

    public init(old: Checklist, new: Checklist) {
        oldVersion = old.version
        newVersion = new.version

        var top: [FieldChange] = []
        func compare(_ field: String, _ a: String, _ b: String, into list: inout [FieldChange]) {
            if a != b { list.append(FieldChange(field: field, old: a, new: b)) }
        }
        compare("id", old.id, new.id, into: &top)
        compare("title", old.title, new.title, into: &top)
        compare(
            "caseTypes", old.caseTypes.map(\.rawValue).joined(separator: " "),
            new.caseTypes.map(\.rawValue).joined(separator: " "), into: &top)
        // The source field by field, so a new document's name is not lost in one long line.
        compare("source issuer", old.source.issuer, new.source.issuer, into: &top)
        compare("source issued", old.source.issued ?? "(none)", new.source.issued ?? "(none)", into: &top)
        compare("source document", old.source.document ?? "(none)", new.source.document ?? "(none)", into: &top)
        compare("source note", old.source.text, new.source.text, into: &top)
        let oldScales = Dictionary(old.scales.map { ($0.id, Self.describe($0)) }, uniquingKeysWith: { a, _ in a })
        let newScales = Dictionary(new.scales.map { ($0.id, Self.describe($0)) }, uniquingKeysWith: { a, _ in a })
        for id in Set(oldScales.keys).union(newScales.keys).sorted() {
            compare("scale \(id)", oldScales[id] ?? "(none)", newScales[id] ?? "(none)", into: &top)
        }
        compare("grading", Self.describe(old.grading), Self.describe(new.grading), into: &top)
        checklistChanges = top

        let oldItems = old.items
        let newItems = new.items
        let oldByID = Dictionary(oldItems.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(newItems.map(\.id))
        let oldSection = Self.sectionTitles(old)
        let newSection = Self.sectionTitles(new)
        added = newItems.filter { oldByID[$0.id] == nil }
        removed = oldItems.filter { !newIDs.contains($0.id) }
        var changed: [ItemChange] = []
        var unchanged = 0
        for item in newItems {
            guard let before = oldByID[item.id] else { continue }
            var fields: [FieldChange] = []
            compare("section", oldSection[item.id] ?? "", newSection[item.id] ?? "", into: &fields)
            compare("ref", before.reference ?? "", item.reference ?? "", into: &fields)
            compare("prompt", before.prompt, item.prompt, into: &fields)
            compare("guidance", before.guidance ?? "", item.guidance ?? "", into: &fields)
            compare("scale", before.scaleID ?? "", item.scaleID ?? "", into: &fields)
            compare("weight", Number.format(before.weight), Number.format(item.weight), into: &fields)
            compare("critical", String(before.critical), String(item.critical), into: &fields)
            compare(
                "noteRequired", before.noteRequiredFor.joined(separator: " "),
                item.noteRequiredFor.joined(separator: " "), into: &fields)
            compare("when", before.condition?.text ?? "", item.condition?.text ?? "", into: &fields)
            if fields.isEmpty { unchanged += 1 } else { changed.append(ItemChange(id: item.id, changes: fields)) }
        }
        self.changed = changed
        unchangedCount = unchanged
    }

    private static func sectionTitles(_ checklist: Checklist) -> [String: String] {
        var titles: [String: String] = [:]
        for section in checklist.sections {
            for item in section.items where titles[item.id] == nil { titles[item.id] = section.title }
        }
        return titles
    }

    private static func describe(_ scale: AnswerScale) -> String {
        scale.options.map { option in
            var text = "\(option.value)[\(option.key)]"
            if let score = option.score { text += "=\(Number.format(score))" }
            if !option.counts { text += " not counted" }
            if option.fails { text += " fails" }
            return text
        }.joined(separator: ", ")
    }

    private static func describe(_ grading: Grading) -> String {
        (grading.bands.map { "\($0.grade) ≥ \(Number.format($0.minimum))" }
            + grading.caps.map { "cap \($0.trigger.rawValue) → \($0.grade)" }).joined(separator: ", ")
    }
}
