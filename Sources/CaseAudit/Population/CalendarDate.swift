#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A date without a time or zone, as case lists record them.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today in UTC, from the system clock.
    public static func today() -> CalendarDate {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return CalendarDate(
            uncheckedYear: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    /// For values already known to be a valid date (from the C library's calendar).
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601 (`2025-03-31`, also with a time after it) or the UK's `31/03/2025`, from bytes
    /// (the import's fast path; surrounding spaces allowed). Inlinable, so that each caller's
    /// kind of bytes gets its own compiled loop: unspecialised, every byte went through the
    /// generic iterator's witnesses, and the dates were a third of a case list's import.
    @inlinable
    public init?<Bytes: Collection<UInt8>>(bytes: Bytes) {
        // Three numbers and their digit counts, without allocating: this runs twice per case.
        var numbers = (0, 0, 0)
        var digits = (0, 0, 0)
        var part = 0
        var separator: UInt8 = 0
        var started = false
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                started = true
                let value = Int(byte - 0x30)
                switch part {
                case 0: numbers.0 = numbers.0 * 10 + value; digits.0 += 1
                case 1: numbers.1 = numbers.1 * 10 + value; digits.1 += 1
                default: numbers.2 = numbers.2 * 10 + value; digits.2 += 1
                }
                if digits.0 > 4 || digits.1 > 4 || digits.2 > 4 { return nil }
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") {
                guard started, part < 2 else { return nil }
                if separator == 0 { separator = byte } else if separator != byte { return nil }
                part += 1
            } else if byte == 0x20 || byte == 0x09 {
                if started { break }  // trailing spaces, or a time after a space
            } else if byte == UInt8(ascii: "T"), part == 2 {
                break  // an ISO time
            } else {
                return nil
            }
        }
        guard part == 2, digits.0 > 0, digits.1 > 0, digits.2 > 0 else { return nil }
        if separator == UInt8(ascii: "-") {
            guard digits.0 == 4 else { return nil }
            self.init(year: numbers.0, month: numbers.1, day: numbers.2)
        } else {
            guard digits.2 == 4 else { return nil }
            self.init(year: numbers.2, month: numbers.1, day: numbers.0)
        }
    }

    /// ISO 8601 (`2025-03-31`, also with a time after it) or the UK's `31/03/2025`.
    public init?(parsing text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        let z = dayNumber + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return CalendarDate(uncheckedYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// yyyy-mm-dd, built from digits (the store writes two dates for each of a million cases).
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            write(into: UnsafeMutableRawBufferPointer(buffer))
            return 10
        }
    }

    /// Appends the date as `description` says it (ten bytes, yyyy-mm-dd), with no String made.
    package func append(to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 10))
        bytes.withUnsafeMutableBytes { write(into: UnsafeMutableRawBufferPointer(rebasing: $0[start..<start + 10])) }
    }

    private func write(into buffer: UnsafeMutableRawBufferPointer) {
        func digit(_ value: Int) -> UInt8 { UInt8(truncatingIfNeeded: 0x30 + value % 10) }
        buffer[0] = digit(year / 1000)
        buffer[1] = digit(year / 100)
        buffer[2] = digit(year / 10)
        buffer[3] = digit(year)
        buffer[4] = UInt8(ascii: "-")
        buffer[5] = digit(month / 10)
        buffer[6] = digit(month)
        buffer[7] = UInt8(ascii: "-")
        buffer[8] = digit(day / 10)
        buffer[9] = digit(day)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension CalendarDate {
    /// In JSON as "YYYY-MM-DD".
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(parsing: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date: expected YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
