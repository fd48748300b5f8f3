#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The time a store stamps on what it keeps (imports, draws, answers, submissions, actions
/// done), as UTC ISO 8601 to the second. Injected, so that a session run "as of" a day (tests,
/// training with `CASEAUDIT_TODAY`) keeps its records on that day.
public struct StoreClock: Sendable {
    public var timestamp: @Sendable () -> String

    public init(timestamp: @escaping @Sendable () -> String) {
        self.timestamp = timestamp
    }

    /// The system clock.
    public static let system = StoreClock { format(time(nil), day: nil) }

    /// `day` at the system's time of day.
    public static func on(_ day: CalendarDate) -> StoreClock {
        StoreClock { format(time(nil), day: day) }
    }

    private static func format(_ instant: time_t, day: CalendarDate?) -> String {
        var seconds = instant
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let date =
            day
            ?? CalendarDate(
                uncheckedYear: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        return "\(date)T\(two(Int(parts.tm_hour))):\(two(Int(parts.tm_min))):\(two(Int(parts.tm_sec)))Z"
    }
}
