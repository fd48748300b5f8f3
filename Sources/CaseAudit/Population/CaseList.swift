/// The cases read from one export: a population snapshot before it is stored.
public struct CaseList: Sendable {
    public enum Format: String, Sendable, CaseIterable, Codable {
        case csv
        case annexA = "annex-a"
        case cin
    }

    public var records: [CaseRecord]
    public var format: Format
    /// What the importer had to assume, for the user: "read as Windows-1252", etc.
    public var notes: [String]
    /// The SHA-256 of the bytes the list was read from, for the trail; nil when not read from
    /// a file.
    public var sha256: String?

    public init(records: [CaseRecord], format: Format, notes: [String] = [], sha256: String? = nil) {
        self.records = records
        self.format = format
        self.notes = notes
        self.sha256 = sha256
    }

    public var unallocatedCount: Int { records.filter { $0.team == nil }.count }
}
