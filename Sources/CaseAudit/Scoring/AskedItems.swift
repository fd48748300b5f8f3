/// Which items an auditor is asked, given the answers so far: skip logic applied in document
/// order, so an item hidden by a changed answer stops counting (its answer is kept, unused).
enum AskedItems {
    static func of(_ checklist: Checklist, answers: [String: ItemAnswer]) -> [ChecklistItem] {
        var asked: [ChecklistItem] = []
        var askedIDs: Set<String> = []
        for item in checklist.items {
            // A condition refers only to earlier items (checked on load); an answer to an item
            // that is itself hidden does not count as given.
            let shown =
                item.condition?.holds { id in askedIDs.contains(id) ? answers[id]?.value : nil } ?? true
            guard shown else { continue }
            asked.append(item)
            askedIDs.insert(item.id)
        }
        return asked
    }
}
