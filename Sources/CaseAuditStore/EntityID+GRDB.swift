import CaseAudit
import GRDB

/// An id is stored as its number.
extension EntityID: SQLExpressible {}
extension EntityID: StatementBinding {}
extension EntityID: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? {
        Int64.fromDatabaseValue(dbValue).map(Self.init(rawValue:))
    }
}
