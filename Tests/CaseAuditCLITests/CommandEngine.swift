import CaseAuditTestSupport
import Testing

/// The stores a command test runs against: a SQLite file in the test's folder, and a fresh
/// database on the suite's PostgreSQL server. The same commands and the same assertions on both.
enum CommandEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    var testDescription: String { rawValue }

    /// A new, empty database of this engine.
    func newDatabase(in folder: TemporaryDirectory) throws -> String {
        switch self {
        case .sqlite: "\(folder.path)/test.sqlite"
        case .postgresql: try PostgresServer.freshDatabase()
        }
    }

    /// Who the engine says the tests are: the account holding the file, or the database login.
    func login() throws -> String {
        switch self {
        case .sqlite: Fixtures.account
        case .postgresql: try PostgresServer.shared().admin
        }
    }

    /// The demo org chart of `Samples/` as this engine's tests import it: on a file as it is
    /// (the file's holder leads); on a server with a login column giving its quality lead
    /// (qa1) the tests' database login. Either way 117 people and 12 teams.
    func sampleChart(in folder: TemporaryDirectory) throws -> String {
        let chart = "\(Fixtures.packageRoot)/Samples/org.csv"
        guard self == .postgresql else { return chart }
        let login = try login()
        let lines = try String(contentsOfFile: chart, encoding: .utf8).split(whereSeparator: \.isNewline)
        let rows = lines.enumerated().map { index, line in
            index == 0 ? line + ",login" : line + (line.hasPrefix("qa1,") ? ",\(login)" : ",")
        }
        return try folder.write("org-\(rawValue).csv", rows.joined(separator: "\n") + "\n")
    }

    /// The demo council of `Samples/` (org chart, then case list) into `database`, with the
    /// tests the council's quality lead (`sampleChart`).
    func importSampleCouncil(into database: String, in folder: TemporaryDirectory) throws {
        #expect(CommandRunner.run(["org", "import", try sampleChart(in: folder), "--database", database]).status == 0)
        #expect(
            CommandRunner.run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv", "--database", database])
                .status == 0)
    }

    /// Runs SQL on the database directly, as its owner would with `sqlite3` or `psql`.
    func execute(_ sql: String, in database: String) throws {
        switch self {
        case .sqlite: try DatabaseQueueForTests(path: database).execute(sql)
        case .postgresql: try PostgresServer.execute(sql, in: database)
        }
    }
}
