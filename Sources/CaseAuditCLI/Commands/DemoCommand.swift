import ArgumentParser
import CaseAudit
import CaseAuditStore
import CaseAuditSynthetic
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the main job end to end on the shipped samples, in a fresh database.",
        discussion: """
            Validates the shipped checklists, imports the demo council from Samples/ (org chart and case \
            list) into a fresh database and summarises the population; then runs six months of the \
            programme: each month's sample drawn with a fixed seed and allocated, its files scored from \
            paper audits (this month's left partly unfinished), actions raised and most done; and \
            publishes the monthly quality summary in every format.
            """
    )

    static let defaultDatabase = "Reports/out/demo/caseaudit.sqlite"

    @OptionGroup var location: ChecklistDirectoryOption

    @Option(help: "The folder with org.csv and cases.csv.")
    var samples: String = "Samples"

    @Option(
        help:
            "The demo's database: made fresh each run (default \(Self.defaultDatabase)); any other path must not exist yet."
    )
    var database: String?

    @Option(help: "The report templates.")
    var reportTemplates: String = "Reports/templates"

    @Option(help: "The checklist to show in full and to draw the sample for.")
    var show: String = "climbie-compliance"

    /// Where the answer sheets and the report go: beside a database file; for a server, under
    /// Reports/out/demo-server.
    var output: String {
        let location = database ?? Self.defaultDatabase
        return StoreFactory.isServer(location)
            ? "Reports/out/demo-server" : (location as NSString).deletingLastPathComponent
    }

    func run() throws {
        let console = Console.current
        // The demo's own database is made fresh; a path the user names must not exist (said
        // before the demo starts), so the demo can never overwrite real data.
        if let database { try StoreFactory.requireNew(database) }
        let demo = DemoRun(
            directory: location.resolved(console), show: show, samples: samples, reportTemplates: reportTemplates,
            today: console.today(), output: output)
        try demo.run(
            openStore: {
                let location = database ?? Self.defaultDatabase
                // The demo's own database, or a new one the user names (its folder made, as the
                // demo's answer sheets and report go beside it).
                let store =
                    database == nil || !StoreFactory.isServer(location)
                    ? try StoreFactory.fresh(location, clock: console.clock)
                    : try StoreFactory.open(location, creating: true, clock: console.clock)
                try WatchedOpening.startAfresh(store, location: location, memory: DatabaseOption.trailMemory(console))
                return store
            }, say: console.write)
    }
}
