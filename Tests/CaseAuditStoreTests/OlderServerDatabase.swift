import CaseAuditTestSupport

@testable import CaseAuditStore

/// A database on the tests' server as an older caseaudit left it: the migrations before
/// `version` applied and recorded, then `then` (rows, rights) run; its connection string.
enum OlderServerDatabase {
    static func make(before version: Int, then: (_ database: String) throws -> String = { _ in "" }) throws -> String {
        let database = try PostgresServer.freshDatabase()
        var script =
            "CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);"
        for migration in ServerSchema.migrations where migration.version < version {
            script += migration.sql() + ";\nINSERT INTO schema_migration VALUES (\(migration.version), 'v', 'then');\n"
        }
        try PostgresServer.execute(script + (try then(database)), in: database)
        return database
    }
}
