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

    static let fileColumns =
        "draw_id, month, audit_id, sample_id, case_reference, checklist_id, checklist_hash, team, auditor_id, moderator_id, outcome, outcome_grade, outcome_reason, decided_at"

    /// Why the first audit's next version was made, as both stores record it (the server's
    /// function writes the same words).
    static func amendedReason(_ outcome: ModerationOutcome, moderator: String) -> String {
        "moderated by \(moderator): \(outcome.reason ?? "")"
    }

    /// A moderated file's row, read by column name (text, as both engines can give it).
    static func assignment(_ text: (String) -> String?) -> ModerationAssignment? {
        guard let draw = text("draw_id").flatMap({ Int64($0) }), let month = text("month").flatMap(AuditMonth.init),
            let original = text("audit_id").flatMap({ AuditID($0) }),
            let sample = text("sample_id").flatMap({ SampleID($0) }), let reference = text("case_reference"),
            let checklist = text("checklist_id"), let hash = text("checklist_hash"), let auditor = text("auditor_id"),
            let moderator = text("moderator_id")
        else { return nil }
        let outcome = text("outcome").flatMap(ModerationOutcome.Decision.init).map { decision in
            ModerationOutcome(
                decision: decision, grade: text("outcome_grade") ?? "", reason: text("outcome_reason"),
                decidedAt: text("decided_at") ?? "")
        }
        return ModerationAssignment(
            drawID: draw, month: month, original: original, sampleID: sample, caseReference: reference,
            checklistID: checklist, checklistHash: hash, team: text("team"), auditorID: auditor,
            moderatorID: moderator, outcome: outcome)
    }

    static let challengeColumns =
        "raised_by, reason, raised_at, decision, decided_grade, decided_by, decision_reason, decided_at"

    static func challenge(_ text: (String) -> String?) -> ModerationChallenge? {
        guard let by = text("raised_by"), let reason = text("reason") else { return nil }
        return ModerationChallenge(
            raisedBy: by, reason: reason, raisedAt: text("raised_at") ?? "",
            decision: text("decision").flatMap(ModerationChallenge.Decision.init), decidedGrade: text("decided_grade"),
            decidedBy: text("decided_by"), decisionReason: text("decision_reason"), decidedAt: text("decided_at"))
    }

    static func upheldReason(_ person: String, _ reason: String) -> String {
        "challenge upheld by \(person): \(reason)"
    }
}
