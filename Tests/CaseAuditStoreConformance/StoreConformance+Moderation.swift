import CaseAudit
import CaseAuditTestSupport
import Testing

extension StoreConformance {
    /// The council's twelve files audited: C1 and C2 judged poor, the rest good.
    static func auditedCouncil(_ engine: StoreEngine, in folder: TemporaryDirectory) throws -> any CaseAuditStore {
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        for record in ConformanceCouncil.cases {
            let audit = try store.startOrResumeAudit(
                sampleID: sample.id, caseReference: record.reference, auditorID: ConformanceCouncil.auditor(of: record),
                checklist: ConformanceCouncil.pinned)
            let poor = ["C1", "C2"].contains(record.reference)
            try store.recordAnswer(ItemAnswer(itemID: "seen", value: poor ? "no" : "yes"), audit: audit.id)
            try store.submitAudit(
                audit.id, judgement: AuditJudgement(grade: poor ? "poor" : "good"), grade: ConformanceCouncil.grade,
                outcomes: [ItemOutcome(item: "seen", compliant: !poor)])
        }
        return store
    }

    /// A month's moderation is drawn once, kept whole with its rule, seed and audits, reproduces
    /// from them, and its event in the trail does not say why each file was chosen.
    public static func aModerationDrawIsKeptOnceAndReproduces(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let store = try auditedCouncil(engine, in: folder)
        let month = ConformanceCouncil.month
        // A named file with no audit this month: refused, and nothing is kept.
        #expect(throws: ModerationError.namedFileNotAudited("C99", month: month.description)) {
            try ModerationDraw.draw(
                month: month, rule: ModerationRule(parsing: "poor,25%,case:C99"), seed: 7, store: store)
        }
        #expect(try store.moderationDraw(month: month) == nil)

        let rule = try ModerationRule(parsing: "poor,25%")
        let draw = try ModerationDraw.draw(month: month, rule: rule, seed: 7, store: store)
        // Both poor files, and 25 % of the other ten rounded up: three.
        #expect(draw.files.count == 5)
        #expect(draw.files.filter { $0.reason == .grade }.map(\.caseReference) == ["C1", "C2"])
        #expect(draw.files.count(where: { $0.reason == .random }) == 3)
        #expect(draw.candidates.count == 12)
        // Two team managers audited; only the DCS is more senior, and in no line that excludes them.
        #expect(draw.files.allSatisfy { $0.moderatorID == "dcs" })

        let kept = try #require(try engine.connectAgain(store).moderationDraw(month: month))
        #expect(kept == draw)
        #expect(kept.rule == rule && kept.seed == 7 && kept.id > 0 && !kept.drawnAt.isEmpty)

        #expect(throws: StoreError.moderationDrawn(month: month.description, draw: draw.id)) {
            try ModerationDraw.draw(month: month, rule: rule, seed: 8, store: store)
        }
        let again = try ModerationRedraw.checkAndRecord(month: month, store: store)
        #expect(again.isIdentical && again.redrawn == draw.files)

        let events = try store.trailEvents(TrailFilter(actions: [.moderationDrawn, .moderationRedrawChecked]))
        #expect(events.map(\.action) == ["moderation.drawn", "moderation.redraw-checked"])
        let drawn = try #require(events.first)
        #expect(drawn.entityID == String(draw.id))
        #expect(drawn.payload.contains("\"rule\":\"poor,25%\"") && drawn.payload.contains("\"seed\":\"7\""))
        #expect(
            !drawn.payload.contains("grade") && !drawn.payload.contains("\"poor\"") && !drawn.payload.contains("good"))
        #expect(events.last?.payload.contains("\"reproduced\":true") == true)
    }
}

extension StoreConformance {
    /// A moderator's second scoring: of the file given to them alone, pinned to the first audit's
    /// checklist, holding nothing of the first audit, not counted in the roll-ups nor in the
    /// quality records, final once submitted; the outcome once, only after it.
    public static func aModerationIsScoredBlindAndDecidedOnce(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let store = try auditedCouncil(engine, in: folder)
        let month = ConformanceCouncil.month
        let draw = try ModerationDraw.draw(
            month: month, rule: ModerationRule(parsing: "poor,0%"), seed: 1, store: store)
        let file = try #require(draw.files.first { $0.caseReference == "C1" })
        let given = try store.moderationAssignments(moderator: "dcs", caseReference: "C1")
        let assignment = try #require(given.first)
        #expect(given.count == 1 && assignment.original == file.auditID && assignment.stage == .toScore)
        #expect(assignment.checklistHash == ConformanceCouncil.pinned.hash)
        #expect(try store.moderationAssignments(moderator: "tm2", caseReference: nil).isEmpty)

        // Only its moderator may begin it, and only against the first audit's version.
        var someoneElse = assignment
        someoneElse.moderatorID = "tm2"
        #expect(throws: StoreError.notModerator(audit: file.auditID, person: "tm2")) {
            try store.startOrResumeModeration(someoneElse, checklist: ConformanceCouncil.pinned)
        }
        #expect(throws: StoreError.notModerator(audit: file.auditID, person: "dcs")) {
            try store.startOrResumeModeration(assignment, checklist: ConformanceCouncil.newer)
        }
        let moderation = try store.startOrResumeModeration(assignment, checklist: ConformanceCouncil.pinned)
        #expect(moderation.moderates == file.auditID && moderation.auditorID == "dcs")
        #expect(try store.startOrResumeModeration(assignment, checklist: ConformanceCouncil.pinned).id == moderation.id)
        #expect(try store.audit(id: moderation.id)?.content.answers.isEmpty == true)
        #expect(throws: StoreError.moderationOpen(audit: file.auditID, why: ModerationRefusalText.notScoredYet)) {
            try store.recordModerationOutcome(
                ModerationOutcome(decision: .confirmed, grade: "poor", reason: nil), original: file.auditID,
                moderator: "dcs", onBehalfOf: nil)
        }
        try store.recordAnswer(ItemAnswer(itemID: "seen", value: "yes"), audit: moderation.id)
        let cellsBefore = try store.gradeCells(months: month...month)
        try store.submitAudit(
            moderation.id, judgement: AuditJudgement(grade: "good"), grade: ConformanceCouncil.grade,
            outcomes: [ItemOutcome(item: "seen", compliant: true)])
        // Kept beside the first audit, counted nowhere.
        #expect(try store.gradeCells(months: month...month) == cellsBefore)
        #expect(try store.qualityRecords(months: month...month, withAnswers: false).count == 12)
        #expect(
            try store.latestSubmittedAudit(sampleID: moderation.sampleID, caseReference: "C1")?.id == file.auditID)
        #expect(try store.allocations(auditor: "tm1", caseReference: "C1", today: nil).first?.auditID == file.auditID)
        #expect(throws: StoreError.submitted(audit: moderation.id)) {
            try store.amendAudit(
                moderation.id, by: "dcs", reason: "again", content: AuditContent(answers: []),
                judgement: AuditJudgement(grade: "poor"), grade: ConformanceCouncil.grade, outcomes: [])
        }
        #expect(try store.moderationAssignments(moderator: "dcs", caseReference: "C1").first?.stage == .toDecide)

        let outcome = ModerationOutcome(decision: .confirmed, grade: "poor", reason: nil)
        #expect(throws: StoreError.notModerator(audit: file.auditID, person: "tm2")) {
            try store.recordModerationOutcome(outcome, original: file.auditID, moderator: "tm2", onBehalfOf: nil)
        }
        try store.recordModerationOutcome(outcome, original: file.auditID, moderator: "dcs", onBehalfOf: nil)
        let decided = try #require(try store.moderationAssignments(moderator: "dcs", caseReference: "C1").first)
        #expect(
            decided.stage == .decided && decided.outcome?.grade == "poor" && decided.outcome?.decision == .confirmed)
        #expect(throws: StoreError.moderationOpen(audit: file.auditID, why: ModerationRefusalText.decidedAlready)) {
            try store.recordModerationOutcome(outcome, original: file.auditID, moderator: "dcs", onBehalfOf: nil)
        }
        let events = try store.trailEvents(TrailFilter(actions: [.moderationDecided]))
        #expect(events.count == 1 && events.first?.entityID == String(file.auditID))
    }
}

extension StoreConformance {
    /// A changed outcome makes the first audit's next version, amended by the moderator, with
    /// the moderated grade: the reports count it, the roll-ups still equal a recount, and the
    /// first version is kept. When the first audit was amended meanwhile, nothing is kept.
    static func reportedID(_ store: any CaseAuditStore, _ reference: String) throws -> AuditID {
        let month = ConformanceCouncil.month
        return try #require(
            try store.qualityRecords(months: month...month, withAnswers: false).first { $0.caseReference == reference }
        ).auditID
    }

    public static func aChangedModerationIsReportedWithTheModeratedGrade(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let store = try auditedCouncil(engine, in: folder)
        let month = ConformanceCouncil.month
        let draw = try ModerationDraw.draw(
            month: month, rule: ModerationRule(parsing: "poor,0%"), seed: 1, store: store)
        #expect(draw.files.map(\.caseReference) == ["C1", "C2"])
        for file in draw.files {
            let assignment = try #require(
                try store.moderationAssignments(moderator: "dcs", caseReference: file.caseReference).first)
            let moderation = try store.startOrResumeModeration(assignment, checklist: ConformanceCouncil.pinned)
            try store.submitAudit(
                moderation.id, judgement: AuditJudgement(grade: "good"), grade: ConformanceCouncil.grade, outcomes: [])
        }
        func judgements() throws -> [String: Int] {
            Dictionary(
                try store.gradeCells(months: month...month).map { ($0.judgement, $0.files) }, uniquingKeysWith: +
            ).filter { $0.value != 0 }
        }
        #expect(try judgements() == ["poor": 2, "good": 10])

        let c1 = try #require(draw.files.first)
        let outcome = ModerationOutcome(decision: .changed, grade: "good", reason: "the plan is in the file")
        let items = try store.itemCells(month: month, byGroup: true)
        try store.recordModerationOutcome(
            outcome, original: c1.auditID, moderator: "dcs", onBehalfOf: nil)
        #expect(try judgements() == ["poor": 1, "good": 11])
        // The answers are the first audit's: the item figures do not move.
        #expect(Set(try store.itemCells(month: month, byGroup: true)) == Set(items))
        #expect(try store.audit(id: reportedID(store, "C1"))?.content.answers.map(\.value) == ["no"])
        let trend = Dictionary(
            try store.trendCells(months: month...month).map { ($0.judgement, $0.files) }, uniquingKeysWith: +
        ).filter { $0.value != 0 }
        #expect(trend == ["poor": 1, "good": 11])
        let records = try store.qualityRecords(months: month...month, withAnswers: false)
        #expect(records.count == 12)
        let reported = try #require(records.first { $0.caseReference == "C1" })
        #expect(reported.judgement == "good" && reported.auditID != c1.auditID)
        let sample = try #require(try store.audit(id: c1.auditID)).audit.sampleID
        let latest = try #require(try store.latestSubmittedAudit(sampleID: sample, caseReference: "C1"))
        #expect(latest.version == 2 && latest.amends == c1.auditID && latest.amendedBy == "dcs")
        #expect(latest.amendedReason == "moderated by dcs: the plan is in the file")
        #expect(try store.audit(id: c1.auditID)?.content.judgement?.grade == "poor")  // the first version kept
        #expect(!(try store.trailEvents(TrailFilter(actions: [.auditAmended]))).isEmpty)

        // C2's first audit amended before its moderation is decided: the change is refused whole.
        let c2 = draw.files[1]
        let later = try store.amendAudit(
            c2.auditID, by: "tm1", reason: "typo", content: AuditContent(answers: []),
            judgement: AuditJudgement(grade: "poor"), grade: ConformanceCouncil.grade, outcomes: [])
        #expect(throws: StoreError.self) {
            try store.recordModerationOutcome(
                outcome, original: c2.auditID, moderator: "dcs", onBehalfOf: nil)
        }
        #expect(try store.moderationAssignments(moderator: "dcs", caseReference: "C2").first?.outcome == nil)
        #expect(try judgements() == ["poor": 1, "good": 11])
        #expect(try store.latestSubmittedAudit(sampleID: later.sampleID, caseReference: "C2")?.id == later.id)
    }
}

extension StoreConformance {
    /// An auditor challenges a moderated grade once; the decision is kept once; an upheld
    /// challenge reports the grade decided (a new version), a rejected one leaves the moderated grade.
    public static func aChallengeIsRaisedOnceAndDecidedOnce(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let store = try auditedCouncil(engine, in: folder)
        let month = ConformanceCouncil.month
        let draw = try ModerationDraw.draw(
            month: month, rule: ModerationRule(parsing: "poor,0%"), seed: 1, store: store)
        let (c1, c2) = (draw.files[0], draw.files[1])
        // C1 (tm1's) changed to good; C2 (tm2's) confirmed.
        for file in draw.files {
            let assignment = try #require(
                try store.moderationAssignments(moderator: "dcs", caseReference: file.caseReference).first)
            let moderation = try store.startOrResumeModeration(assignment, checklist: ConformanceCouncil.pinned)
            #expect(throws: StoreError.moderationOpen(audit: file.auditID, why: "its outcome is not recorded yet")) {
                try store.raiseChallenge(original: file.auditID, by: file.auditorID, reason: "early", onBehalfOf: nil)
            }
            try store.submitAudit(
                moderation.id, judgement: AuditJudgement(grade: "good"), grade: ConformanceCouncil.grade, outcomes: [])
            let changed = file.caseReference == "C1"
            try store.recordModerationOutcome(
                ModerationOutcome(
                    decision: changed ? .changed : .confirmed, grade: changed ? "good" : "poor",
                    reason: changed ? "the plan is there" : nil),
                original: file.auditID, moderator: "dcs", onBehalfOf: nil)
        }
        func judgements() throws -> [String: Int] {
            Dictionary(
                try store.gradeCells(months: month...month).map { ($0.judgement, $0.files) }, uniquingKeysWith: +
            ).filter { $0.value != 0 }
        }
        #expect(try judgements() == ["poor": 1, "good": 11])

        // Only the file's auditor, once.
        #expect(throws: StoreError.notModerator(audit: c1.auditID, person: "tm2")) {
            try store.raiseChallenge(original: c1.auditID, by: "tm2", reason: "not mine", onBehalfOf: nil)
        }
        try store.raiseChallenge(original: c1.auditID, by: c1.auditorID, reason: "it was poor", onBehalfOf: nil)
        #expect(throws: StoreError.moderationOpen(audit: c1.auditID, why: "it was challenged already")) {
            try store.raiseChallenge(original: c1.auditID, by: c1.auditorID, reason: "again", onBehalfOf: nil)
        }
        try store.raiseChallenge(original: c2.auditID, by: c2.auditorID, reason: "it was good", onBehalfOf: nil)
        let raised = try #require(try store.moderationAssignments(moderator: nil, caseReference: "C1").first?.challenge)
        #expect(raised.raisedBy == c1.auditorID && raised.reason == "it was poor" && raised.decision == nil)

        // C1 upheld: reported poor again, as a third version; C2 rejected: still poor.
        let upheld = try store.decideChallenge(
            original: c1.auditID, decision: .upheld, grade: "poor", reason: "the plan is undated", by: "qa")
        #expect(upheld.decision == .upheld && upheld.decidedGrade == "poor" && upheld.decidedBy == "qa")
        #expect(throws: StoreError.moderationOpen(audit: c1.auditID, why: "the challenge was decided already")) {
            try store.decideChallenge(original: c1.auditID, decision: .rejected, grade: nil, reason: "x", by: "qa")
        }
        _ = try store.decideChallenge(original: c2.auditID, decision: .rejected, grade: nil, reason: "fair", by: "qa")
        #expect(try judgements() == ["poor": 2, "good": 10])
        let reported = try #require(
            try store.qualityRecords(months: month...month, withAnswers: false).first { $0.caseReference == "C1" })
        let version = try #require(try store.audit(id: reported.auditID)).audit
        #expect(reported.judgement == "poor" && version.version == 3 && version.amendedBy == "qa")
        let events = try store.trailEvents(TrailFilter(actions: [.challengeRaised, .challengeDecided]))
        #expect(events.map(\.action).filter { $0 == "moderation.challenged" }.count == 2)
        #expect(events.map(\.action).filter { $0 == "moderation.challenge-decided" }.count == 2)
    }
}

extension StoreConformance {
    /// A calibration exercise: named once; only its auditors score its files, pinned to the
    /// file's checklist, each scoring an audit of its own counted nowhere; the result sets each
    /// auditor's grade and answers against the group's.
    public static func aCalibrationExerciseSetsEachAuditorAgainstTheGroup(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let store = try auditedCouncil(engine, in: folder)
        let month = ConformanceCouncil.month
        #expect(throws: ModerationError.badExercise("a name, at least one case and at least two auditors")) {
            try CalibrationExercise.create(
                name: "day", month: month, cases: ["C1"], participants: ["tm1"], store: store)
        }
        let exercise = try CalibrationExercise.create(
            name: "day", month: month, cases: ["C3", "C4"], participants: ["tm1", "tm2", "dcs"], store: store)
        #expect(exercise.files.map(\.caseReference) == ["C3", "C4"] && exercise.participants == ["dcs", "tm1", "tm2"])
        #expect(throws: StoreError.exists(path: "calibration exercise 'day'")) {
            try store.addCalibrationExercise(exercise)
        }
        let cells = try store.gradeCells(months: month...month)
        let file = exercise.files[0]
        #expect(throws: StoreError.notModerator(audit: file.original, person: "qa")) {
            try store.startOrResumeCalibration("day", file: file, person: "qa", checklist: ConformanceCouncil.pinned)
        }
        // tm1 and tm2 grade C3 good, the DCS poor; tm2 answers "no" where the others say "yes".
        for (person, grade, seen) in [("tm1", "good", "yes"), ("tm2", "good", "no"), ("dcs", "poor", "yes")] {
            let audit = try store.startOrResumeCalibration(
                "day", file: file, person: person, checklist: ConformanceCouncil.pinned)
            #expect(audit.calibration == "day" && audit.moderates == file.original)
            try store.recordAnswer(ItemAnswer(itemID: "seen", value: seen), audit: audit.id)
            try store.submitAudit(
                audit.id, judgement: AuditJudgement(grade: grade), grade: ConformanceCouncil.grade,
                outcomes: [ItemOutcome(item: "seen", compliant: seen == "yes")])
        }
        #expect(try store.gradeCells(months: month...month) == cells)
        #expect(try store.qualityRecords(months: month...month, withAnswers: false).count == 12)
        // Not a moderation: nobody's moderation list holds it.
        #expect(try store.moderationAssignments(moderator: nil, caseReference: "C3").isEmpty)
        let kept = try #require(try engine.connectAgain(store).calibrationExercise(named: "day"))
        #expect(kept.scorings.count == 3 && kept.scorings.allSatisfy { $0.audit.submittedAt != nil })
        #expect(try store.trailEvents(TrailFilter(actions: [.calibrationCreated])).count == 1)
    }
}
