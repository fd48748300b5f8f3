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
            try store.submitAudit(
                audit.id, judgement: AuditJudgement(grade: poor ? "poor" : "good"), grade: ConformanceCouncil.grade,
                outcomes: [])
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
