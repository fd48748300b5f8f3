import ArgumentParser
import CaseAudit

struct AuditUnlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "Break someone's hold on an audit (a quality lead), with a reason.",
        discussion: """
            On a server, a session holds an audit while it scores it, renewing the hold every minute; \
            a crashed session's hold runs out after five minutes. Breaking it lets someone else score \
            the file at once; the holder's next write is refused, so nothing is overwritten. Who broke \
            it, when and why is kept. On a SQLite file a hold ends with its session, so there is \
            nothing to break.
            """)

    @Argument(help: "The audit's number.")
    var audit: AuditID

    @Option(help: "Why the hold is broken (kept).")
    var reason: String

    @OptionGroup var store: DatabaseOption

    func validate() throws {
        if reason.nonBlank == nil { throw ValidationError("--reason needs some words: why the hold is broken") }
    }

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let holder = try HoldBreak.breakHold(
            audit, reason: reason, by: try Caller.current(in: database), store: database)
        console.write(
            holder.map { "Broke \($0)'s hold on audit \(audit): \(reason)\n" }
                ?? "Nobody holds audit \(audit): there is nothing to break.\n")
    }
}
