import CaseAudit
import CaseAuditFormats

/// Paper-audit answer sheets for the demo council: the same seed and case give the same sheet
/// on any machine. Every note says it is demo data; nothing in them is about a real child.
///
/// Answers lean the way real audits do (mostly yes, some partly, a few no); a note is written
/// wherever the checklist asks for one; one file in five gets a judgement a grade away from the
/// computed one, with a reason; files graded below the second band get an action.
public enum SyntheticAnswers {
    public struct Sheet: Sendable {
        /// The CSV text, as `audit score --answers` reads it.
        public var csv: String
        /// The grade the answers compute (before any judgement).
        public var computedGrade: String?
    }

    static let notes = [
        "Demo data: the record is brief and undated in places.",
        "Demo data: evidence found only in the case notes, not the assessment.",
        "Demo data: the visit is recorded but the child's view is not.",
        "Demo data: done, but later than the timescale.",
        "Demo data: manager's decision recorded without reasons.",
    ]

    /// A sheet answering every item the skip logic asks. `complete: false` stops half-way, as an
    /// auditor interrupted would. With `secondReadingOf`, a moderator's blind reading of a file
    /// already audited: the same file read again, so most answers (nine in ten) are the first
    /// auditor's and the rest are the moderator's own.
    public static func sheet(
        for checklist: Checklist, caseReference: String, worker: String?, due: CalendarDate, seed: UInt64,
        complete: Bool = true, secondReadingOf first: [ItemAnswer] = []
    ) -> Sheet {
        let firstAnswers = Dictionary(first.map { ($0.itemID, $0.value) }, uniquingKeysWith: { _, last in last })
        var random = SampleRandom(seed: seed ^ stableHash(caseReference))
        var session = ScoringSession(checklist: checklist)
        var rows: [[String]] = [["item", "answer", "note", "who", "due"]]
        let stopAt = complete ? Int.max : max(1, checklist.itemCount / 2)
        while let item = session.nextItem, rows.count <= stopAt {
            guard let scale = checklist.scale(for: item),
                let option = reread(firstAnswers[item.id], on: scale, &random) ?? pick(scale, &random)
            else { break }
            let note =
                item.noteRequiredFor.contains(option.value) || random.next(below: 10) == 0
                ? notes[random.next(below: notes.count)] : nil
            do {
                try session.answer(item.id, value: option.value, note: note)
            } catch {
                break  // Cannot happen: the option is on the item's scale and a note is given where needed.
            }
            rows.append([item.id, option.value, note ?? "", "", ""])
        }
        let computed = session.grade.band?.grade
        let bands = checklist.grading.bands
        if complete, let computed, let index = bands.firstIndex(where: { $0.grade == computed }),
            random.next(below: 5) == 0
        {
            let other = index + 1 < bands.count ? bands[index + 1] : bands[max(0, index - 1)]
            rows.append([
                "#judgement", other.grade, "Demo data: the auditor weighed the quality of the recording.", "", "",
            ])
        }
        if complete, let computed, bands.count > 1,
            bands.firstIndex(where: { $0.grade == computed }).map({ $0 >= 2 }) ?? false
        {
            rows.append([
                "#action", "Demo data: bring the record up to date and discuss in supervision", "",
                worker ?? "team manager", due.description,
            ])
        }
        return Sheet(csv: CSVWriter.render(rows), computedGrade: computed)
    }

    /// The first reading's answer to an item, nine times in ten (nil to read it afresh).
    private static func reread(_ value: String?, on scale: AnswerScale, _ random: inout SampleRandom)
        -> AnswerOption?
    {
        guard let value, random.next(below: 10) != 0 else { return nil }
        return scale.options.first { $0.value == value }
    }

    private static func pick(_ scale: AnswerScale, _ random: inout SampleRandom) -> AnswerOption? {
        // Weights by position: best first. A scale's last option is often "not applicable".
        let weights = scale.options.enumerated().map { index, option in
            !option.counts ? 3 : [74, 17, 6, 3][min(index, 3)]
        }
        var roll = random.next(below: weights.reduce(0, +))
        for (option, weight) in zip(scale.options, weights) {
            if roll < weight { return option }
            roll -= weight
        }
        return scale.options.first
    }

    /// FNV-1a: a hash that is the same in every process (Swift's own is seeded per process).
    private static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
