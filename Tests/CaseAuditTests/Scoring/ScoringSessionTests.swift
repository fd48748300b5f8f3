import CaseAuditTestSupport
import Testing

@testable import CaseAudit

@Suite struct ScoringSessionTests {
    static let checklist = ChecklistSamples.scoring

    @Test func asksItemsInOrderWithSkipLogicAppliedLive() throws {
        var session = ScoringSession(checklist: Self.checklist)
        #expect(session.nextItem?.id == "seen")
        try session.answer("seen", value: "yes")
        #expect(session.nextItem?.id == "seen-alone")
        try session.answer("seen-alone", value: "yes")
        #expect(session.nextItem?.id == "plan")
        #expect(session.progress == (answered: 2, asked: 3))
        try session.answer("plan", value: "yes")
        #expect(session.isComplete)
        // Changing an earlier answer brings a hidden item in.
        try session.answer("seen-alone", value: "no")
        #expect(session.nextItem?.id == "voice")
        #expect(session.progress == (answered: 3, asked: 4))
    }

    @Test func resumesAtTheFirstUnansweredItem() {
        let session = ScoringSession(
            checklist: Self.checklist,
            answers: [
                ItemAnswer(itemID: "seen", value: "partly", note: "seen at school"),
                ItemAnswer(itemID: "plan", value: "no"),
            ])
        #expect(session.nextItem?.id == "seen-alone")
        #expect(session.progress == (answered: 2, asked: 3))
    }

    @Test func goesBackOverHiddenItems() throws {
        var session = ScoringSession(checklist: Self.checklist)
        try session.answer("seen", value: "no", note: "not visited")
        #expect(session.item(before: "plan")?.id == "seen")
        #expect(session.item(before: "seen") == nil)
        try session.answer("seen", value: "yes")
        #expect(session.item(before: "plan")?.id == "seen-alone")
    }

    @Test func hiddenAnswersAreKeptButNeitherAskedNorGraded() throws {
        var session = ScoringSession(checklist: Self.checklist)
        try session.answer("seen", value: "yes")
        try session.answer("seen-alone", value: "no")
        try session.answer("voice", value: "no")
        try session.answer("plan", value: "yes")
        #expect(session.grade.score == 6.0 / 8.0)
        try session.answer("seen", value: "no", note: "no visit in the period")
        #expect(session.answers["voice"]?.value == "no")
        #expect(session.askedItems.map(\.id) == ["seen", "plan"])
        #expect(session.grade.score == 5.0 / 6.0)
        #expect(throws: ScoringError.hidden("voice")) { try session.answer("voice", value: "yes") }
    }

    @Test func refusesWhatTheChecklistDoesNotAllow() {
        var session = ScoringSession(checklist: Self.checklist)
        #expect(throws: ScoringError.unknownItem("visits")) { try session.answer("visits", value: "yes") }
        #expect(throws: ScoringError.unknownAnswer("y", item: "seen", allowed: ["yes", "partly", "no", "na"])) {
            try session.answer("seen", value: "y")
        }
        #expect(throws: ScoringError.noteRequired("partly", item: "seen")) {
            try session.answer("seen", value: "partly")
        }
        #expect(throws: ScoringError.noteRequired("no", item: "seen")) {
            try session.answer("seen", value: "no", note: "  ")
        }
        #expect(throws: ScoringError.hidden("seen-alone")) { try session.answer("seen-alone", value: "yes") }
        #expect(session.answers.isEmpty)
        #expect(ScoringError.unknownAnswer("y", item: "seen", allowed: ["yes", "no"]).message.contains("'y'"))
    }

    @Test func gradesByWeightedShareAndBand() throws {
        var session = ScoringSession(checklist: Self.checklist)
        try session.answer("seen", value: "yes")
        try session.answer("seen-alone", value: "partly")
        try session.answer("plan", value: "yes")
        let grade = session.grade
        #expect(grade.score == 6.5 / 7.0)
        #expect(grade.band?.grade == "outstanding")
        #expect(grade.cap == nil)
    }

    @Test func notApplicableLeavesAnItemOutOfTheScore() throws {
        var session = ScoringSession(checklist: Self.checklist)
        try session.answer("seen", value: "yes")
        try session.answer("seen-alone", value: "na")
        try session.answer("plan", value: "partly")
        #expect(session.grade.score == 3.5 / 6.0)
        #expect(session.grade.band?.grade == "requires-improvement")
    }

    @Test func aCriticalFailCapsAGoodScoreButNeverRaisesAWorseOne() throws {
        var capped = ScoringSession(checklist: Self.checklist)
        try capped.answer("seen", value: "no", note: "not visited")
        try capped.answer("plan", value: "yes")
        #expect(capped.grade.scoreBand?.grade == "good")
        #expect(capped.grade.band?.grade == "requires-improvement")
        #expect(capped.grade.cap?.trigger == .criticalFail)

        var worse = ScoringSession(checklist: Self.checklist)
        try worse.answer("seen", value: "no", note: "not visited")
        try worse.answer("plan", value: "no")
        #expect(worse.grade.band?.grade == "inadequate")
        #expect(worse.grade.cap == nil)
    }

    @Test func noGradeUntilSomethingCounts() throws {
        var session = ScoringSession(checklist: Self.checklist)
        #expect(session.grade.band == nil)
        try session.answer("seen", value: "na")
        #expect(session.grade.score == nil)
        #expect(session.grade.band == nil)
    }
}

@Suite struct ShippedChecklistScoringTests {
    /// Each shipped checklist can be scored to the end: all best answers earn the top band;
    /// failing every critical item is capped.
    @Test(arguments: Fixtures.shippedChecklistNames)
    func scoresToTheEnd(name: String) throws {
        let checklist = try ChecklistLoader().load(file: "\(Fixtures.shippedChecklistsDirectory)/\(name)").checklist
        func scoreAll(choosing choose: (ChecklistItem, AnswerScale) -> AnswerOption?) throws -> ScoringSession {
            var session = ScoringSession(checklist: checklist)
            var steps = 0
            while let item = session.nextItem, steps <= checklist.itemCount {
                let scale = try #require(checklist.scale(for: item))
                let option = try #require(choose(item, scale))
                try session.answer(item.id, value: option.value, note: "a note")
                steps += 1
            }
            #expect(session.isComplete)
            return session
        }
        let best = try scoreAll { _, scale in scale.options.first { $0.counts && $0.score == scale.maximumScore } }
        #expect(best.grade.score == 1)
        #expect(best.grade.band == checklist.grading.bands.first)

        let failing = try scoreAll { item, scale in
            item.critical ? scale.options.first(where: \.fails) : scale.options.first { $0.score == scale.maximumScore }
        }
        // No better than any critical-fail cap allows (a low score may already be worse).
        let bands = checklist.grading.bands
        let reached = try #require(failing.grade.band.flatMap { bands.firstIndex(of: $0) })
        let caps = checklist.grading.caps.filter { $0.trigger == .criticalFail }
        #expect(!caps.isEmpty)
        for cap in caps {
            let ceiling = try #require(bands.firstIndex { $0.grade == cap.grade })
            #expect(reached >= ceiling)
        }
    }
}
