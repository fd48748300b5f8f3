import CaseAudit

extension AuditOpening {
    /// Opens the file from the command line for whoever is running caseaudit (or, for a
    /// quality lead, the person they key for): the checklist from `--dir` (or its defaults), as
    /// of the console's day.
    static func open(
        caseReference: String, onBehalfOf other: String?, sample: SampleID? = nil, database: any CaseAuditStore,
        directory: ChecklistDirectoryOption, console: Console
    ) throws -> AuditOpening {
        let caller = try Caller.current(in: database)
        let auditor = try caller.scorer(onBehalfOf: other)
        var opening = try open(
            caseReference: caseReference, auditor: auditor, sample: sample, store: database, today: console.today()
        ) { id in
            try directory.load(id, console)
        }
        opening.keyedBy = other == nil ? nil : caller.recordedAs
        return opening
    }
}
