import CaseAudit

extension AuditOpening {
    /// Opens the file from the command line: the checklist from `--dir` (or its defaults), as
    /// of the console's day.
    static func open(
        caseReference: String, auditor: String, sample: Int64? = nil, database: any CaseAuditStore,
        directory: ChecklistDirectoryOption, console: Console
    ) throws -> AuditOpening {
        try open(
            caseReference: caseReference, auditor: auditor, sample: sample, store: database, today: console.today()
        ) { id in
            try directory.load(id, console)
        }
    }
}

/// How to go on from a refusal, where that names a command or a flag (the library's messages
/// do not).
enum CommandHint {
    static func hint(for error: any ReportableError) -> String {
        switch error as? StoreError {
        case .noDatabase:
            return
                ": check --database (or CASEAUDIT_DATABASE); `caseaudit org import` or `caseaudit cases import` makes a new one"
        case .submitted(let audit): return ": use `caseaudit audit amend \(audit)`"
        default: break
        }
        if case .noSuchDirectory = error as? ChecklistCatalog.LookupError {
            return " (give one with --dir, or set CASEAUDIT_CHECKLISTS)"
        }
        switch error as? MissingData {
        case .noCaseList: return ": import one with `caseaudit cases import FILE`"
        case .noOrgChart: return ": import one with `caseaudit org import ORG.csv`"
        case .noSampleYet: return ": draw one with `caseaudit sample draw`"
        default: break
        }
        return switch error as? AuditOpeningError {
        case .ambiguous: "; say which with --sample N"
        case .submitted(_, let audit): "; to correct it, use `caseaudit audit amend \(audit.id)`"
        default: ""
        }
    }
}
