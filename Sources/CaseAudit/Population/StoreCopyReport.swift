/// What moving a council from one store to another copied: each table's rows and content
/// hash, found equal on both sides before the copy was kept.
public struct StoreCopyReport: Sendable, Hashable, Encodable {
    /// One table's copy, as checked.
    public struct Table: Sendable, Hashable, Encodable {
        public var name: String
        public var rows: Int
        /// SHA-256 (hex) of the table's rows in key order, in a form both engines give alike.
        public var hash: String

        public init(name: String, rows: Int, hash: String) {
            self.name = name
            self.rows = rows
            self.hash = hash
        }
    }

    public var source: String
    public var target: String
    public var tables: [Table]

    public init(source: String, target: String, tables: [Table]) {
        self.source = source
        self.target = target
        self.tables = tables
    }
}
