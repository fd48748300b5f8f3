import ArgumentParser
import CaseAudit

struct LogKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make an Ed25519 key for signing checkpoints: the private key to a new file, the public key printed.",
        discussion: "The private key file is readable by you only; give the public key to whoever verifies.")

    @Option(help: "The new private key file.")
    var out: String

    func run() throws {
        let key = TrailSigningKey()
        try key.write(to: out)
        Console.current.write("Wrote a private key to \(out)\nPublic key: \(key.publicKey)\n")
    }
}
