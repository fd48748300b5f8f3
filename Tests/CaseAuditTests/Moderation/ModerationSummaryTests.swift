import Testing

@testable import CaseAudit

@Suite struct ModerationSummaryTests {
    static let checklist = Checklist(
        id: "test", version: "1", title: "Test", caseTypes: [.childInNeed],
        source: ChecklistSource(issuer: "test", text: "test"),
        scales: [
            AnswerScale(
                id: "yn",
                options: [
                    AnswerOption(value: "yes", label: "Yes", score: 1),
                    AnswerOption(value: "no", label: "No", score: 0),
                ])
        ],
        sections: [
            ChecklistSection(id: "s", title: "S", items: [ChecklistItem(id: "seen", prompt: "Seen?", scaleID: "yn")])
        ],
        grading: Grading(
            bands: [
                GradeBand(grade: "outstanding", minimum: 0.9), GradeBand(grade: "good", minimum: 0.7),
                GradeBand(grade: "requires-improvement", minimum: 0.5), GradeBand(grade: "inadequate", minimum: 0),
            ], caps: []))

    static func pair(
        _ id: Int64, _ first: String, _ moderator: String, reported: String?, auditor: String = "tm1",
        level: ManagerLevel = .teamManager, team: String = "A", seen: (String, String) = ("yes", "yes")
    ) -> ModerationSummary.Pair {
        ModerationSummary.Pair(
            original: AuditID(id), month: AuditMonth(year: 2026, month: 12) ?? AuditMonth.all.lowerBound, team: team,
            auditorID: auditor, auditorLevel: level, moderatorID: "sm1", firstGrade: first, moderatorGrade: moderator,
            reportedGrade: reported, firstAnswers: ["seen": seen.0], moderatorAnswers: ["seen": seen.1])
    }

    @Test func theTableCoversEveryGradeAndTheOutcomesSayWhichWay() throws {
        let pairs = [
            Self.pair(1, "good", "good", reported: "good"),
            Self.pair(2, "good", "requires-improvement", reported: "requires-improvement", seen: ("yes", "no")),
            Self.pair(
                3, "inadequate", "requires-improvement", reported: "requires-improvement", auditor: "sm2",
                level: .serviceManager, team: "B"),
            Self.pair(4, "outstanding", "good", reported: nil, auditor: "sm2", level: .serviceManager, team: "B"),
            Self.pair(5, "good", "good", reported: "good", seen: ("no", "no")),
        ]
        let summary = ModerationSummary(
            months: (AuditMonth(year: 2026, month: 12) ?? AuditMonth.all.lowerBound)...(AuditMonth(
                year: 2026, month: 12) ?? AuditMonth.all.lowerBound),
            pairs: pairs.map { ($0, Self.checklist, "sha256:x") })
        let section = try #require(summary.sections.first)
        // Rows the auditor's grade, columns the moderator's, all four grades (requires improvement
        // was nobody's first grade: its row is there, empty).
        #expect(
            section.table == [[0, 1, 0, 0], [0, 2, 1, 0], [0, 0, 0, 0], [0, 0, 1, 0]])
        #expect(section.council.files == 5 && section.council.sameGrade == 2)
        #expect(section.council.percentAgreement == 0.4)
        // 2: good → RI is worse; 3: inadequate → RI is better; 1, 5 unchanged; 4 undecided.
        #expect(section.council.movedBetter == 1 && section.council.movedWorse == 1)
        #expect(section.council.unchanged == 2 && section.council.undecided == 1)
        #expect(section.auditors.map { "\($0.name) \($0.files)" } == ["sm2 2", "tm1 3"])
        #expect(section.auditorLevels.map(\.name) == ["SM", "TM"])
        #expect(section.teams.map { "\($0.name) \($0.sameGrade)/\($0.files)" } == ["A 2/3", "B 0/2"])
        // The coefficients are the agreement module's, on the same table.
        let direct = TwoRaterAgreement(table: section.table, weights: .quadratic)
        #expect(section.agreement.twoRaters.first { $0.weights == .quadratic }?.kappa == direct.kappa)
        #expect(section.agreement.twoRaters.first?.percentAgreement.value == 0.4)
        // The item: four of five answered alike.
        let item = try #require(section.items.first)
        #expect(item.files == 5 && item.percentAgreement.value == 0.8)
    }

    @Test func noPairsGiveNoSections() {
        let month = AuditMonth(year: 2026, month: 12) ?? AuditMonth.all.lowerBound
        let summary = ModerationSummary(months: month.subtracting(months: 11)...month, pairs: [])
        #expect(summary.sections.isEmpty && summary.files == 0 && summary.months == "2026-01 to 2026-12")
    }
}
