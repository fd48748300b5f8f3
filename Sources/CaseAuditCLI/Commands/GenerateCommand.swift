import ArgumentParser
import CaseAudit
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic council (org.csv, cases.csv, annex-a.xlsx) for demos, tests and benchmarks.",
        discussion: """
            The same options give the same files on any machine. Every name is fictional and marked \
            "demo". Samples/ holds the demo council: `make samples` regenerates it.
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

    func validate() throws {
        if teams < 1 || cases < 0 || workersPerTeam < 1 { throw ValidationError("--teams and --workers-per-team must be at least 1") }
        if let asOf, CalendarDate(parsing: asOf) == nil { throw ValidationError("--as-of \(asOf): expected YYYY-MM-DD") }
    }

    func run() throws {
        let console = Console.current
        let date = asOf.flatMap { CalendarDate(parsing: $0) } ?? console.today()
        let council = SyntheticCouncil(
            .init(teams: teams, cases: cases, workersPerTeam: workersPerTeam, asOf: date, seed: seed))
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try Data(council.orgCSV().utf8).write(to: URL(fileURLWithPath: "\(out)/org.csv"))
            try Data(council.casesCSV().utf8).write(to: URL(fileURLWithPath: "\(out)/cases.csv"))
            try council.annexAWorkbook().write(to: URL(fileURLWithPath: "\(out)/annex-a.xlsx"))
        } catch {
            console.writeError("caseaudit: error: \(out): cannot write the files: \(error.localizedDescription)\n")
            throw ExitCode(1)
        }
        console.write("Wrote \(out)/org.csv (\(council.chart.people.count) people, \(council.chart.teams.count) teams), \(out)/cases.csv and \(out)/annex-a.xlsx (\(council.cases.count) cases, as of \(date))\n")
    }
}
