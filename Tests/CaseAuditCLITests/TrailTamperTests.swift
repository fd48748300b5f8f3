import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// The trail against someone with the database in their hands: `sqlite3`-style SQL on the file
/// (a plain SQLite connection, without caseaudit's functions), or `psql` as a superuser.
@Suite struct TrailTamperTests {
    /// A council with a drawn sample and one answered file, on `engine`, its trail verified
    /// once (on the server that seals the events waiting, as any reading of the chain does);
    /// the state directory this machine remembers heads in.
    static func council(_ engine: CommandEngine, in folder: TemporaryDirectory) throws -> (String, [String: String]) {
        let database = try engine.newDatabase(in: folder)
        _ = try CommandRunner.drawSampleCouncil(into: database, seed: 7, engine: engine, folder: folder)
        let environment = ["CASEAUDIT_STATE_DIR": "\(folder.path)/state"]
        let verified = run(["log", "verify"], on: database, environment)
        #expect(verified.status == 0, "\(verified.errors)")
        return (database, environment)
    }

    static func run(_ arguments: [String], on database: String, _ environment: [String: String]) -> CommandResult {
        CommandRunner.run(arguments + ["--database", database], environment: environment)
    }

    @Test(arguments: CommandEngine.allCases) func changingOrRemovingAnEventIsRefused(_ engine: CommandEngine) throws {
        let folder = try TemporaryDirectory()
        let (database, environment) = try Self.council(engine, in: folder)
        #expect(throws: (any Error).self) {
            try engine.execute("UPDATE trail SET payload = '{}' WHERE seq = 2", in: database)
        }
        #expect(throws: (any Error).self) { try engine.execute("DELETE FROM trail WHERE seq = 2", in: database) }
        if engine == .sqlite {
            // A row made up by hand cannot be hashed without caseaudit, so it is refused.
            #expect(throws: (any Error).self) {
                try engine.execute(
                    "INSERT INTO trail VALUES (99, 'x', 'y', NULL, NULL, 'a', 'b', NULL, '{}', NULL, '00', '11')",
                    in: database)
            }
        } else {
            #expect(throws: (any Error).self) { try engine.execute("TRUNCATE trail", in: database) }
            // On the server, an insert is stamped by the server, and numbered and chained when
            // the chain is next read, whatever it says.
            try engine.execute(
                "INSERT INTO trail (action, entity, payload, actor_login, seq, row_hash, prev_hash, at) VALUES ('made.up', 'store', '{}', 'someone-else', 1, 'x', 'y', 'then')",
                in: database)
            let waiting = try PostgresServer.query(
                "SELECT actor_login <> 'someone-else' AND at <> 'then' AND seq IS NULL AND row_hash IS NULL FROM trail WHERE action = 'made.up'",
                in: database)
            #expect(waiting == "t")
        }
        let verified = Self.run(["log", "verify"], on: database, environment)
        if engine == .postgresql {
            let forged = try PostgresServer.query(
                "SELECT actor_login <> 'someone-else' AND seq > 1 AND row_hash <> 'x' FROM trail WHERE action = 'made.up'",
                in: database)
            #expect(forged == "t")
        }
        #expect(verified.status == 0 && verified.output.contains("intact"), "\(verified.output)\(verified.errors)")
    }

    @Test(arguments: CommandEngine.allCases) func bypassingTheTriggersIsCaughtAtTheRightEvent(_ engine: CommandEngine)
        throws
    {
        let folder = try TemporaryDirectory()
        let (database, environment) = try Self.council(engine, in: folder)
        let bypass =
            engine == .sqlite
            ? "DROP TRIGGER trail_no_update; DROP TRIGGER trail_no_delete;" : "SET session_replication_role = replica;"
        try engine.execute(bypass + "UPDATE trail SET payload = '{\"people\":1}' WHERE seq = 1", in: database)
        var verified = Self.run(["log", "verify"], on: database, environment)
        #expect(verified.status == 1)
        #expect(verified.errors.contains("event 1 was changed after it was written"), "\(verified.errors)")

        let folder2 = try TemporaryDirectory()
        let (other, environment2) = try Self.council(engine, in: folder2)
        try engine.execute(bypass + "DELETE FROM trail WHERE seq = 3", in: other)
        verified = Self.run(["log", "verify"], on: other, environment2)
        #expect(verified.status == 1)
        #expect(verified.errors.contains("event 3 is missing"), "\(verified.errors)")
    }

    /// Rewrites the trail from event `from` on, consistently: the chain's own hashes all check.
    static func rebuild(_ engine: CommandEngine, _ database: String, from: Int64, dropping action: String) throws {
        let events = try #require(
            try JSONSerialization.jsonObject(
                with: Data(CommandRunner.run(["log", "show", "--format", "json", "--database", database]).output.utf8))
                as? [[String: Any]])
        var previous =
            (events.first { ($0["seq"] as? Int64 ?? Int64($0["seq"] as? Int ?? 0)) == from - 1 })?["row_hash"]
            as? String ?? TrailCanonical.genesis
        var rows: [String] = []
        var seq = from
        func literal(_ value: Any?) -> String {
            guard let text = value as? String else { return "NULL" }
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }
        for event in events where (event["seq"] as? Int ?? 0) >= from && event["action"] as? String != action {
            var payload = event["payload"] as? String ?? "{}"
            if seq == from { payload = payload.replacingOccurrences(of: "\"people\":117", with: "\"people\":116") }
            let fields: [String?] = TrailCanonical.fields(
                seq: seq, at: event["at"] as? String ?? "", actorLogin: event["actor_login"] as? String ?? "",
                actorID: event["actor"] as? String, onBehalfOf: event["on_behalf_of"] as? String,
                action: event["action"] as? String ?? "", entity: event["entity"] as? String ?? "",
                entityID: event["entity_id"] as? String, payload: payload, reason: event["reason"] as? String)
            let hash = TrailCanonical.hash(prevHash: previous, fields: fields)
            rows.append(
                "(\(seq), \(literal(event["at"])), \(literal(event["actor_login"])), \(literal(event["actor"])), \(literal(event["on_behalf_of"])), \(literal(event["action"])), \(literal(event["entity"])), \(literal(event["entity_id"])), \(literal(payload)), \(literal(event["reason"])), '\(previous)', '\(hash)')"
            )
            previous = hash
            seq += 1
        }
        let bypass =
            engine == .sqlite
            ? "DROP TRIGGER trail_no_delete; DROP TRIGGER trail_append;" : "SET session_replication_role = replica;"
        try engine.execute(
            bypass + "DELETE FROM trail WHERE seq >= \(from); INSERT INTO trail VALUES " + rows.joined(separator: ", "),
            in: database)
    }

    @Test(arguments: CommandEngine.allCases) func aChainRebuiltConsistentlyIsCaughtByTheHeadsKeptElsewhere(
        _ engine: CommandEngine
    ) throws {
        let folder = try TemporaryDirectory()
        let (database, environment) = try Self.council(engine, in: folder)
        let key = "\(folder.path)/lead.key"
        let keygen = CommandRunner.run(["log", "keygen", "--out", key])
        #expect(keygen.status == 0 && keygen.output.contains("Public key: "))
        let publicKey = String(keygen.output.split(separator: "Public key: ").last ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(CommandRunner.run(["log", "keygen", "--out", key]).status == 1, "an existing key is never overwritten")
        let signed = Self.run(
            ["log", "checkpoint", "--key", key, "--out", "\(folder.path)/cp.json"], on: database, environment)
        #expect(signed.status == 0, "\(signed.errors)")
        let intact = Self.run(
            ["log", "verify", "--checkpoint", "\(folder.path)/cp.json", "--trusted-key", publicKey], on: database,
            environment)
        #expect(intact.status == 0 && intact.output.contains("matches"), "\(intact.output)\(intact.errors)")

        // The first event rewritten, the checkpoint event dropped, every hash after made again.
        try Self.rebuild(engine, database, from: 1, dropping: "checkpoint.signed")
        // The chain alone checks; the head this machine remembers does not.
        let elsewhere = CommandRunner.run(["log", "verify", "--database", database])
        #expect(elsewhere.status == 0, "with nothing kept elsewhere, a consistent rebuild passes: \(elsewhere.errors)")
        let anyCommand = Self.run(["audit", "list"], on: database, environment)
        #expect(anyCommand.errors.contains("the trail no longer extends the head this machine last saw"))
        let remembered = Self.run(["log", "verify"], on: database, environment)
        #expect(remembered.status == 1 && remembered.errors.contains("the head this machine remembers"))
        // The signed checkpoint file, on another machine.
        let checked = CommandRunner.run([
            "log", "verify", "--checkpoint", "\(folder.path)/cp.json", "--database", database,
        ])
        #expect(checked.status == 1)
        #expect(checked.errors.contains("cp.json"), "\(checked.output)\(checked.errors)")
    }
}
