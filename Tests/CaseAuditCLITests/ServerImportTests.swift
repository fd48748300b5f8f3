import CaseAuditTestSupport
import Foundation
import GRDB
import Testing

/// `server import FILE.sqlite`: a council moved from the embedded store to a real server, all
/// of it, checked, or nothing; the file is only read.
@Suite(.serialized) struct ServerImportTests {
    /// The demo's six months of audits, in a file of this test's own (other suites read the demo's).
    static func demoCopy(in folder: TemporaryDirectory) throws -> String {
        let demo = try DemoFixture.run.get()
        let path = "\(folder.path)/council.sqlite"
        let source = try DatabaseQueue(path: demo.database)
        try source.backup(to: try DatabaseQueue(path: path))
        return path
    }

    /// A council's schema owner is an ordinary role, as the README sets it up, not a superuser:
    /// the copy runs with the triggers on, and copies every case list's rows at once.
    @Test func theSchemasOwnerMovesACouncilWithoutBeingASuperuser() throws {
        let folder = try TemporaryDirectory("caseaudit-server-import-owner")
        let file = try Self.demoCopy(in: folder)
        let server = try PostgresServer.shared()
        let owner = "council_owner_\(UInt32.random(in: 0...UInt32.max))"
        let database = "council_\(UInt32.random(in: 0...UInt32.max))"
        // Each its own statement: CREATE DATABASE cannot run in a transaction.
        try PostgresServer.execute("CREATE ROLE \(owner) LOGIN CREATEROLE", in: server.conninfo())
        try PostgresServer.execute("CREATE DATABASE \(database) OWNER \(owner)", in: server.conninfo())
        try PostgresServer.execute(
            "ALTER SCHEMA public OWNER TO \(owner)", in: server.conninfo(database: database))
        let asOwner = server.conninfo(database: database, user: owner)
        #expect(
            try PostgresServer.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", in: asOwner) == "f")
        let copied = CommandRunner.run(["server", "import", file, "--database", asOwner, "--format", "json"])
        #expect(copied.status == 0, "\(copied.errors)")
        // As JSON: each table copied, its rows and the content hash both sides gave.
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(copied.output.utf8)) as? [String: Any], "\(copied.output)")
        let tables = try #require(report["tables"] as? [[String: Any]])
        #expect(tables.count == 26 && report["target"] as? String == asOwner)
        let trail = try #require(tables.first { $0["name"] as? String == "trail" })
        #expect((trail["rows"] as? Int ?? 0) > 0 && (trail["hash"] as? String)?.count == 64, "\(trail)")
        let rows = try PostgresServer.query(
            "SELECT count(*) FROM case_record", in: server.conninfo(database: database))
        #expect(Int(rows) ?? 0 > 0)
        let verified = CommandRunner.run(["log", "verify", "--database", asOwner])
        #expect(verified.status == 0 && verified.output.contains("intact"), "\(verified.output)\(verified.errors)")
    }

    @Test func aCouncilMovesWholeAndReportsAlikeOnTheServer() throws {
        let folder = try TemporaryDirectory("caseaudit-server-import")
        let file = try Self.demoCopy(in: folder)
        // A month's moderation drawn, so that its tables hold rows to copy.
        let moderation = CommandRunner.run(["moderation", "draw", "--month", "2026-11", "--seed", "4"], on: file)
        #expect(moderation.status == 0, "\(moderation.errors)")
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let server = try PostgresServer.freshDatabase()

        let copied = CommandRunner.run(["server", "import", file, "--database", server])
        #expect(copied.status == 0, "\(copied.errors)")
        #expect(copied.output.contains("in 26 tables, each read back and found the same"))
        #expect(copied.output.contains("audit_answer"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "the file was written to")

        // The moderation draws again, identically, from what the server holds.
        let redrawn = CommandRunner.run(["moderation", "redraw", "--month", "2026-11"], on: server)
        #expect(redrawn.status == 0 && redrawn.output.contains("Identical"), "\(redrawn.errors)")
        // Every audit, and the monthly summary, read the same from either store.
        let audits = try PostgresServer.query("SELECT count(*) FROM audit WHERE submitted_at IS NOT NULL", in: server)
        #expect(Int(audits) ?? 0 > 100)
        #expect(
            CommandRunner.run(["audit", "list"], on: server).output
                == CommandRunner.run(["audit", "list"], on: file).output
        )
        // The case list's counts, which the server keeps apart, are counted from the rows copied.
        let counts = CommandRunner.run(["cases", "summary"], on: server)
        #expect(counts.status == 0 && counts.output.contains("total"), "\(counts.output)\(counts.errors)")
        #expect(counts.output == CommandRunner.run(["cases", "summary"], on: file).output)
        for (database, out) in [(file, "file"), (server, "server")] {
            let report = CommandRunner.run([
                "report", "monthly", "--month", "2026-11", "--format", "md,json", "--out", "\(folder.path)/\(out)",
                "--database", database,
            ])
            #expect(report.status == 0, "\(report.errors)")
        }
        // The same but for the trail's head each names: the server's trail is the file's, with
        // the import's own event after it.
        func withoutHead(_ text: String) -> String {
            text.replacingOccurrences(
                of: #"event \d+, sha256 [0-9a-f]{64}"#, with: "<head>", options: .regularExpression
            )
            .replacingOccurrences(
                of: #",\s*"trailHead" : \{[^}]*\}"#, with: "", options: .regularExpression)
        }
        for name in ["summary.md", "summary.json"] {
            let fromFile = try String(contentsOfFile: "\(folder.path)/file/\(name)", encoding: .utf8)
            let fromServer = try String(contentsOfFile: "\(folder.path)/server/\(name)", encoding: .utf8)
            #expect(fromFile.contains("trail") && withoutHead(fromFile) == withoutHead(fromServer), "\(name) differs")
        }
        let fileTrail = CommandRunner.run(["log", "export", "--format", "jsonl"], on: file).output
        let serverTrail = CommandRunner.run(["log", "export", "--format", "jsonl"], on: server).output
        #expect(
            !fileTrail.isEmpty
                && serverTrail.hasPrefix(fileTrail.split(separator: "\n").dropLast().joined(separator: "\n")))
        #expect(serverTrail.contains("\"action\":\"council.imported\""))
        let verified = CommandRunner.run(["log", "verify"], on: server)
        #expect(verified.status == 0 && verified.output.contains("intact"), "\(verified.output)\(verified.errors)")

        // The server carries on where the file stopped: the next case list and sample are numbered after them.
        let lists = try PostgresServer.query("SELECT max(id) FROM case_snapshot", in: server)
        #expect(
            CommandRunner.run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv"], on: server).status == 0)
        #expect(
            try PostgresServer.query("SELECT max(id) FROM case_snapshot", in: server) == String((Int(lists) ?? 0) + 1))
        #expect(
            try PostgresServer.query("SELECT value FROM store_sequence WHERE name = 'case_snapshot'", in: server) == "2"
        )
    }

    @Test func aServerThatHoldsDataIsRefusedAndKept() throws {
        let folder = try TemporaryDirectory("caseaudit-server-import")
        let file = try Self.demoCopy(in: folder)
        let server = try PostgresServer.freshDatabase()
        CommandRunner.importSampleCouncil(into: server)
        let people = try PostgresServer.query("SELECT count(*) FROM person", in: server)

        let refused = CommandRunner.run(["server", "import", file, "--database", server])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("already holds \(people) people, 1 case list, "), "\(refused.errors)")
        #expect(refused.errors.contains("only an empty database is filled (nothing was written)"))
        #expect(try PostgresServer.query("SELECT count(*) FROM person", in: server) == people)
        #expect(try PostgresServer.query("SELECT count(*) FROM audit", in: server) == "0")
    }

    @Test func aCopyThatReadsBackDifferentlyKeepsNothing() throws {
        let folder = try TemporaryDirectory("caseaudit-server-import")
        let file = try Self.demoCopy(in: folder)
        let server = try PostgresServer.freshDatabase()
        #expect(CommandRunner.run(["whoami"], on: server).status == 0)  // makes the schema
        // Something on the server that changes what it is given: one note in every answer (even
        // while a superuser's copy has the ordinary triggers off).
        try PostgresServer.execute(
            """
            CREATE FUNCTION meddle() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.note := coalesce(NEW.note, '') || '!'; RETURN NEW; END $$;
            CREATE TRIGGER meddle BEFORE INSERT ON audit_answer FOR EACH ROW EXECUTE FUNCTION meddle();
            ALTER TABLE audit_answer ENABLE ALWAYS TRIGGER meddle;
            """, in: server)

        let refused = CommandRunner.run(["server", "import", file, "--database", server])
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains(
                "the copy of audit_answer did not match when read back (")
                && refused.errors.contains("different content"))
        for table in ["person", "case_record", "audit", "audit_answer", "rollup_grade"] {
            #expect(try PostgresServer.query("SELECT count(*) FROM \(table)", in: server) == "0", "\(table) kept rows")
        }
        #expect(try PostgresServer.query("SELECT sum(value) FROM store_sequence", in: server) == "0")
    }

    @Test func aFileFromAnOlderCaseauditIsBroughtUpToDateInACopyNotInPlace() throws {
        let folder = try TemporaryDirectory("caseaudit-server-import")
        let file = try Self.demoCopy(in: folder)
        // As a caseaudit before reallocations (migration v12) left it.
        try DatabaseQueue(path: file).write { db in
            try db.execute(sql: "DROP TABLE reallocation; DELETE FROM grdb_migrations WHERE identifier LIKE 'v12 %'")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let server = try PostgresServer.freshDatabase()
        let copied = CommandRunner.run(["server", "import", file, "--database", server])
        #expect(copied.status == 0, "\(copied.errors)")
        #expect(
            copied.output.split(separator: "\n").contains {
                $0.split(separator: " ").prefix(2) == ["reallocation", "0"]
            })
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "the file was migrated in place")
        let tables = try DatabaseQueue(path: file).read { db in try db.tableExists("reallocation") }
        #expect(!tables)
    }

    @Test func theTargetMustBeAServerAndTheSourceAFile() throws {
        let folder = try TemporaryDirectory("caseaudit-server-import")
        let file = try Self.demoCopy(in: folder)
        let toFile = CommandRunner.run(["server", "import", file, "--database", "\(folder.path)/other.sqlite"])
        #expect(toFile.status == 1)
        #expect(toFile.errors.contains("is a SQLite file: a council is imported into a PostgreSQL server"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/other.sqlite"))

        let server = try PostgresServer.freshDatabase()
        let missing = CommandRunner.run(["server", "import", "\(folder.path)/none.sqlite", "--database", server])
        #expect(missing.status == 1)
        // The file's fault, not the database's: no hint to check --database.
        #expect(
            missing.errors
                == "caseaudit: error: \(folder.path)/none.sqlite: cannot open the database: there is no such file\n")
        let notCaseaudit = "\(folder.path)/notes.txt"
        try "not a database".write(toFile: notCaseaudit, atomically: true, encoding: .utf8)
        let garbage = CommandRunner.run(["server", "import", notCaseaudit, "--database", server])
        #expect(garbage.status == 1)
        #expect(garbage.errors.contains("\(notCaseaudit): cannot open the database"))
    }
}
