import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A throwaway PostgreSQL 15 cluster for the tests: made in a temporary folder on first use,
/// listening only on a Unix socket there (no TCP), run as the `postgres` user when the tests
/// run as root (as CI does: the server refuses root), and stopped when the test process ends.
/// `fsync=off`: these are functional tests, never durability ones.
public final class PostgresServer: Sendable {
    /// The folder of the socket, the data and the log.
    public let folder: String
    public let port: Int
    /// The superuser the cluster was made with.
    public let admin = "caseaudit_admin"

    public static let binaries = "/usr/lib/postgresql/15/bin"

    private static let started = Mutex<Result<PostgresServer, PostgresServerError>?>(nil)

    /// The server, started the first time it is asked for.
    public static func shared() throws(PostgresServerError) -> PostgresServer {
        try started.withLock { state throws(PostgresServerError) -> PostgresServer in
            if let state { return try state.get() }
            let result = Result { () throws(PostgresServerError) in try PostgresServer() }
            state = result
            if case .success(let server) = result { Self.stopAtExit(server) }
            return try result.get()
        }
    }

    /// The options the server runs with.
    private let options: String
    private let asRoot = getuid() == 0

    private init(durable: Bool = false) throws(PostgresServerError) {
        folder = "/tmp/caseaudit-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        port = 50_000 + Int(getpid() % 10_000)
        // A durable server keeps every acknowledged commit through a crash of its own processes
        // (synchronous_commit on; fsync off is still safe, as the machine itself does not crash).
        options =
            "-k \(folder) -c listen_addresses='' -p \(port) -c fsync=off -c max_connections=200"
            + (durable ? "" : " -c synchronous_commit=off")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PostgresServerError("cannot make \(folder): \(error)")
        }
        if asRoot { try Self.run("/bin/chown", ["postgres:", folder]) }
        try Self.run(
            "\(Self.binaries)/initdb",
            ["-D", "\(folder)/data", "-U", admin, "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"],
            asPostgres: asRoot)
        try start()
    }

    /// A server of the caller's own, for tests that stop and start it (fault tests): durable,
    /// and stopped and removed by `remove()`.
    public static func ownServer() throws(PostgresServerError) -> PostgresServer {
        try PostgresServer(durable: true)
    }

    /// Starts the server (again), waiting until it takes connections.
    public func start() throws(PostgresServerError) {
        try Self.run(
            "\(Self.binaries)/pg_ctl", ["-D", "\(folder)/data", "-l", "\(folder)/log", "-w", "-o", options, "start"],
            asPostgres: asRoot)
    }

    /// Stops the server as a crash would: every process killed at once, nothing flushed or
    /// finished (`pg_ctl -m immediate`); its next start recovers from the write-ahead log.
    public func crash() throws(PostgresServerError) {
        try Self.run(
            "\(Self.binaries)/pg_ctl", ["-D", "\(folder)/data", "-m", "immediate", "-w", "stop"], asPostgres: asRoot)
    }

    /// Stops an own server and removes its folder.
    public func remove() {
        _ = try? Self.run(
            "\(Self.binaries)/pg_ctl", ["-D", "\(folder)/data", "-m", "immediate", "-w", "stop"], asPostgres: asRoot)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A new, empty database on this server; its connection string.
    public func makeDatabase() throws(PostgresServerError) -> String {
        let name = "caseaudit_\(UInt64.random(in: 0...UInt64.max))"
        try Self.run("\(Self.binaries)/psql", ["-X", "-q", "-d", conninfo(), "-c", "CREATE DATABASE \(name)"])
        return conninfo(database: name)
    }

    /// A new, empty database on the shared server, for one store under test; its connection
    /// string.
    public static func freshDatabase() throws(PostgresServerError) -> String {
        try shared().makeDatabase()
    }

    /// Runs SQL as the admin, in `database` (of a connection string `freshDatabase` gave).
    public static func execute(_ sql: String, in conninfo: String) throws(PostgresServerError) {
        try run("\(binaries)/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-c", sql])
    }

    /// Runs a query with psql as whoever `conninfo` names, and returns its rows (unaligned,
    /// values only); a refusal is thrown with psql's message.
    public static func query(_ sql: String, in conninfo: String) throws(PostgresServerError) -> String {
        try run("\(binaries)/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-c", sql])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// libpq's connection string for `database` as `user` (the admin by default).
    public func conninfo(database: String = "postgres", user: String? = nil) -> String {
        "host=\(folder) port=\(port) dbname=\(database) user=\(user ?? admin)"
    }

    private static func stopAtExit(_ server: PostgresServer) {
        stopping.withLock { $0 = (server.folder, getuid() == 0) }
        atexit {
            guard let (folder, asRoot) = PostgresServer.stopping.withLock({ $0 }) else { return }
            _ = try? PostgresServer.run(
                "\(PostgresServer.binaries)/pg_ctl", ["-D", "\(folder)/data", "-m", "immediate", "-w", "stop"],
                asPostgres: asRoot)
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    private static let stopping = Mutex<(String, Bool)?>(nil)

    /// Runs a program to its end (posix_spawn and waitpid: Foundation's Process could wait for
    /// ever on pg_ctl, whose server outlives it); its output is kept in a file and goes into
    /// the error on failure.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], asPostgres: Bool = false) throws(PostgresServerError)
        -> String
    {
        let argv =
            asPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] + arguments : [program] + arguments
        let log = "/tmp/caseaudit-pg-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log"
        defer { unlink(log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pointers = argv.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &pointers, environ)
        guard spawned == 0 else {
            throw PostgresServerError("cannot run \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw PostgresServerError("\(argv.joined(separator: " ")) failed (status \(status)): \(output)")
        }
        return output
    }
}

public struct PostgresServerError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
