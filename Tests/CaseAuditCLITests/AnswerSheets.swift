import CaseAudit
import CaseAuditTestSupport
import Testing

/// Paper audits the command tests key in.
enum AnswerSheets {
    /// A sheet with the best answer to every asked item of the Climbié checklist, written to
    /// `folder/best.csv`.
    static func best(in folder: TemporaryDirectory) throws -> String {
        let checklist = try ChecklistLoader().load(
            file: "\(Fixtures.shippedChecklistsDirectory)/climbie-compliance.xml"
        ).checklist
        var session = ScoringSession(checklist: checklist)
        var rows = ["item,answer,note"]
        while let item = session.nextItem, rows.count <= checklist.itemCount + 1 {
            let scale = try #require(checklist.scale(for: item))
            let best = try #require(scale.options.first { $0.counts && $0.score == scale.maximumScore })
            try session.answer(item.id, value: best.value)
            rows.append("\(item.id),\(best.value),")
        }
        return try folder.write("best.csv", rows.joined(separator: "\n") + "\n")
    }
}
