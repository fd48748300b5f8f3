import ArgumentParser
import CaseAudit

struct SampleReallocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reallocate",
        abstract: "Give a drawn file to another auditor (a quality lead), with a reason.",
        discussion: """
            The independence rule holds: nobody audits a file from a team in their own management \
            line. Refused once the file's audit is submitted. An audit the first auditor had begun is \
            kept as it was and never counted; the new auditor starts afresh. Who moved it, when and \
            why is recorded.
            """)

    @Argument(help: "The case reference, as drawn in the sample.")
    var caseReference: String

    @Option(help: "The auditor to give it to: their id in the org chart.")
    var to: String

    @Option(help: "Why it is moved (recorded).")
    var reason: String

    @Option(help: "The sample, when the case is in more than one current sample.")
    var sample: SampleID?

    @OptionGroup var store: DatabaseOption

    func validate() throws {
        if reason.nonBlank == nil { throw ValidationError("--reason needs some words: why the file is moved") }
    }

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let moved = try Reallocation.move(
            caseReference, sample: sample, to: to, reason: reason, by: try Caller.current(in: database),
            store: database, today: console.today())
        console.write(
            "Case \(moved.caseReference) (sample \(moved.sample)) is now allocated to \(moved.to), no longer \(moved.from): \(reason)\n"
        )
    }
}
