import ArgumentParser
import CaseAudit
import CaseAuditReports
import CaseAuditStore

struct LogVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the trail's chain: exit 0 and the head when intact, exit 1 and the first broken event.",
        discussion: """
            Checks every event's hash and link, every checkpoint signed into the trail, each \
            --checkpoint file kept outside it, and the head this machine last saw. A chain rebuilt \
            consistently by whoever holds the file (or a superuser) passes its own hashes, but not a \
            checkpoint or a remembered head from before.
            """)

    @Option(name: .customLong("checkpoint"), help: "A checkpoint file written by `log checkpoint --out` (repeatable).")
    var checkpoints: [String] = []

    @Option(
        name: .customLong("trusted-key"),
        help: "A public key (base64, as `log keygen` prints) whose signatures alone are trusted (repeatable).")
    var trustedKeys: [String] = []

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let files = try checkpoints.map { path in (path: path, checkpoint: try TrailCheckpoint.read(file: path)) }
        let remembered = WatchedOpening.rememberedHead(
            database, location: store.location(console), memory: DatabaseOption.trailMemory(console))
        let report = try TrailVerification.run(
            database, by: try Caller.current(in: database), files: files, trustedKeys: Set(trustedKeys),
            remembered: remembered)
        console.write(TrailText.verification(report))
        if !report.isIntact { throw TrailVerificationFailure(problems: report.problems) }
    }
}

/// `log verify` found the trail broken: exit 1 with the first problem.
struct TrailVerificationFailure: ReportableError {
    var problems: [String]
    var message: String { "the trail is not intact: " + problems.joined(separator: "; ") }
}
