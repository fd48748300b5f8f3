import ArgumentParser
import CaseAudit

struct SampleRedrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redraw",
        abstract: "Redraw a recorded sample from its snapshot, parameters and seed, and check it is the same.",
        discussion: "Exit 0 when the redraw gives the same files with the same probabilities; 1 when it does not."
    )

    @Argument(help: "The sample's number (see `sample show`).")
    var sample: Int64

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        guard let recorded = try database.samples(month: nil).first(where: { $0.id == sample }) else {
            console.writeError("caseaudit: error: there is no sample \(sample)\n")
            throw ExitCode(1)
        }
        let outcome = try SampleRedraw.check(recorded, store: database)
        let parameters = recorded.parameters
        console.write(
            "Sample \(sample) (\(parameters.month), \(parameters.checklistID)): redrawn from snapshot \(recorded.snapshotID) with seed \(parameters.seed)\n"
        )
        if outcome.isIdentical {
            console.write(
                "Identical: the same \(Plural.count(recorded.cases.count, "file")) with the same inclusion probabilities.\n"
            )
        } else {
            console.write(
                "DIFFERENT: \(outcome.missing.count) recorded files not redrawn, \(outcome.extra.count) redrawn files not recorded.\n"
            )
            for reference in outcome.missing.prefix(20) { console.write("  - \(reference)\n") }
            for reference in outcome.extra.prefix(20) { console.write("  + \(reference)\n") }
            throw ExitCode(1)
        }

    }
}
