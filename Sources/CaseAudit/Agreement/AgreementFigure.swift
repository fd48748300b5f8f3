/// One agreement coefficient: its value, or why it has none (never NaN); where there is one,
/// its standard error and 95 % interval (from the non-null variance), and, kept apart, the z of
/// the test that agreement is no better than chance (from the null variance).
public struct AgreementFigure: Sendable, Hashable, Codable {
    public var value: Double?
    public var undefined: String?
    public var standardError: Double?
    public var lower: Double?
    public var upper: Double?
    public var nullZ: Double?

    public static func undefined(_ reason: String) -> AgreementFigure {
        AgreementFigure(value: nil, undefined: reason)
    }

    /// `value` with its standard error and interval (z 1.959964), when each is a number.
    public static func estimate(_ value: Double, standardError: Double? = nil, nullZ: Double? = nil)
        -> AgreementFigure
    {
        guard value.isFinite else { return .undefined("it cannot be computed from these ratings") }
        let se = standardError.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        return AgreementFigure(
            value: value, undefined: nil, standardError: se, lower: se.map { value - 1.959964 * $0 },
            upper: se.map { value + 1.959964 * $0 }, nullZ: nullZ.flatMap { $0.isFinite ? $0 : nil })
    }
}
