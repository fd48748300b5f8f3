import ArgumentParser
import CaseAudit
import CaseAuditFormats
import CaseAuditReports

struct LogCheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Sign the trail's head with your Ed25519 key (a quality lead) and record it.",
        discussion: """
            The signed head goes into the trail, and with --out into a file for you to keep \
            somewhere the database's holders cannot change (give it to `log verify --checkpoint`).
            """)

    @Option(help: "Your private key file, as `log keygen` wrote it.")
    var key: String

    @Option(help: "Also write the checkpoint to this new file.")
    var out: String?

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let signing = try TrailSigningKey(file: key)
        let database = try store.open(console)
        let checkpoint = try TrailCheckpointing.sign(database, by: try Caller.current(in: database), key: signing)
        if let out {
            let sink = try ExportSink(path: out)
            sink.write(checkpoint.fileText)
            try sink.close()
        }
        console.write(
            "Signed \(checkpoint.head.description) as \(checkpoint.signer) (public key \(checkpoint.publicKey))\n"
                + (out.map { "Wrote the checkpoint to \($0)\n" } ?? ""))
    }
}
