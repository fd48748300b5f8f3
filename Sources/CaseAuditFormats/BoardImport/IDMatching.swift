import CaseAudit

/// Which of a new version's questions are the old version's, so that they keep their ids and
/// trends stay comparable. A question keeps an old id when its wording is the same or only
/// lightly changed: the share of words the two have in common (Jaccard, over lower-case words)
/// is at least 0.75, or at least 0.5 with the same number. Pairs are taken best first, each old
/// question at most once. New questions get new ids; old ones that match nothing are dropped.
public struct IDMatching: Sendable {
    /// New question (by row) → id.
    public var ids: [Int: String]
    /// New question rows that kept an old id, with the similarity.
    public var kept: [(line: Int, id: String, similarity: Double)]
    public var added: [Int]
    public var dropped: [String]

    static let threshold = 0.75
    static let thresholdSameNumber = 0.5

    public init(_ board: BoardImport, previous: Checklist?) {
        let questions = board.sections.flatMap(\.questions)
        var ids: [Int: String] = [:]
        var kept: [(Int, String, Double)] = []
        var used: Set<String> = []
        if let previous {
            var candidates: [(line: Int, id: String, score: Double)] = []
            let oldWords = previous.items.map { Self.words($0.prompt) }
            for question in questions {
                let words = Self.words(question.prompt)
                for (item, itemWords) in zip(previous.items, oldWords) {
                    let similarity = Self.jaccard(words, itemWords)
                    let sameNumber = question.number != nil && question.number == item.reference
                    if similarity >= Self.threshold || (sameNumber && similarity >= Self.thresholdSameNumber) {
                        candidates.append((question.line, item.id, similarity + (sameNumber ? 0.01 : 0)))
                    }
                }
            }
            for candidate in candidates.sorted(by: { ($0.score, $1.line) > ($1.score, $0.line) }) {
                guard ids[candidate.line] == nil, !used.contains(candidate.id) else { continue }
                ids[candidate.line] = candidate.id
                used.insert(candidate.id)
                kept.append((candidate.line, candidate.id, min(1, candidate.score)))
            }
        }
        var added: [Int] = []
        for question in questions where ids[question.line] == nil {
            var id = question.number.map { "q" + BoardChecklist.slug($0, fallback: "") } ?? ""
            if id == "q" || id.isEmpty { id = BoardChecklist.slug(question.prompt, fallback: "q\(question.line)") }
            var unique = id
            var suffix = 2
            while used.contains(unique) {
                unique = "\(id)-\(suffix)"
                suffix += 1
            }
            used.insert(unique)
            ids[question.line] = unique
            added.append(question.line)
        }
        self.ids = ids
        self.kept = kept.sorted { $0.0 < $1.0 }
        self.added = added
        dropped = previous?.items.map(\.id).filter { id in !kept.contains { $0.1 == id } } ?? []
    }

    static func words(_ text: String) -> Set<String> {
        Set(BoardColumn.normalise(text).split(separator: " ").map(String.init))
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
