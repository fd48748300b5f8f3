import CaseAudit

/// What `moderation draw` and `moderation redraw` print: for the quality lead who drew, so the
/// reason each file was chosen is shown.
public enum ModerationText {
    public static func draw(_ draw: ModerationDraw) -> String {
        let allocated = draw.files.count { $0.moderatorID != nil }
        var text =
            "Moderation \(draw.id) for \(draw.month): \(Plural.count(draw.files.count, "file")) of \(Plural.count(draw.candidates.count, "audit")) submitted, rule \(draw.rule), seed \(draw.seed)\n"
        guard !draw.files.isEmpty else { return text + "Nothing to moderate under this rule.\n" }
        let rows = draw.files.map { file in
            [
                file.caseReference, file.checklistID, file.auditorID, file.moderatorID ?? "–", file.reason.rawValue,
                file.unallocatedReason ?? "",
            ]
        }
        text += TextTable(headers: ["CASE", "CHECKLIST", "AUDITOR", "MODERATOR", "WHY", "NOT ALLOCATED"], rows: rows)
            .render()
        if allocated < draw.files.count {
            text += "\(Plural.count(draw.files.count - allocated, "file")) could not be given a moderator.\n"
        }
        return text
    }

    public static func redraw(_ outcome: ModerationRedraw.Outcome) -> String {
        let draw = outcome.draw
        var text =
            "Moderation \(draw.id) (\(draw.month)): redrawn from its \(Plural.count(draw.candidates.count, "audit")) with rule \(draw.rule) and seed \(draw.seed)\n"
        if outcome.isIdentical {
            return text + "Identical: the same \(Plural.count(draw.files.count, "file")) with the same moderators.\n"
        }
        text +=
            "DIFFERENT: \(outcome.missing.count) recorded files not redrawn, \(outcome.extra.count) redrawn files not recorded, \(outcome.moderatorsDiffer.count) with another moderator (has the org chart changed?).\n"
        for file in outcome.missing.prefix(20) { text += "  - \(file.caseReference) (audit \(file.auditID))\n" }
        for file in outcome.extra.prefix(20) { text += "  + \(file.caseReference) (audit \(file.auditID))\n" }
        let now = Dictionary(
            outcome.redrawn.map { ($0.auditID, $0.moderatorID) }, uniquingKeysWith: { first, _ in first })
        for file in outcome.moderatorsDiffer.prefix(20) {
            text +=
                "  ~ \(file.caseReference) (audit \(file.auditID)): \(file.moderatorID ?? "nobody") then, \((now[file.auditID] ?? nil) ?? "nobody") now\n"
        }
        return text
    }

    /// The files given to moderators: no first grade, only where each stands.
    public static func assignments(_ files: [ModerationAssignment]) -> String {
        guard !files.isEmpty else { return "No files are given to moderate.\n" }
        let rows = files.map { file in
            [
                file.month.description, file.caseReference, file.checklistID, String(file.original), file.auditorID,
                file.moderatorID, file.stage.rawValue,
                file.outcome.map { "\($0.decision.rawValue) \($0.grade)" } ?? "",
                challengeState(file.challenge),
            ]
        }
        return TextTable(
            headers: ["MONTH", "CASE", "CHECKLIST", "AUDIT", "AUDITOR", "MODERATOR", "STAGE", "OUTCOME", "CHALLENGE"],
            rows: rows
        ).render()
    }

    static func challengeState(_ challenge: ModerationChallenge?) -> String {
        guard let challenge else { return "" }
        guard let decision = challenge.decision else { return "raised" }
        guard let grade = challenge.decidedGrade else { return decision.rawValue }
        return "\(decision.rawValue) (\(grade))"
    }

    /// The two gradings, item by item.
    public static func comparison(_ comparison: ModerationComparison) -> String {
        var text =
            "Case \(comparison.caseReference), \(comparison.checklist) \(comparison.version): audit \(comparison.original) by \(comparison.auditorID), moderation \(comparison.moderation) by \(comparison.moderatorID)\n"
        text +=
            "Grade: \(comparison.firstGrade ?? "–") (first), \(comparison.secondGrade ?? "–") (moderation)\(comparison.firstGrade == comparison.secondGrade ? ": the same" : "")\n"
        let departures = [
            ("First", comparison.firstGrade, comparison.firstComputedGrade, comparison.firstReason),
            ("Moderation", comparison.secondGrade, comparison.secondComputedGrade, comparison.secondReason),
        ]
        for case let (whose, grade?, computed?, reason) in departures where grade != computed {
            text += "\(whose): judged \(grade) where the answers compute \(computed)\(reason.map { ": \($0)" } ?? "")\n"
        }
        text +=
            "Items answered alike: \(comparison.itemsAgreeing) of \(comparison.itemsAnsweredByBoth) both answered\n"
        let rows = comparison.items.map { item in
            [item.item, item.first ?? "–", item.second ?? "–", item.agree ? "" : "differs", item.prompt]
        }
        text += TextTable(headers: ["ITEM", "FIRST", "MODERATION", "", "QUESTION"], rows: rows).render()
        if let outcome = comparison.outcome {
            text +=
                "Outcome: \(outcome.decision.rawValue), reported as \(outcome.grade)\(outcome.reason.map { " (\($0))" } ?? "")\n"
        }
        return text
    }
}
