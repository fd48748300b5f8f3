import CLibPQ
import CaseAudit
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One connection to a PostgreSQL server through libpq, PostgreSQL's own client: the
/// connection string is libpq's (a `postgresql://` URI or `key=value` pairs), and libpq reads
/// what administrators expect (`PGHOST`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`, `~/.pgpass`,
/// `pg_service.conf`). Calls are synchronous and serialised: one statement at a time.
final class PGConnection: Sendable {
    private let handle: Mutex<OpaquePointer>
    /// The statements prepared on this connection (`execute(prepared:)`), by name; a new
    /// connection (after a reconnect) has none.
    private let prepared = Mutex<Set<String>>([])
    /// Set when a statement failed on the client's side (no SQLSTATE: the server went away):
    /// libpq may still say the connection is fine when only the sending failed.
    private let lost = Atomic(false)
    /// How many `transaction` calls are running: one begun inside another joins it.
    private let depth = Atomic(0)
    /// Set when a statement lost a serialization race or a deadlock (SQLSTATE 40001, 40P01),
    /// until the next transaction begins: a transaction that joined another hands its failure
    /// up as the store's error, and the one that began it asks here whether to run again.
    private let raced = Atomic(false)

    /// Connects, or throws what libpq says, without the password (libpq quotes a URI it cannot
    /// read whole, its password too).
    init(_ conninfo: String) throws(PGError) {
        guard let connection = PQconnectdb(conninfo) else { throw PGError(message: "out of memory") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection))
            PQfinish(connection)
            throw PGError(message: ConnectionString.scrubbed(message.trimmingWhitespace, of: conninfo))
        }
        // The server's notices (a warning that it is shutting down, say) are not for the
        // user's terminal, where libpq would print them over the scoring screen.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = Mutex(connection)
        _ = try execute(Self.sessionSettings)
    }

    /// Every session's settings. No JIT: caseaudit's statements are short, but row-level
    /// security's sub-plans make the planner price some of them as large, and compiling them
    /// cost an auditor's `audit list` 0.9 s of its 1.0 (75 ms without).
    static let sessionSettings = "SET client_min_messages = warning; SET jit = off"

    deinit { handle.withLock { PQfinish($0) } }

    /// Whether `server init` has set the rights (before it, nobody's reading or writing is
    /// limited).
    func rightsAreSet() throws -> Bool {
        try execute("SELECT to_regproc('caseaudit_is_lead') IS NOT NULL AS rights").first?.bool("rights") == true
    }

    /// Whether the session is a quality lead, as the rights say; nil before they are set.
    /// Asked apart: a call to a function that does not exist is refused as it is read.
    func leads() throws -> Bool? {
        guard try rightsAreSet() else { return nil }
        return try execute("SELECT caseaudit_is_lead() AS lead").first?.bool("lead") == true
    }

    /// Runs one statement with `$1`, `$2`… bound to `parameters` (as text; nil is NULL).
    @discardableResult
    func execute(_ sql: String, _ parameters: [(any PGBindable)?] = []) throws(PGError) -> PGRows {
        let texts = parameters.map { $0?.pgText }
        return try handle.withLock { connection throws(PGError) -> PGRows in
            // Without parameters, a script of several statements may run (the migrations).
            let result =
                texts.isEmpty
                ? PQexec(connection, sql)
                : Self.withCStrings(texts) { values in
                    PQexecParams(connection, sql, Int32(values.count), nil, values, nil, nil, 0)
                }
            return try rows(of: result, on: connection)
        }
    }

    /// A statement's result as rows, or what the server (or libpq) refused; a refusal with no
    /// SQLSTATE is the client's side failing, and marks the connection lost.
    private func rows(of result: OpaquePointer?, on connection: OpaquePointer) throws(PGError) -> PGRows {
        guard let result else {
            lost.store(true, ordering: .relaxed)
            throw PGError(message: String(cString: PQerrorMessage(connection)))
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_COPY_IN: return PGRows(result)
        default:
            let error = PGError(result)
            if error.sqlState == nil { lost.store(true, ordering: .relaxed) }
            if error.lostARace { raced.store(true, ordering: .relaxed) }
            throw error
        }
    }

    /// Runs a statement the server parses and plans once per connection (under `name`), for
    /// the statements run on every key: `$1`, `$2`… bound to `parameters` as `execute` does.
    @discardableResult
    func execute(prepared name: String, _ sql: String, _ parameters: [(any PGBindable)?]) throws(PGError) -> PGRows {
        let texts = parameters.map { $0?.pgText }
        let known = prepared.withLock { $0.contains(name) }
        return try handle.withLock { connection throws(PGError) -> PGRows in
            if !known {
                _ = try rows(of: PQprepare(connection, name, sql, Int32(texts.count), nil), on: connection)
                prepared.withLock { _ = $0.insert(name) }
            }
            return try rows(
                of: Self.withCStrings(texts) { values in
                    PQexecPrepared(connection, name, Int32(values.count), values, nil, nil, 0)
                }, on: connection)
        }
    }

    /// `COPY … FROM STDIN`, with `body` writing the lines as it makes them (so a million rows
    /// are never all in memory). If `body` throws, the copy is cancelled and nothing is kept.
    func copyIn(_ sql: String, _ body: (inout PGCopySink) throws -> Void) throws {
        try handle.withLock { connection in
            guard let started = PQexec(connection, sql) else {
                throw PGError(message: String(cString: PQerrorMessage(connection)))
            }
            let status = PQresultStatus(started)
            PQclear(started)
            guard status == PGRES_COPY_IN else { throw PGError(message: String(cString: PQerrorMessage(connection))) }
            var sink = PGCopySink(connection: connection)
            do {
                try body(&sink)
                try sink.flush()
            } catch {
                _ = PQputCopyEnd(connection, "cancelled by caseaudit")
                while let result = PQgetResult(connection) { PQclear(result) }
                throw error
            }
            guard PQputCopyEnd(connection, nil) == 1 else {
                throw PGError(message: String(cString: PQerrorMessage(connection)))
            }
            while let result = PQgetResult(connection) {
                defer { PQclear(result) }
                if PQresultStatus(result) != PGRES_COMMAND_OK { throw PGError(result) }
            }
        }
    }

    /// `COPY … TO STDOUT`: hands each line (COPY's text format, without its newline) to
    /// `line` as the server sends it.
    func copyOut(_ sql: String, _ line: (String) throws -> Void) throws {
        try copyOutMessages(sql) { bytes in
            let count = bytes.count - (bytes.last == 0x0A ? 1 : 0)
            try line(String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<count]), as: UTF8.self))
        }
    }

    /// `COPY … TO STDOUT (FORMAT binary)`: each row's fields handed to `row` straight from
    /// libpq's buffer, valid only during the call, so a million rows make no strings but those
    /// the reader keeps. Text goes as its bytes, with nothing to escape or unescape, which
    /// costs the server about half what the text format does.
    func copyOutBinary(_ sql: String, _ row: (inout PGBinaryRow) throws -> Void) throws {
        var first = true
        try copyOutMessages(sql) { message in
            var fields = PGBinaryRow(message)
            if first {
                first = false
                guard fields.skipHeader() else { throw PGError(message: "COPY's binary header was not as expected") }
            }
            if fields.begin() { try row(&fields) }
        }
    }

    /// `COPY … TO STDOUT`, each message (a row, in either format) handed to `message` as the
    /// server sends it.
    private func copyOutMessages(_ sql: String, _ message: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try handle.withLock { connection in
            guard let started = PQexec(connection, sql) else {
                throw PGError(message: String(cString: PQerrorMessage(connection)))
            }
            let status = PQresultStatus(started)
            defer { PQclear(started) }
            guard status == PGRES_COPY_OUT else { throw PGError(started) }
            var failure: (any Error)?
            while true {
                var buffer: UnsafeMutablePointer<CChar>?
                let length = PQgetCopyData(connection, &buffer, 0)
                if length == -1 { break }
                guard length >= 0, let buffer else {
                    throw PGError(message: String(cString: PQerrorMessage(connection)))
                }
                defer { PQfreemem(buffer) }
                // Keep reading to the end after a failure, so the connection is usable again.
                if failure == nil {
                    let bytes = UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
                    do { try message(UnsafeBufferPointer(start: bytes, count: Int(length))) } catch { failure = error }
                }
            }
            while let result = PQgetResult(connection) {
                defer { PQclear(result) }
                if PQresultStatus(result) != PGRES_COMMAND_OK { throw PGError(result) }
            }
            if let failure { throw failure }
        }
    }

    /// Whether the connection is gone: the server stopped or restarted, or the network dropped.
    var isBroken: Bool { lost.load(ordering: .relaxed) || handle.withLock { PQstatus($0) != CONNECTION_OK } }

    /// Whether the session is between transactions (not in one, nor running a statement).
    var isIdle: Bool { handle.withLock { PQtransactionStatus($0) == PQTRANS_IDLE } }

    /// Connects again, with the same parameters, if the connection is gone; throws (SQLSTATE
    /// 08006) while the server still cannot be reached. Only ever between transactions: a
    /// statement of a transaction must never go on in a new session.
    func reconnectIfBroken() throws(PGError) {
        let reconnected = try handle.withLock { connection throws(PGError) -> Bool in
            guard lost.load(ordering: .relaxed) || PQstatus(connection) != CONNECTION_OK else { return false }
            PQreset(connection)
            guard PQstatus(connection) == CONNECTION_OK else {
                throw PGError(
                    message: String(cString: PQerrorMessage(connection)).trimmingWhitespace,
                    sqlState: PGError.connectionFailure)
            }
            lost.store(false, ordering: .relaxed)
            prepared.withLock { $0.removeAll() }
            return true
        }
        if reconnected { _ = try execute(Self.sessionSettings) }
    }

    /// Whether the statement that failed in the transaction last begun lost a race.
    var lostARace: Bool { raced.load(ordering: .relaxed) }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// A connection found gone when the transaction begins (nothing of it sent yet) is made
    /// again first, so a server restarted between two changes costs the user nothing. Inside
    /// another transaction, `body` runs in that one. `begin` may name an isolation level.
    func transaction<T>(begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
        if depth.load(ordering: .relaxed) > 0 { return try body() }
        try reconnectIfBroken()
        raced.store(false, ordering: .relaxed)
        do {
            try execute(begin)
        } catch  where isBroken {
            try reconnectIfBroken()
            try execute(begin)
        }
        depth.add(1, ordering: .relaxed)
        defer { depth.subtract(1, ordering: .relaxed) }
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    private static func withCStrings<R>(_ texts: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = texts.map { $0.flatMap { strdup($0) } }
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeMutableBufferPointer { buffer in
            body(buffer.map { $0.map { UnsafePointer($0) } })
        }
    }
}

/// Where `COPY … FROM STDIN` lines go: bytes in COPY's text format, buffered, and sent a
/// chunk at a time (`PGSendBuffer`).
struct PGCopySink {
    fileprivate let connection: OpaquePointer
    private var buffer: [UInt8] = []
    /// What is sent at once.
    private let chunk: Int

    fileprivate init(connection: OpaquePointer) {
        self.connection = connection
        chunk = PGSendBuffer.prepare(PQsocket(connection))
        buffer.reserveCapacity(chunk + 1 << 16)
    }

    /// Adds one line (COPY's text format, without its newline).
    mutating func line(_ text: String) throws(PGError) {
        buffer.append(contentsOf: text.utf8)
        try endLine()
    }

    /// Adds one field, escaped (nil is NULL), and the tab after it unless it ends the line.
    mutating func field(_ value: String?, last: Bool = false) {
        PGCopy.escape(value, into: &buffer)
        endField(last)
    }

    /// Adds a whole number as a field.
    mutating func field(_ number: Int64, last: Bool = false) {
        buffer.append(contentsOf: String(number).utf8)
        endField(last)
    }

    /// A whole number's digits, worked out once for a field that is the same on every line.
    struct Number {
        fileprivate let digits: [UInt8]

        init(_ value: Int64) {
            digits = Array(String(value).utf8)
        }
    }

    mutating func field(_ number: Number, last: Bool = false) {
        buffer.append(contentsOf: number.digits)
        endField(last)
    }

    /// Adds a field that `write` appends itself, needing no escapes (digits, a date).
    mutating func field(writing write: (inout [UInt8]) -> Void, last: Bool = false) {
        write(&buffer)
        endField(last)
    }

    /// The tab after a field, unless it ends the line.
    private mutating func endField(_ last: Bool) {
        if !last { buffer.append(0x09) }
    }

    /// Ends the line; sends what is buffered once it passes `chunk`.
    mutating func endLine() throws(PGError) {
        buffer.append(0x0A)
        if buffer.count > chunk { try flush() }
    }

    fileprivate mutating func flush() throws(PGError) {
        guard !buffer.isEmpty else { return }
        let sent = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else { throw PGError(message: String(cString: PQerrorMessage(connection))) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// What the server refused: its SQLSTATE (e.g. 23505, a unique violation) and message.
struct PGError: Error, Sendable {
    var sqlState: String?
    var message: String

    /// SQLSTATE 08006: the connection failed (or could not be made again).
    static let connectionFailure = "08006"

    /// SQLSTATE 42501: the session lacks the right (to a table, a schema, a function).
    static let insufficientPrivilege = "42501"

    /// Whether the statement lost a serialization race or a deadlock (SQLSTATE 40001,
    /// 40P01): its transaction, run again, may well succeed.
    var lostARace: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// `message` on one line: libpq's run over several, indented with tabs.
    init(message: String, sqlState: String? = nil) {
        self.message = message.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
            .joined(separator: " ")
        self.sqlState = sqlState
    }

    init(_ result: OpaquePointer) {
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C")))
        let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M")))
        self.init(
            message: primary.map { String(cString: $0) } ?? String(cString: PQresultErrorMessage(result)),
            sqlState: state.map { String(cString: $0) })
    }
}

/// A result's rows, copied out of libpq, with values as text (nil for NULL).
struct PGRows: Sendable {
    var columns: [String]
    var rows: [[String?]]

    init(_ result: OpaquePointer) {
        let fields = Int(PQnfields(result))
        columns = (0..<fields).map { String(cString: PQfname(result, Int32($0))) }
        rows = (0..<Int(PQntuples(result))).map { row in
            (0..<fields).map { field in
                PQgetisnull(result, Int32(row), Int32(field)) == 1
                    ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(field)))
            }
        }
    }

    var first: PGRow? { rows.first.map { PGRow(columns: columns, values: $0) } }
    var all: [PGRow] { rows.map { PGRow(columns: columns, values: $0) } }
}

/// One row, read by column name.
struct PGRow: Sendable {
    var columns: [String]
    var values: [String?]

    func text(_ name: String) -> String? {
        columns.firstIndex(of: name).flatMap { values[$0] }
    }

    func string(_ name: String) -> String { text(name) ?? "" }
    func int(_ name: String) -> Int64? { text(name).flatMap { Int64($0) } }
    func double(_ name: String) -> Double? { text(name).flatMap { Double($0) } }
    func bool(_ name: String) -> Bool? { text(name).map { $0 == "t" || $0 == "true" } }
}

/// A value bound to a statement, as PostgreSQL's text format.
protocol PGBindable: Sendable {
    var pgText: String { get }
}

extension String: PGBindable { var pgText: String { self } }
extension Int: PGBindable { var pgText: String { String(self) } }
extension Int64: PGBindable { var pgText: String { String(self) } }
extension Double: PGBindable { var pgText: String { String(self) } }
extension Bool: PGBindable { var pgText: String { self ? "true" : "false" } }
extension EntityID: PGBindable { var pgText: String { String(rawValue) } }
