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
            try ChecklistReference.load(id, directory: directory.resolved(console), console: console)
        }
    }
}

/// How to go on from a refusal, where that names a command or a flag (the library's messages
/// do not).
enum CommandHint {
    static func hint(for error: any ReportableError) -> String {
        if case .noDatabase = error as? StoreError {
            return
                ": check --database (or CASEAUDIT_DATABASE); `caseaudit org import` or `caseaudit cases import` makes a new one"
        }
        return switch error as? AuditOpeningError {
        case .ambiguous: "; say which with --sample N"
        case .submitted(_, let audit): "; to correct it, use `caseaudit audit amend \(audit.id)`"
        default: ""
        }
    }
}
