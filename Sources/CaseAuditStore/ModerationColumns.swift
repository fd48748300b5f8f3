import CaseAudit
import Foundation

/// A moderation draw as both stores keep it: the rule as its text, the seed as decimal text
/// (a UInt64 does not fit a signed column), and the audits it was drawn from and the files it
/// chose as JSON in the draw's own row, which only quality leads read (a file's reason for
/// being chosen would tell its moderator the first grade). Each file's allocation is also a
/// row of `moderation_file`, without the reason, for its moderator.
enum ModerationColumns {
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The draw a stored row holds; a row that does not read back is the database's fault.
    static func draw(
        id: Int64, month: String, rule: String, seed: String, drawnAt: String, candidates: String, files: String
    ) throws(StoreError) -> ModerationDraw {
        let decoder = JSONDecoder()
        guard let month = AuditMonth(month), let seed = UInt64(seed),
            let rule = try? ModerationRule(parsing: rule),
            let candidates = try? decoder.decode([ModerationCandidate].self, from: Data(candidates.utf8)),
            let files = try? decoder.decode([ModeratedFile].self, from: Data(files.utf8))
        else { throw .failed(reason: "moderation draw \(id) does not read back") }
        return ModerationDraw(
            id: id, month: month, rule: rule, seed: seed, drawnAt: drawnAt, candidates: candidates, files: files)
    }
}
