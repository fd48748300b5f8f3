/// A calendar month an audit programme runs in, written YYYY-MM.
public struct AuditMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init?(year: Int, month: Int) {
        guard (2000...2999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Exactly `YYYY-MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month after the one `date` falls in: the latest month a sample may be drawn for.
    public static func following(_ date: CalendarDate) -> AuditMonth {
        let month = date.month == 12 ? 1 : date.month + 1
        let year = date.month == 12 ? date.year + 1 : date.year
        // A CalendarDate's month is 1...12; its year is clamped into the range months allow.
        return AuditMonth(clampedYear: min(max(year, 2000), 2999), month: month)
    }

    private init(clampedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The month `count` months earlier.
    public func subtracting(months count: Int) -> AuditMonth {
        let index = year * 12 + (month - 1) - count
        return AuditMonth(clampedYear: min(max(index / 12, 2000), 2999), month: index % 12 + 1)
    }

    /// The month's last day: audits of a month's sample are due by then.
    public var lastDay: CalendarDate {
        // A month is valid (2000...2999, 1...12), so its day count is its last day.
        CalendarDate(uncheckedYear: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
    }

    /// Every month a programme can have: 2000-01 to 2999-12.
    public static let all = AuditMonth(clampedYear: 2000, month: 1)...AuditMonth(clampedYear: 2999, month: 12)

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = AuditMonth(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not YYYY-MM: \(text)"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
