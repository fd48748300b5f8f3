import ArgumentParser
import CaseAudit
import CaseAuditStore
import CaseAuditSynthetic
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract:
            "Write a synthetic council (org.csv, cases.csv, annex-a.xlsx, a board's audit tool) for demos, tests and benchmarks.",
        discussion: """
            The same options give the same files on any machine. Every name is fictional and marked \
            "demo". Samples/ holds the demo council: `make samples` regenerates it.

            With --audits N and --database PATH it also fills a new database for benchmarks: the org \
            chart and case list, one sample a month for --months months up to --end-month, and N \
            audits spread evenly over the teams and months, every one submitted against a generated \
            checklist of --items questions (with the quality roll-ups).
            """
    )

    @Option(help: "The folder to write org.csv and cases.csv into.")
    var out: String

    @Option(help: "Teams (the demo council has 12).")
    var teams: Int = 12

    @Option(help: "Open cases (the demo council has 1,500).")
    var cases: Int = 1500

    @Option(name: .customLong("workers-per-team"), help: "Social workers in each team.")
    var workersPerTeam: Int = 7

    @Option(name: .customLong("as-of"), help: "The date the case list is as of, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: "The generator's seed.")
    var seed: UInt64 = 20_091_217

    @Option(
        name: .customLong("board-questions"),
        help: "Also write board/board-audit-tool-N.xlsx with N questions (for benchmarks).")
    var boardQuestions: Int?

    @Option(help: "Submitted audits to generate into --database (for benchmarks).")
    var audits: Int?

    @Option(help: "With --audits: the months they span.")
    var months: Int = 24

    @Option(name: .customLong("end-month"), help: "With --audits: the last month, YYYY-MM (default: this month).")
    var endMonth: MonthArgument?

    @Option(help: "With --audits: questions in the generated checklist.")
    var items: Int = 40

    @Option(help: "With --audits: the database to fill (it must not exist yet).")
    var database: String?

    func validate() throws {
        typealias Limits = SyntheticCouncil.Parameters
        func check(_ value: Int?, _ range: ClosedRange<Int>, _ option: String) throws {
            if let value, !range.contains(value) {
                throw ValidationError(
                    "\(option) must be between \(range.lowerBound) and \(range.upperBound) (not \(value))")
            }
        }
        try check(teams, Limits.teamRange, "--teams")
        try check(cases, Limits.caseRange, "--cases")
        try check(workersPerTeam, Limits.workerRange, "--workers-per-team")
        try check(boardQuestions, Limits.boardQuestionRange, "--board-questions")
        try check(audits, Limits.auditRange, "--audits")
        try check(months, Limits.monthRange, "--months")
        try check(items, Limits.itemRange, "--items")
        if let asOf, CalendarDate(parsing: asOf) == nil {
            throw ValidationError("--as-of \(asOf): expected YYYY-MM-DD")
        }
        if audits != nil && database == nil { throw ValidationError("--audits needs --database") }
    }

    func run() throws {
        let console = Console.current
        // Everything is checked before anything is written.
        if let database, audits != nil, StoreFactory.exists(database) {
            console.writeError(
                "caseaudit: error: \(database) exists: generated audits go into a new database (nothing was written)\n")
            throw ExitCode(1)
        }
        let date = asOf.flatMap { CalendarDate(parsing: $0) } ?? console.today()
        let council = SyntheticCouncil(
            .init(teams: teams, cases: cases, workersPerTeam: workersPerTeam, asOf: date, seed: seed))
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try Data(council.orgCSV().utf8).write(to: URL(fileURLWithPath: "\(out)/org.csv"))
            try Data(council.casesCSV().utf8).write(to: URL(fileURLWithPath: "\(out)/cases.csv"))
            try council.annexAWorkbook().write(to: URL(fileURLWithPath: "\(out)/annex-a.xlsx"))
            // A board's audit tool in the forms boards issue them, for `checklist import`.
            try FileManager.default.createDirectory(atPath: "\(out)/board", withIntermediateDirectories: true)
            try SyntheticBoardTool.workbook().write(to: URL(fileURLWithPath: "\(out)/board/board-audit-tool.xlsx"))
            try SyntheticBoardTool.workbook(version: 2).write(
                to: URL(fileURLWithPath: "\(out)/board/board-audit-tool-v2.xlsx"))
            try SyntheticBoardTool.document().write(to: URL(fileURLWithPath: "\(out)/board/board-audit-tool.docx"))
            try Data(SyntheticBoardTool.csv().utf8).write(to: URL(fileURLWithPath: "\(out)/board/board-audit-tool.csv"))
            if let boardQuestions {
                try SyntheticBoardTool.workbook(questions: boardQuestions).write(
                    to: URL(fileURLWithPath: "\(out)/board/board-audit-tool-\(boardQuestions).xlsx"))
            }
        } catch {
            console.writeError("caseaudit: error: \(out): cannot write the files: \(WriteFailure.describe(error))\n")
            throw ExitCode(1)
        }
        console.write(
            "Wrote \(out)/org.csv (\(council.chart.people.count) people, \(council.chart.teams.count) teams), \(out)/cases.csv and \(out)/annex-a.xlsx (\(council.cases.count) cases, as of \(date)), and a board's audit tool in \(out)/board/\n"
        )
        if let audits, let database { try generateAudits(audits, into: database, council: council, console: console) }
    }

    private func generateAudits(_ total: Int, into path: String, council: SyntheticCouncil, console: Console) throws {
        let end = endMonth?.month ?? AuditMonth.following(console.today()).subtracting(months: 1)
        let store = try StoreFactory.open(path, creating: true, clock: console.clock)
        let loaded = try SyntheticHistory.load(
            total, months: months, end: end, items: items, council: council, seed: seed, into: store
        ) { month, audits in console.progress("generated \(month): \(audits) audits") }
        console.endProgress()
        console.write(
            "Wrote \(path): \(loaded.audits) submitted audits (\(loaded.perTeam) per team a month, \(months) months to \(end)) against \(loaded.checklist.id) (\(loaded.checklist.itemCount) questions)\n"
        )
    }
}
