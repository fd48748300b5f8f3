import CaseAuditTestSupport
import Testing

@testable import CaseAudit

@Suite struct JudgementAndSubmissionTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!

    /// All four asked items answered "yes": outstanding.
    func complete() throws -> ScoringSession {
        var session = ScoringSession(checklist: ChecklistSamples.scoring)
        try session.answer("seen", value: "yes")
        try session.answer("seen-alone", value: "yes")
        try session.answer("plan", value: "yes")
        return session
    }

    @Test func aJudgementThatDiffersFromTheComputedGradeNeedsAReason() throws {
        var session = try complete()
        #expect(session.grade.band?.grade == "outstanding")
        #expect(throws: ScoringError.reasonRequired(judged: "good", computed: "outstanding")) {
            try session.judge("good")
        }
        #expect(throws: ScoringError.reasonRequired(judged: "good", computed: "outstanding")) {
            try session.judge("good", reason: "   ")
        }
        #expect(session.judgement == nil)
        try session.judge("good", reason: "Plans are thin")
        #expect(session.judgement == AuditJudgement(grade: "good", reason: "Plans are thin"))
        try session.judge("outstanding")
        #expect(session.judgement == AuditJudgement(grade: "outstanding"))
        #expect(
            throws: ScoringError.unknownGrade(
                "great", allowed: ["outstanding", "good", "requires-improvement", "inadequate"])
        ) {
            try session.judge("great", reason: "x")
        }
    }

    @Test func anActionNeedsWhatWhoAndADueDateNotInThePast() throws {
        var session = try complete()
        let due = Self.today.adding(days: 14)
        #expect(throws: ScoringError.actionIncomplete(.what)) {
            try session.addAction(AuditAction(what: " ", who: "tm1", due: due), today: Self.today)
        }
        #expect(throws: ScoringError.actionIncomplete(.who)) {
            try session.addAction(AuditAction(what: "Update", who: "", due: due), today: Self.today)
        }
        let yesterday = Self.today.adding(days: -1)
        #expect(throws: ScoringError.actionDueInPast(due: yesterday, today: Self.today)) {
            try session.addAction(AuditAction(what: "Update", who: "tm1", due: yesterday), today: Self.today)
        }
        try session.addAction(AuditAction(what: "  Update the plan ", who: "tm1", due: Self.today), today: Self.today)
        #expect(session.actions == [AuditAction(what: "Update the plan", who: "tm1", due: Self.today)])
    }

    @Test func submissionNeedsEveryAskedAnswerAndUsesTheComputedGradeUnlessJudged() throws {
        var partial = ScoringSession(checklist: ChecklistSamples.scoring)
        try partial.answer("seen", value: "yes")
        #expect(throws: ScoringError.unanswered("seen-alone", remaining: 2)) { try partial.submission() }

        var session = try complete()
        #expect(try session.submission() == AuditJudgement(grade: "outstanding"))
        try session.judge("good", reason: "Plans are thin")
        #expect(try session.submission() == AuditJudgement(grade: "good", reason: "Plans are thin"))
        // A changed answer that makes the judgement agree with the grade is fine; one given
        // without a reason is checked again against the final answers.
        try session.judge("outstanding")
        try session.answer("plan", value: "partly")
        #expect(session.grade.band?.grade == "requires-improvement")
        #expect(throws: ScoringError.reasonRequired(judged: "outstanding", computed: "requires-improvement")) {
            try session.submission()
        }
    }

    @Test func whenNoAnswerCountsTheAuditorMustJudge() throws {
        var session = ScoringSession(checklist: ChecklistSamples.scoring)
        try session.answer("seen", value: "na")
        try session.answer("plan", value: "na")
        #expect(session.isComplete)
        #expect(session.grade.band == nil)
        #expect(throws: ScoringError.judgementRequired) { try session.submission() }
        try session.judge("good")
        #expect(try session.submission() == AuditJudgement(grade: "good"))
    }
}
