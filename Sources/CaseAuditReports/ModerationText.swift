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
                file.caseReference, file.checklistID, file.auditorID, file.moderatorID ?? "–", reason(file.reason),
                file.unallocatedReason ?? "",
            ]
        }
        text += TextTable(headers: ["Case", "Checklist", "Auditor", "Moderator", "Why", "Not allocated"], rows: rows)
            .render()
        if allocated < draw.files.count {
            text += "\(Plural.count(draw.files.count - allocated, "file")) could not be given a moderator.\n"
        }
        return text
    }

    static func reason(_ reason: ModeratedFile.Reason) -> String {
        switch reason {
        case .grade: "grade"
        case .random: "random"
        case .named: "named"
        }
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
}
