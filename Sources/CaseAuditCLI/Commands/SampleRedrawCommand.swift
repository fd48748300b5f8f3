import ArgumentParser
import CaseAudit
import CaseAuditReports

struct SampleRedrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redraw",
        abstract: "Redraw a recorded sample from its snapshot, parameters and seed, and check it is the same.",
        discussion: "Exit 0 when the redraw gives the same files with the same probabilities; 1 when it does not."
    )

    @Argument(help: "The sample's number (see `sample show`).")
    var sample: SampleID

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let recorded = try database.requiredSample(sample)
        let outcome = try SampleRedraw.checkAndRecord(recorded, store: database)
        console.write(ListingText.redraw(outcome, of: recorded))
        if !outcome.isIdentical { throw ExitCode(1) }
    }
}
