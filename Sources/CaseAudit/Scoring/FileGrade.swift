/// The grade a file's answers earn under its checklist's bands and caps.
public struct FileGrade: Sendable, Hashable {
    /// The weighted share of the available score over the items that count; nil when none does.
    public var score: Double?
    /// The band the score reaches, before any cap.
    public var scoreBand: GradeBand?
    /// The cap that lowered the grade, if one did.
    public var cap: GradeCap?
    /// The grade: the score's band, or the cap's band when that is worse. Nil when no item counts.
    public var band: GradeBand?

    /// Grades the answers of the items that are asked (skip logic applied); the answers of hidden
    /// items are ignored.
    public init(checklist: Checklist, answers: [String: ItemAnswer]) {
        let bands = checklist.grading.bands
        var earned = 0.0
        var available = 0.0
        var criticalFail = false
        for item in AskedItems.of(checklist, answers: answers) {
            guard let answer = answers[item.id], let scale = checklist.scale(for: item),
                let option = scale.option(value: answer.value)
            else { continue }
            if item.critical && option.fails { criticalFail = true }
            guard option.counts, let optionScore = option.score, scale.maximumScore > 0 else { continue }
            earned += item.weight * optionScore / scale.maximumScore
            available += item.weight
        }
        score = available > 0 ? earned / available : nil
        scoreBand = score.flatMap { value in bands.first { value >= $0.minimum } }
        let caps = checklist.grading.caps.filter { $0.trigger == .criticalFail && criticalFail }
        // The worst of the score's band and every cap that applies: bands run best first.
        var worst = scoreBand.flatMap { band in bands.firstIndex(of: band) }
        cap = nil
        for applying in caps {
            guard let index = bands.firstIndex(where: { $0.grade == applying.grade }) else { continue }
            if worst.map({ index > $0 }) ?? true {
                worst = index
                cap = applying
            }
        }
        band = worst.map { bands[$0] }
    }
}
