import CaseAudit

/// The demo's moderation of this month: drawn by the standard rule with the demo's seed, each
/// file scored blind by its moderator from a generated sheet of their own (a second reading of
/// the file: most answers as the first auditor's, some not, as moderation finds), and decided: the
/// grade confirmed where the two agree, and where they differ, changed to the moderator's grade
/// for every other file (moderators do not always overrule). The use case behind the demo's
/// moderation step; the command line prints what it returns.
public enum DemoModeration {
    public struct Result: Sendable {
        public var draw: ModerationDraw
        public var decided: [(caseReference: String, outcome: ModerationOutcome)]
    }

    public static func run(
        month: AuditMonth, store: some CaseAuditStore, checklist: LoadedChecklist, today: CalendarDate,
        sheetPath: (String) -> String, writeSheet: (String, String) throws -> Void
    ) throws -> Result {
        let draw = try ModerationDraw.draw(
            month: month, rule: .standard, seed: DemoProgramme.seed, store: store)
        var decided: [(String, ModerationOutcome)] = []
        var differing = 0
        for file in draw.files {
            guard let moderator = file.moderatorID else { continue }
            let opening = try AuditOpening.openModeration(
                caseReference: file.caseReference, moderator: moderator, store: store)
            let (first, _) = try AuditOpening.recorded(file.auditID, store: store)
            let sheet = SyntheticAnswers.sheet(
                for: opening.checklist, caseReference: file.caseReference, worker: nil,
                due: month.lastDay.adding(days: 30), seed: DemoProgramme.seed &+ 7,
                secondReadingOf: first.content.answers)
            let path = sheetPath(file.caseReference)
            try writeSheet(path, sheet.csv)
            let keyed = try PaperAudit.keyIn(
                AnswerSheet.read(file: path), opening: opening, store: store, submit: true, today: today)
            if let refused = keyed.notSubmitted { throw refused }
            let comparison = try ModerationComparison.build(
                caseReference: file.caseReference, moderator: moderator, store: store)
            var change: String?
            if comparison.firstGrade != comparison.secondGrade {
                differing += 1
                if differing % 2 == 1 { change = comparison.secondGrade }
            }
            let outcome = try ModerationDecision.record(
                caseReference: file.caseReference, moderator: moderator, changeTo: change,
                reason: change == nil ? nil : "The moderator's reading of the file, agreed at moderation",
                onBehalfOf: true, store: store)
            decided.append((file.caseReference, outcome))
        }
        return Result(draw: draw, decided: decided)
    }
}
