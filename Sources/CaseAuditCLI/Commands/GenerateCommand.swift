import ArgumentParser
import CaseAudit
import CaseAuditStore
import CaseAuditSynthetic

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
        if let database, audits != nil { try StoreFactory.requireNew(database) }
        let date = asOf.flatMap { CalendarDate(parsing: $0) } ?? console.today()
        let council = SyntheticCouncil(
            .init(teams: teams, cases: cases, workersPerTeam: workersPerTeam, asOf: date, seed: seed))
        try council.write(to: out, boardQuestions: boardQuestions)
        console.write(council.written(to: out, asOf: date))
        guard let audits, let database else { return }
        let end = endMonth?.month ?? AuditMonth.following(console.today()).subtracting(months: 1)
        let store = try WatchedOpening.open(
            database, creating: true, clock: console.clock, memory: DatabaseOption.trailMemory(console)
        ).store
        let loaded = try SyntheticHistory.load(
            audits, months: months, end: end, items: items, council: council, seed: seed, into: store
        ) { month, audits in console.progress("generated \(month): \(audits) audits") }
        console.endProgress()
        console.write(loaded.written(to: database))
    }
}
