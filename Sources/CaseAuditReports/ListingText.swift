import CaseAudit

/// The text tables of `audit list`, `audit actions` and `sample redraw`.
public enum ListingText {
    /// Allocated files, or a line saying there are none (`filter` and `auditor` as asked).
    public static func allocations(
        _ allocations: [AuditAllocation], filter: AuditAllocation.Filter?, auditor: String?, month: AuditMonth? = nil
    ) -> String {
        guard !allocations.isEmpty else {
            let which =
                switch filter {
                case nil: ""
                case .allocated: " that are not begun yet"
                case .inProgress: " that are in progress"
                case .submitted: " that are submitted"
                case .overdue: " that are overdue"
                }
            return
                "No files allocated\(auditor.map { " to \($0)" } ?? "")\(month.map { " for \($0)" } ?? "")\(which).\n"
        }
        let rows = allocations.map {
            [
                $0.month.description, String($0.sampleID), $0.checklistID, $0.caseReference,
                $0.caseType?.rawValue ?? "", $0.team ?? "",
                $0.auditorID, $0.due.description, $0.status.rawValue + ($0.overdue ? " (overdue)" : ""),
                $0.auditID.map(String.init) ?? "",
            ]
        }
        return TextTable(
            headers: ["MONTH", "SAMPLE", "CHECKLIST", "CASE", "TYPE", "TEAM", "AUDITOR", "DUE", "STATUS", "AUDIT"],
            rows: rows
        ).render()
    }

    /// Actions as of `today`, or a line saying there are none.
    public static func actions(_ actions: [ActionListing], state: String?, today: CalendarDate) -> String {
        guard !actions.isEmpty else { return "No\(state.map { " \($0)" } ?? "") actions.\n" }
        let rows = actions.map { action in
            [
                String(action.id), action.due.description,
                action.doneAt.map { "done \($0.prefix(10))" } ?? (action.isOverdue(today: today) ? "OVERDUE" : "open"),
                action.caseReference, action.team ?? "", action.who, action.what,
            ]
        }
        return TextTable(headers: ["ACTION", "DUE", "STATUS", "CASE", "TEAM", "WHO", "WHAT"], rows: rows).render()
    }

    /// Whether a redraw gave the recorded sample, and the first differences when not.
    public static func redraw(_ outcome: SampleRedraw.Outcome, of recorded: StoredSample) -> String {
        let parameters = recorded.parameters
        var text =
            "Sample \(recorded.id) (\(parameters.month), \(parameters.checklistID)): redrawn from snapshot \(recorded.snapshotID) with seed \(parameters.seed)\n"
        if outcome.isIdentical {
            text +=
                "Identical: the same \(Plural.count(recorded.cases.count, "file")) with the same inclusion probabilities.\n"
        } else {
            text +=
                "DIFFERENT: \(outcome.missing.count) recorded files not redrawn, \(outcome.extra.count) redrawn files not recorded.\n"
            for reference in outcome.missing.prefix(20) { text += "  - \(reference)\n" }
            for reference in outcome.extra.prefix(20) { text += "  + \(reference)\n" }
        }
        return text
    }
}
