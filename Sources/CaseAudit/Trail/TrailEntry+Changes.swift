/// The event each change appends, built once here for both stores, so the payloads read the
/// same whichever store wrote them. Case files appear by reference, people by org chart id;
/// never a child's name, never case content.
extension TrailEntry {
    public static func orgChartImported(_ chart: OrgChart, source: ImportSource) -> TrailEntry {
        TrailEntry(
            .orgChartImported, .orgChart, nil,
            payload: .object(
                source.members + [
                    ("logins", .int(Int64(chart.people.count { $0.login != nil }))),
                    ("people", .int(Int64(chart.people.count))), ("teams", .int(Int64(chart.teams.count))),
                ]))
    }

    public static func casesImported(_ snapshot: CaseSnapshot, source: ImportSource) -> TrailEntry {
        TrailEntry(
            .casesImported, .caseSnapshot, String(snapshot.id),
            payload: .object(
                [("cases", .int(Int64(snapshot.cases)))] + source.members + [
                    ("format", .string(snapshot.format.rawValue)),
                    ("unallocated", .int(Int64(snapshot.unallocated))),
                ]))
    }

    public static func sampleDrawn(
        _ sample: SampleID, parameters: SampleParameters, snapshot: Int64, files: Int, replacing: [SampleID]
    ) -> TrailEntry {
        TrailEntry(
            .sampleDrawn, .sample, String(sample.rawValue),
            payload: .object([
                ("checklist", .string(parameters.checklistID)), ("files", .int(Int64(files))),
                ("month", .string(parameters.month.description)),
                ("replacing", .array(replacing.map { .int($0.rawValue) })),
                ("seed", .string(String(parameters.seed))), ("snapshot", .int(snapshot)),
            ]),
            reason: parameters.backdateReason)
    }

    public static func fileAllocated(_ file: SampledCase, sample: SampleID) -> TrailEntry {
        TrailEntry(
            .fileAllocated, .caseFile, file.reference,
            payload: .object([
                ("auditor", .text(file.auditorID)), ("sample", .int(sample.rawValue)), ("team", .text(file.team)),
                ("unallocated", .text(file.unallocatedReason)),
            ]))
    }

    public static func fileReallocated(
        _ reference: String, sample: SampleID, from: String?, to: String, reason: String
    ) -> TrailEntry {
        TrailEntry(
            .fileReallocated, .caseFile, reference,
            payload: .object([
                ("from", .text(from)), ("sample", .int(sample.rawValue)), ("to", .string(to)),
            ]), reason: reason)
    }

    public static func redrawChecked(_ sample: SampleID, reproduced: Bool, differences: Int) -> TrailEntry {
        TrailEntry(
            .redrawChecked, .sample, String(sample.rawValue),
            payload: .object([("differences", .int(Int64(differences))), ("reproduced", .bool(reproduced))]))
    }

    /// The draw's rule, seed and counts; which files, by reference, and their moderators. Not why
    /// each was chosen: that would tell anyone reading the trail the first grade.
    public static func moderationDrawn(_ draw: ModerationDraw) -> TrailEntry {
        TrailEntry(
            .moderationDrawn, .moderation, String(draw.id),
            payload: .object([
                ("audits", .int(Int64(draw.candidates.count))),
                (
                    "files",
                    .array(
                        draw.files.map { file in
                            .object([
                                ("audit", .int(file.auditID.rawValue)), ("case", .string(file.caseReference)),
                                ("moderator", .text(file.moderatorID)),
                            ])
                        })
                ),
                ("month", .string(draw.month.description)), ("rule", .string(draw.rule.description)),
                ("seed", .string(String(draw.seed))),
            ]))
    }

    public static func moderationRedrawChecked(_ draw: ModerationDraw, reproduced: Bool, differences: Int)
        -> TrailEntry
    {
        TrailEntry(
            .moderationRedrawChecked, .moderation, String(draw.id),
            payload: .object([
                ("differences", .int(Int64(differences))), ("month", .string(draw.month.description)),
                ("reproduced", .bool(reproduced)),
            ]))
    }

    /// The moderator's decision on the first audit (the entity), with its reason.
    public static func moderationDecided(_ outcome: ModerationOutcome, original: AuditID, onBehalfOf: String?)
        -> TrailEntry
    {
        TrailEntry(
            .moderationDecided, .audit, String(original.rawValue),
            payload: .object([("decision", .string(outcome.decision.rawValue)), ("grade", .string(outcome.grade))]),
            reason: outcome.reason, onBehalfOf: onBehalfOf)
    }

    public static func challengeRaised(original: AuditID, reason: String, onBehalfOf: String?) -> TrailEntry {
        TrailEntry(
            .challengeRaised, .audit, String(original.rawValue), payload: .object([]), reason: reason,
            onBehalfOf: onBehalfOf)
    }

    public static func challengeDecided(_ challenge: ModerationChallenge, original: AuditID) -> TrailEntry {
        TrailEntry(
            .challengeDecided, .audit, String(original.rawValue),
            payload: .object([
                ("decision", .text(challenge.decision?.rawValue)), ("grade", .text(challenge.decidedGrade)),
            ]), reason: challenge.decisionReason)
    }

    public static func calibrationCreated(_ exercise: CalibrationExercise) -> TrailEntry {
        TrailEntry(
            .calibrationCreated, .calibration, exercise.name,
            payload: .object([
                ("files", .array(exercise.files.map { .string($0.caseReference) })),
                ("month", .string(exercise.month.description)),
                ("participants", .array(exercise.participants.map { .string($0) })),
            ]))
    }

    public static func checklistPinned(_ checklist: PinnedChecklist) -> TrailEntry {
        TrailEntry(
            .checklistPinned, .checklist, checklist.hash,
            payload: .object([("checklist", .string(checklist.id)), ("version", .string(checklist.version))]))
    }

    public static func auditStarted(_ audit: StoredAudit) -> TrailEntry {
        TrailEntry(
            .auditStarted, .audit, String(audit.id.rawValue),
            payload: .object([
                ("auditor", .string(audit.auditorID)), ("case", .string(audit.caseReference)),
                ("checklist", .string(audit.checklistHash)), ("sample", .int(audit.sampleID.rawValue)),
            ]))
    }

    public static func auditKeyed(_ audit: AuditID, by person: String, for auditor: String?) -> TrailEntry {
        TrailEntry(
            .auditKeyed, .audit, String(audit.rawValue), payload: .object([("keyed_by", .string(person))]),
            onBehalfOf: auditor)
    }

    /// An answer, with the one it replaced.
    public static func answerRecorded(
        _ answer: ItemAnswer, replacing old: ItemAnswer?, audit: AuditID, onBehalfOf: String?
    ) -> TrailEntry {
        TrailEntry(
            .answerRecorded, .audit, String(audit.rawValue),
            payload: .object([
                ("item", .string(answer.itemID)), ("new", answerJSON(answer)), ("old", old.map(answerJSON) ?? .null),
            ]), onBehalfOf: onBehalfOf)
    }

    static func answerJSON(_ answer: ItemAnswer) -> TrailJSON {
        .object([("note", .text(answer.note)), ("value", .string(answer.value))])
    }

    public static func judgementRecorded(
        _ judgement: AuditJudgement?, replacing old: AuditJudgement?, audit: AuditID, onBehalfOf: String?
    ) -> TrailEntry {
        TrailEntry(
            .judgementRecorded, .audit, String(audit.rawValue),
            payload: .object([("new", judgementJSON(judgement)), ("old", judgementJSON(old))]),
            onBehalfOf: onBehalfOf)
    }

    static func judgementJSON(_ judgement: AuditJudgement?) -> TrailJSON {
        guard let judgement else { return .null }
        return .object([("grade", .string(judgement.grade)), ("reason", .text(judgement.reason))])
    }

    public static func actionAdded(_ action: AuditAction, audit: AuditID, onBehalfOf: String?) -> TrailEntry {
        TrailEntry(.actionAdded, .audit, String(audit.rawValue), payload: actionJSON(action), onBehalfOf: onBehalfOf)
    }

    static func actionJSON(_ action: AuditAction) -> TrailJSON {
        .object([
            ("due", .string(action.due.description)), ("what", .string(action.what)), ("who", .string(action.who)),
        ])
    }

    public static func auditSubmitted(
        _ audit: AuditID, judgement: AuditJudgement, grade: FileGrade, onBehalfOf: String?
    ) -> TrailEntry {
        TrailEntry(
            .auditSubmitted, .audit, String(audit.rawValue),
            payload: .object([
                ("computed_grade", .text(grade.band?.grade)), ("judgement", judgementJSON(judgement)),
                ("score", grade.score.map { .number($0) } ?? .null),
            ]), onBehalfOf: onBehalfOf)
    }

    /// A new version of a submitted audit: everything it had and has, and why.
    public static func auditAmended(
        _ audit: AuditID, amends old: AuditID, version: Int, before: AuditContent, after: AuditContent,
        computedGrade: String?, reason: String
    ) -> TrailEntry {
        func content(_ content: AuditContent) -> TrailJSON {
            .object([
                ("actions", .array(content.actions.map(actionJSON))),
                ("answers", .object(content.answers.map { ($0.itemID, answerJSON($0)) })),
                ("judgement", judgementJSON(content.judgement)),
            ])
        }
        return TrailEntry(
            .auditAmended, .audit, String(audit.rawValue),
            payload: .object([
                ("amends", .int(old.rawValue)), ("computed_grade", .text(computedGrade)),
                ("new", content(after)), ("old", content(before)), ("version", .int(Int64(version))),
            ]), reason: reason)
    }

    public static func actionDone(_ action: Int64, audit: AuditID) -> TrailEntry {
        TrailEntry(.actionDone, .audit, String(audit.rawValue), payload: .object([("action", .int(action))]))
    }

    public static func leaseBroken(_ audit: AuditID, holder: String, reason: String) -> TrailEntry {
        TrailEntry(
            .leaseBroken, .audit, String(audit.rawValue), payload: .object([("holder", .string(holder))]),
            reason: reason)
    }

    public static func auditsLoaded(_ sample: SampleID, audits: Int, answers: Int) -> TrailEntry {
        TrailEntry(
            .auditsLoaded, .sample, String(sample.rawValue),
            payload: .object([("answers", .int(Int64(answers))), ("audits", .int(Int64(audits)))]))
    }

    public static func rights(granted: Bool, login: String, person: String?, group: String) -> TrailEntry {
        TrailEntry(
            granted ? .rightsGranted : .rightsRevoked, .login, login,
            payload: .object([("group", .string(group)), ("person", .text(person))]))
    }

    public static func reportPublished(month: String, format: String, head: TrailHead?) -> TrailEntry {
        TrailEntry(
            .reportPublished, .report, month,
            payload: .object([
                ("format", .string(format)), ("head_hash", .text(head?.hash)),
                ("head_seq", head.map { .int($0.seq) } ?? .null),
            ]))
    }

    public static func councilImported(source: ImportSource, tables: [(String, Int)]) -> TrailEntry {
        TrailEntry(
            .councilImported, .store, nil,
            payload: .object(source.members + [("tables", .object(tables.map { ($0.0, .int(Int64($0.1))) }))]))
    }

    public static func checkpointSigned(_ checkpoint: TrailCheckpoint) -> TrailEntry {
        TrailEntry(
            .checkpointSigned, .trail, String(checkpoint.head.seq),
            payload: .object([
                ("hash", .string(checkpoint.head.hash)), ("public_key", .string(checkpoint.publicKey)),
                ("seq", .int(checkpoint.head.seq)), ("signature", .string(checkpoint.signature)),
                ("signer", .string(checkpoint.signer)),
            ]))
    }
}
