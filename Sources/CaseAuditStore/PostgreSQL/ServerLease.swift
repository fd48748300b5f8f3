import CaseAudit
import Dispatch
import Foundation
import Synchronization

/// One person per audit at a time, across machines: a lease row (who holds it, until when)
/// that any machine sees. The holder renews it from its own connection while the session
/// lasts and gives it up at the end; a lease whose holder's connection has gone (the client
/// was killed, the laptop shut) is free at once, and one whose holder stopped renewing runs
/// out after `term`; a quality
/// lead can break one sooner, with a reason (kept in `lease_break`). A write from a session
/// whose lease was broken is refused, so a late write is a conflict the user sees, not a
/// silent overwrite.
final class ServerLease: Sendable {
    /// How long a lease lasts without renewal.
    static let term = AuditHold.lapsesWithin
    /// Often enough that a server restart (which ends every connection) leaves a lease without
    /// its holder's connection for seconds, not minutes.
    static let renewEvery: Double = 15

    let audit: AuditID
    let session: String
    private let connection: PGConnection
    private let stopped = Mutex(false)

    private init(audit: AuditID, session: String, connection: PGConnection) {
        self.audit = audit
        self.session = session
        self.connection = connection
    }

    /// Takes the lease on its own connection, or nil when another session holds a live one.
    static func take(_ audit: AuditID, conninfo: String) throws -> ServerLease? {
        let connection = try PGConnection(conninfo)
        let session = UUID().uuidString
        let taken = try connection.execute(
            """
            INSERT INTO audit_lease (audit_id, holder, session, taken_at, expires_at, backend_pid)
            VALUES ($1, session_user, $2, now(), now() + interval '\(term)', pg_backend_pid())
            ON CONFLICT (audit_id) DO UPDATE SET holder = EXCLUDED.holder, session = EXCLUDED.session,
                taken_at = EXCLUDED.taken_at, expires_at = EXCLUDED.expires_at, backend_pid = EXCLUDED.backend_pid
            WHERE NOT caseaudit_lease_live(audit_lease.expires_at, audit_lease.backend_pid)
            RETURNING session
            """, [audit, session])
        guard !taken.rows.isEmpty else { return nil }
        let lease = ServerLease(audit: audit, session: session, connection: connection)
        lease.scheduleRenewal()
        return lease
    }

    private func scheduleRenewal() {
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.renewEvery) { [weak self] in
            guard let self, !self.stopped.withLock({ $0 }) else { return }
            // A server restarted since the last renewal: connect again, then renew.
            try? self.connection.reconnectIfBroken()
            _ = try? self.connection.execute(
                """
                UPDATE audit_lease SET expires_at = now() + interval '\(Self.term)', backend_pid = pg_backend_pid()
                WHERE audit_id = $1 AND session = $2
                """,
                [self.audit, self.session])
            self.scheduleRenewal()
        }
    }

    /// A lease row's columns that say whose it is and since when (`hold(from:)` reads them).
    static let holdColumns = "holder, to_char(taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS since"

    /// The hold a row with `holdColumns` describes.
    static func hold(from row: PGRow) -> AuditHold {
        AuditHold(holder: row.string("holder"), since: row.string("since"))
    }

    /// Who holds the audit's live lease, and since when; nil when none is held (it was given
    /// up, or it lapsed, since it was seen).
    static func hold(_ audit: AuditID, on connection: PGConnection) throws -> AuditHold? {
        try connection.execute(
            """
            SELECT \(holdColumns)
            FROM audit_lease WHERE audit_id = $1 AND caseaudit_lease_live(expires_at, backend_pid)
            """, [audit]
        ).first.map(hold(from:))
    }

    /// Gives the lease up (if it is still this session's).
    func release() {
        stopped.withLock { $0 = true }
        try? connection.reconnectIfBroken()
        _ = try? connection.execute(
            "DELETE FROM audit_lease WHERE audit_id = $1 AND session = $2", [audit, session])
    }
}
