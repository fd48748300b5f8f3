extension AuditOpening {
    /// Which file a person asks to score: one allocated to them (in `sample`, when they have it
    /// in more than one), one given them to moderate, or one of a calibration exercise.
    public enum Request: Sendable, Hashable {
        case allocated(sample: SampleID?)
        case moderation
        case calibration(exercise: String)
    }

    /// Opens the file for whoever is running caseaudit, as the system knows them (the store's
    /// `Caller`), or, for a quality lead keying for someone, for the person `onBehalfOf` names;
    /// the audit then records both people. `loadChecklist` finds a checklist by its id, for a
    /// file not yet begun (one begun keeps the version it was pinned to).
    public static func forCaller(
        _ request: Request, caseReference: String, onBehalfOf other: String?, store: some CaseAuditStore,
        today: CalendarDate, loadChecklist: (String) throws -> LoadedChecklist
    ) throws -> AuditOpening {
        let caller = try Caller.current(in: store)
        let person = try caller.scorer(onBehalfOf: other)
        var opening: AuditOpening
        switch request {
        case .allocated(let sample):
            do {
                opening = try open(
                    caseReference: caseReference, auditor: person, sample: sample, store: store, today: today,
                    loadChecklist: loadChecklist)
            } catch .notAllocated(let reference, let sample) as AuditOpeningError where caller.role != .qualityLead {
                // Someone else's files are not theirs to see (on the server), so all they can
                // be told is that it is not theirs.
                throw AuditOpeningError.notYours(reference, auditor: person, sample: sample)
            }
        case .moderation:
            opening = try openModeration(caseReference: caseReference, moderator: person, store: store)
        case .calibration(let exercise):
            opening = try openCalibration(
                caseReference: caseReference, exercise: exercise, person: person, store: store)
        }
        opening.keyedBy = other == nil ? nil : caller.recordedAs
        return opening
    }
}
