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

    /// Opens a file given to the caller (or, for a quality lead keying a paper moderation, to
    /// the moderator named) for the blind second scoring.
    static func openModeration(caseReference: String, onBehalfOf other: String?, database: any CaseAuditStore)
        throws -> AuditOpening
    {
        let caller = try Caller.current(in: database)
        var opening = try openModeration(
            caseReference: caseReference, moderator: try caller.scorer(onBehalfOf: other), store: database)
        opening.keyedBy = other == nil ? nil : caller.recordedAs
        return opening
    }
}
