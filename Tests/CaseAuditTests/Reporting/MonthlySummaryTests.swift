import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAudit
@testable import CaseAuditReports

/// The summary's figures against a small fixture worked out by hand.
@Suite struct MonthlySummaryTests {
    static let month = AuditMonth("2026-11")!
    static let today = CalendarDate(year: 2026, month: 12, day: 10)!
    static let checklist = ChecklistSamples.scoring
    static let hash = "sha256:v1"

    static func record(
        _ id: AuditID, team: String, auditor: String, judgement: String, computed: String, probability: Double,
        _ answers: [String: String], month: AuditMonth = month, hash: String = hash, type: CaseType = .childInNeed
    ) -> QualityRecord {
        QualityRecord(
            auditID: id, month: month, checklistID: "test", checklistHash: hash, caseReference: "C\(id)", team: team,
            caseType: type,
            auditorID: auditor, judgement: judgement, computedGrade: computed, inclusionProbability: probability,
            answers: answers)
    }

    /// Team A: three files (π = 0.5), audited by tmB; team B: two files (π = 0.25), by sm1.
    static let records = [
        record(
            1, team: "A", auditor: "tmB", judgement: "outstanding", computed: "outstanding", probability: 0.5,
            ["seen": "yes", "seen-alone": "yes", "plan": "yes"]),
        record(
            2, team: "A", auditor: "tmB", judgement: "good", computed: "good", probability: 0.5,
            ["seen": "partly", "seen-alone": "no", "plan": "yes", "voice": "yes"]),
        // seen = no hides seen-alone: its stale answer must not count.
        record(
            3, team: "A", auditor: "tmB", judgement: "requires-improvement", computed: "requires-improvement",
            probability: 0.5,
            ["seen": "no", "seen-alone": "yes", "plan": "partly"]),
        record(
            4, team: "B", auditor: "sm1", judgement: "inadequate", computed: "requires-improvement", probability: 0.25,
            ["seen": "yes", "seen-alone": "na", "plan": "no"], type: .childProtection),
        record(
            5, team: "B", auditor: "sm1", judgement: "good", computed: "outstanding", probability: 0.25,
            ["seen": "yes", "seen-alone": "yes", "plan": "yes"], type: .childProtection),
    ]

    static let chart = OrgChart(
        people: [
            Person(id: "ad1", displayName: "AD One", level: .assistantDirector),
            Person(id: "sm1", displayName: "SM One", level: .serviceManager, reportsTo: "ad1"),
            Person(id: "tmA", displayName: "TM A", level: .teamManager, team: "A", reportsTo: "sm1"),
            Person(id: "tmB", displayName: "TM B", level: .teamManager, team: "B", reportsTo: "sm1"),
        ],
        teams: [Team(name: "A", managerID: "tmA"), Team(name: "B", managerID: "tmB")])

    static let sampled = [
        SampledCount(checklistID: "test", team: "A", caseType: .childInNeed, files: 4),
        SampledCount(checklistID: "test", team: "B", caseType: .childProtection, files: 2),
    ]

    static let levels: [String: ManagerLevel] = ["tmB": .teamManager, "sm1": .serviceManager]

    /// The summary of audits one by one, through the same cells the store's roll-ups hold.
    func summary(
        _ records: [QualityRecord] = Self.records, trend: [QualityRecord]? = nil, actions: [ActionRecord] = [],
        checklists: [String: Checklist]? = nil, sampled: [SampledCount] = Self.sampled
    ) -> MonthlySummary {
        let checklists = checklists ?? [Self.hash: Self.checklist]
        let cells = QualityCells.from(records, checklists: checklists, levels: Self.levels)
        let trendCells = QualityCells.from(trend ?? records, checklists: checklists, levels: Self.levels).grades
        return MonthlySummary(
            month: Self.month, today: Self.today, grades: cells.grades, items: cells.items, trendGrades: trendCells,
            sampled: sampled,
            actions: actions, checklists: checklists, chart: Self.chart)
    }

    @Test func councilFiguresMatchTheHandCount() throws {
        let section = try #require(summary().sections.first)
        let council = section.council
        #expect(council.audited == 5)
        #expect(council.sampled == 6)
        #expect(council.grades.map(\.files) == [1, 2, 1, 1])
        #expect(council.goodOrBetter == 3)
        #expect(council.goodOrBetterShare == 0.6)
        #expect(council.goodOrBetterInterval == WilsonInterval(successes: 3, trials: 5))
        #expect(council.judgedDifferently == 2)
        // seen: yes, partly, no, yes, yes; seen-alone: asked in 1, 2, 4, 5 (na left out);
        // plan: yes, yes, partly, no, yes; voice: asked only where seen-alone = no.
        let items = Dictionary(uniqueKeysWithValues: council.items.map { ($0.item, ($0.compliant, $0.answered)) })
        #expect(items["seen"]! == (3, 5))
        #expect(items["seen-alone"]! == (2, 3))
        #expect(items["plan"]! == (3, 5))
        #expect(items["voice"]! == (1, 1))
        // Weights 1/π: team A's files 2 each, team B's 4 each; good or better: 2 + 2 + 4 of 14.
        #expect(abs((section.populationEstimate ?? 0) - 8.0 / 14.0) < 1e-12)
        // Its interval is design-based: strata (team, π), so A's three files and B's two.
        let weighted = try #require(section.weightedEstimate)
        #expect(weighted.share == section.populationEstimate)
        #expect(weighted.strata == 2 && weighted.files == 5)
        #expect(weighted.standardError > 0 && weighted.lower < weighted.share && weighted.share < weighted.upper)
    }

    @Test func groupsByTeamManagementLineAuditorLevelAndCaseType() throws {
        let section = try #require(summary().sections.first)
        #expect(
            section.teams.map { "\($0.name) \($0.audited)/\($0.sampled) \($0.goodOrBetter)" } == ["A 3/4 2", "B 2/2 1"])
        #expect(
            section.managementLines.map { "\($0.level) \($0.managerID) \($0.teams) \($0.figures.audited)" } == [
                "TM tmA [\"A\"] 3", "TM tmB [\"B\"] 2", "SM sm1 [\"A\", \"B\"] 5", "AD ad1 [\"A\", \"B\"] 5",
            ])
        #expect(section.auditorLevels.map { "\($0.name) \($0.audited) \($0.goodOrBetter)" } == ["TM 3 2", "SM 2 1"])
        #expect(section.caseTypes.map { "\($0.name) \($0.audited)/\($0.sampled)" } == ["CIN 3/4", "CP 2/2"])
    }

    @Test func equalChancesNeedNoWeightedEstimate() throws {
        let same = Self.records.map { record in
            var record = record
            record.inclusionProbability = 0.5
            return record
        }
        #expect(try #require(summary(same).sections.first).populationEstimate == nil)
    }

    @Test func twoVersionsOfAChecklistAreReportedApart() throws {
        var version2 = Self.checklist
        version2.version = "2"
        let records =
            Self.records.prefix(3)
            + Self.records.suffix(2).map { record in
                var record = record
                record.checklistHash = "sha256:v2"
                return record
            }
        let summary = summary(Array(records), checklists: [Self.hash: Self.checklist, "sha256:v2": version2])
        #expect(summary.sections.map { "\($0.version) \($0.council.audited)" } == ["1 3", "2 2"])
        let context = MonthlyReport.context(summary, summary.tables(Suppression()), Suppression(), html: true)
        #expect((context["versionNote"] as? TemplateText)?.text.contains("more than one version of test") == true)
        // The shipped templates print the note itself, in both formats.
        let templates = try MonthlyReport.Templates(directory: "\(Fixtures.packageRoot)/Reports/templates")
        #expect(
            templates.markdown.render(context).contains("\nFiles were audited against more than one version of test"))
        #expect(templates.html.render(context).contains("<p class=\"note\">Files were audited against more than one"))
    }

    @Test func theWeightedEstimateIsPrintedWithItsInterval() throws {
        let summary = summary()
        let weighted = try #require(summary.sections.first?.weightedEstimate)
        let context = MonthlyReport.context(summary, summary.tables(Suppression()), Suppression(), html: false)
        let headline = try #require((context["headline"] as? [[String: Any]])?.first)
        #expect(headline["estimate"] as? String == Number.percent(weighted.share))
        #expect(
            headline["estimateInterval"] as? String
                == "\(Number.percent(weighted.lower))–\(Number.percent(weighted.upper))")
        // Too few files to publish: neither the estimate nor its interval is shown.
        let hidden = MonthlyReport.context(
            summary, summary.tables(Suppression(minimum: 10)), Suppression(minimum: 10), html: false)
        #expect((hidden["headline"] as? [[String: Any]])?.first?["estimateInterval"] == nil)
    }

    @Test func smallNumbersAreSuppressedUnlessDetailIsAsked() throws {
        let tables = summary().tables(Suppression(minimum: 5))
        let teams = try #require(tables.first { $0.name == "test-1-teams" })
        #expect(teams.rows[0] == ["A", "4", "<5", "<5", "<5", "<5", "<5", "<5", "<5", "<5"])
        #expect(teams.rows[2][0...3] == ["Council", "6", "5", "1"])
        let items = try #require(tables.first { $0.name == "test-1-items" })
        #expect(items.rows.first { $0[0] == "voice" }?[3...6] == ["<5", "<5", "<5", "<5"])
        #expect(items.rows.first { $0[0] == "seen" }?[5] == "60.0%")

        let detail = summary().tables(Suppression(minimum: 5, detail: true))
        #expect(detail.first { $0.name == "test-1-teams" }?.rows[0][2...4] == ["3", "1", "1"])
        // The threshold is configurable.
        let three = summary().tables(Suppression(minimum: 3))
        #expect(three.first { $0.name == "test-1-teams" }?.rows[0][2] == "3")
        #expect(three.first { $0.name == "test-1-teams" }?.rows[1][2] == "<3")
    }

    @Test func csvCellsThatLookLikeFormulasAreNeutralised() throws {
        let hostile = Self.records.map { record in
            var record = record
            if record.team == "A" { record.team = "=HYPERLINK(\"http://x\")" }
            return record
        }
        let files = MonthlyReport.files(summary(hostile), formats: [.csv], suppression: Suppression(), templates: nil)
        let teams = try #require(files.first { $0.path == "csv/test-1-teams.csv" })
        #expect(teams.text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(!teams.text.contains("\n=HYPERLINK"))
    }

    @Test func actionsAreCountedRaisedDoneAndOverdue() {
        let actions = [
            ActionRecord(
                auditID: 1, checklistID: "test", team: "A", due: CalendarDate(year: 2026, month: 12, day: 1)!,
                done: false),
            ActionRecord(
                auditID: 1, checklistID: "test", team: "A", due: CalendarDate(year: 2026, month: 12, day: 1)!,
                done: true),
            ActionRecord(
                auditID: 4, checklistID: "test", team: "B", due: CalendarDate(year: 2026, month: 12, day: 31)!,
                done: false),
        ]
        let figures = summary(actions: actions)
        #expect(figures.actions == MonthlySummary.ActionFigures(raised: 3, done: 1, overdue: 1, open: 2))
        #expect(figures.actionsByTeam["A"] == MonthlySummary.ActionFigures(raised: 2, done: 1, overdue: 1, open: 1))
    }

    @Test func trendCoversTwelveMonthsOldestFirst() {
        let earlier = Self.records.prefix(2).map { record in
            var record = record
            record.month = Self.month.subtracting(months: 3)
            return record
        }
        let summary = summary(trend: Self.records + earlier, sampled: [])
        #expect(summary.trend.count == 12)
        #expect(summary.trend.first?.month == "2025-12")
        #expect(summary.trend.last.map { "\($0.month) \($0.audited) \($0.goodOrBetter)" } == "2026-11 5 3")
        #expect(summary.trend[8].audited == 2)
        #expect(summary.trend[8].goodOrBetterShare == 1)
    }

    /// A team renamed between months is reported under the name it had when its files were
    /// drawn: the month's table has the new name, and the council's trend counts both months.
    @Test func aRenamedTeamIsReportedUnderItsNameAtTheDraw() throws {
        let before = Self.records.filter { $0.team == "B" }.map { record in
            var record = record
            record.month = Self.month.subtracting(months: 1)
            record.team = "B (old name)"
            return record
        }
        let summary = summary(trend: Self.records + before)
        let section = try #require(summary.sections.first)
        #expect(section.teams.map(\.name) == ["A", "B"])
        #expect(summary.trend.suffix(2).map(\.audited) == [2, 5])
        let trend = try #require(summary.trendSummaries.first)
        #expect(trend.thisMonth == 0.6)
        #expect(trend.lastMonth == 0.5)
        #expect(trend.last6Months == 4.0 / 7.0)
    }

    @Test func actionsOfEarlierMonthsCountInTheYearNotTheMonth() {
        let actions = [
            ActionRecord(
                auditID: 1, month: Self.month, checklistID: "test", team: "A", due: Self.today.adding(days: 5),
                done: false),
            ActionRecord(
                auditID: 9, month: Self.month.subtracting(months: 2), checklistID: "test", team: "A",
                due: Self.today.adding(days: -20),
                done: false),
            ActionRecord(
                auditID: 8, month: Self.month.subtracting(months: 2), checklistID: "test", team: "B",
                due: Self.today.adding(days: -20),
                done: true),
        ]
        let figures = summary(actions: actions)
        #expect(figures.actions == MonthlySummary.ActionFigures(raised: 1, done: 0, overdue: 0, open: 1))
        #expect(figures.actionsLast12Months == MonthlySummary.ActionFigures(raised: 3, done: 1, overdue: 1, open: 2))
    }
}
