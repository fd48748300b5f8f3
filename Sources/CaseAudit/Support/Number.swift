/// Numbers as people write them: 1, 0.5, 0.95; never 1.0 or 0.9500000001.
public enum Number {
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        var text = String(value)
        if text.contains(where: { $0 == "e" }) { return text }
        // Doubles print their shortest round-trip form; trim any trailing zeros left over.
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A share as a percentage to a tenth, the tenth left out when it is 0: 0.8 → "80%",
    /// 0.755 → "75.5%". For prose.
    public static func percent(_ share: Double) -> String { percent(share, tenthAlways: false) }

    /// A share as a percentage always to a tenth: 0.8 → "80.0%". For a table's column, whose
    /// figures then line up and read alike, and for an interval's two ends.
    public static func percentToATenth(_ share: Double) -> String { percent(share, tenthAlways: true) }

    private static func percent(_ share: Double, tenthAlways: Bool) -> String {
        // In tenths of a percent, with integers: reports format thousands of these.
        let tenths = (share * 1000).rounded()
        guard tenths.isFinite, abs(tenths) < 1e15 else { return "\(format(tenths / 10))%" }
        let value = Int(tenths)
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        return magnitude % 10 == 0 && !tenthAlways
            ? "\(sign)\(magnitude / 10)%" : "\(sign)\(magnitude / 10).\(magnitude % 10)%"
    }
}
