/// The one way a number from outside input becomes an integer, a date or a size.
///
/// `Int(someDouble)` traps when the value is NaN, infinite or beyond `Int`'s range, and input
/// holds all three: a corrupted workbook's date serial of 4.57e44, `--margin 1e-300`, a cell
/// reading "nan". Every conversion of an input number goes through here and gets nil for what
/// it cannot represent; the caller turns that into an error that says where the number was.
public enum CheckedNumber {
    /// `value` rounded by `rule`, when it is finite and the result lies in `range`.
    public static func integer(
        _ value: Double, rounding rule: FloatingPointRoundingRule = .towardZero,
        in range: ClosedRange<Int> = Int.min...Int.max
    ) -> Int? {
        guard value.isFinite else { return nil }
        let rounded = value.rounded(rule)
        // Compared as Doubles first: Double(Int.max) is 2^63, which Int(exactly:) refuses.
        guard rounded >= Double(range.lowerBound), rounded <= Double(range.upperBound),
            let integer = Int(exactly: rounded), range.contains(integer)
        else { return nil }
        return integer
    }

    /// A whole number written in decimal (an optional sign, then digits only, surrounding
    /// spaces allowed), when it lies in `range`. "1e3", "0x10", "nan" and "12.0" are not.
    public static func integer<Text: StringProtocol>(text: Text, in range: ClosedRange<Int> = Int.min...Int.max) -> Int?
    {
        let trimmed = text.trimmingWhitespace
        let digits = trimmed.first == "+" || trimmed.first == "-" ? trimmed.dropFirst() : trimmed[...]
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(trimmed),
            range.contains(value)
        else { return nil }
        return value
    }

    /// A finite decimal number ("0.5", "-2", "1e-3"); never NaN or infinity, which `Double("nan")`
    /// and `Double("inf")` accept.
    public static func finite<Text: StringProtocol>(text: Text) -> Double? {
        guard let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }

    /// The integer a decimal number stands for, when it is a whole number in `range`: "12" and
    /// "12.0" are 12; "12.5", "1e300" and "nan" are nil.
    public static func wholeNumber(_ value: Double, in range: ClosedRange<Int> = Int.min...Int.max) -> Int? {
        guard value.isFinite, value == value.rounded() else { return nil }
        return integer(value, in: range)
    }

    /// The day an Excel serial date names, in the 1900 date system: serial 1 is 1900-01-01, and
    /// 60 is the 29 February 1900 that never was (kept from Lotus 1-2-3), so later serials count
    /// from 1899-12-30. Nil for what is no date caseaudit accepts: below 1, NaN, infinite, or
    /// past 2999-12-31 (the last year a case date may have).
    public static func excelDate(_ serial: Double) -> CalendarDate? {
        guard let days = integer(serial, rounding: .down, in: 1...excelLastSerial), days != 60 else { return nil }
        // 1900-01-01 is day 1; from day 61 on, the phantom leap day shifts the count by one.
        return CalendarDate(uncheckedYear: 1900, month: 1, day: 1).adding(days: days < 60 ? days - 1 : days - 2)
    }

    /// 2999-12-31, the last day a CalendarDate holds, as an Excel serial.
    package static let excelLastSerial = 401_768

    /// A count to set aside space for, from a size an input declared (a zip entry's length, a
    /// row count): at most `cap`, so a lying header cannot make an allocation of its own.
    public static func capacity<Size: BinaryInteger>(_ declared: Size, cap: Int) -> Int {
        guard declared > 0 else { return 0 }
        return Int(clamping: declared) < cap ? Int(clamping: declared) : cap
    }
}
