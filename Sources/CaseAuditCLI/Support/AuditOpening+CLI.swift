import CaseAudit

extension AuditOpening {
    /// Opens the file from the command line: the checklist from `--dir` (or its defaults), as
    /// of the console's day.
    static func open(
        caseReference: String, auditor: String, sample: SampleID? = nil, database: any CaseAuditStore,
        directory: ChecklistDirectoryOption, console: Console
    ) throws -> AuditOpening {
        try open(
            caseReference: caseReference, auditor: auditor, sample: sample, store: database, today: console.today()
        ) { id in
            try directory.load(id, console)
        }
    }
}
