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

    public init(records: [CaseRecord], format: Format, notes: [String] = []) {
        self.records = records
        self.format = format
        self.notes = notes
    }

    public var unallocatedCount: Int { records.filter { $0.team == nil }.count }
}
