import CaseAudit
import CaseAuditTestSupport

/// A store engine under test: how to make a fresh, empty store of it in a folder, and how to
/// open a second connection to the same data (as another process, or another auditor's
/// machine, would).
public struct StoreEngine: Sendable, CustomStringConvertible {
    public var name: String
    public var make: @Sendable (_ folder: TemporaryDirectory) throws -> any CaseAuditStore
    public var connectAgain: @Sendable (_ store: any CaseAuditStore) throws -> any CaseAuditStore

    public init(
        name: String, make: @escaping @Sendable (TemporaryDirectory) throws -> any CaseAuditStore,
        connectAgain: @escaping @Sendable (any CaseAuditStore) throws -> any CaseAuditStore
    ) {
        self.name = name
        self.make = make
        self.connectAgain = connectAgain
    }

    public var description: String { name }
}
