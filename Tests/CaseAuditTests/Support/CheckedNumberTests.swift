import Testing

@testable import CaseAudit

@Suite struct CheckedNumberTests {
    /// Every value `Int(someDouble)` traps on gets nil instead.
    @Test(arguments: [
        Double.nan, .infinity, -.infinity, 4.57e44, 9.223372036854775807e18, -9.3e18, .greatestFiniteMagnitude,
    ])
    func unrepresentableDoublesAreNil(value: Double) {
        #expect(CheckedNumber.integer(value) == nil)
        #expect(CheckedNumber.integer(value, rounding: .up) == nil)
        #expect(CheckedNumber.wholeNumber(value) == nil)
    }

    @Test func roundsAsAskedWithinTheRange() {
        #expect(CheckedNumber.integer(2.7) == 2)
        #expect(CheckedNumber.integer(-2.7) == -2)
        #expect(CheckedNumber.integer(2.1, rounding: .up) == 3)
        #expect(CheckedNumber.integer(-2.1, rounding: .down) == -3)
        #expect(CheckedNumber.integer(5, in: 0...4) == nil)
        #expect(CheckedNumber.integer(4, in: 0...4) == 4)
        // The largest Double below 2^63 is representable; 2^63 itself is not.
        #expect(CheckedNumber.integer(9.223372036854774784e18) == 9_223_372_036_854_774_784)
        #expect(CheckedNumber.integer(-9.223372036854775808e18) == Int.min)
    }

    @Test(
        arguments: [
            ("12", 12), (" -3 ", -3), ("+5", 5), ("007", 7), ("1e3", nil), ("0x10", nil), ("nan", nil), ("12.0", nil),
            ("", nil),
            ("-", nil), ("99999999999999999999", nil), ("1 2", nil),
        ] as [(String, Int?)])
    func readsDecimalIntegersOnly(text: String, expected: Int?) {
        #expect(CheckedNumber.integer(text: text) == expected)
    }

    @Test func decimalTextHonoursTheRange() {
        #expect(CheckedNumber.integer(text: "1048577", in: 1...1_048_576) == nil)
        #expect(CheckedNumber.integer(text: "0", in: 1...10) == nil)
    }

    @Test(arguments: ["nan", "inf", "-infinity", "1e400"])
    func nonFiniteTextIsNotANumber(text: String) {
        #expect(CheckedNumber.finite(text: text) == nil)
    }

    @Test func finiteTextIsANumber() {
        #expect(CheckedNumber.finite(text: "0.5") == 0.5)
        #expect(CheckedNumber.finite(text: "-2") == -2)
        #expect(CheckedNumber.finite(text: "1e-3") == 0.001)
    }

    @Test(arguments: [
        (1.0, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (45_627.75, "2024-12-01"), (401_768, "2999-12-31"),
    ])
    func excelSerialsAreDays(serial: Double, iso: String) {
        #expect(CheckedNumber.excelDate(serial)?.description == iso)
    }

    @Test(arguments: [0, -5, 60, 401_769, 4.57e44, .nan, .infinity, -.infinity] as [Double])
    func excelSerialsOutsideTheCalendarAreNoDate(serial: Double) {
        #expect(CheckedNumber.excelDate(serial) == nil)
    }

    @Test func capacitiesAreCapped() {
        #expect(CheckedNumber.capacity(UInt64.max, cap: 1024) == 1024)
        #expect(CheckedNumber.capacity(-3, cap: 1024) == 0)
        #expect(CheckedNumber.capacity(100, cap: 1024) == 100)
    }

    @Test func aMarginTooSmallToSquarePlansTheWholePopulation() {
        #expect(SamplePlan.size(population: 1500, confidence: 0.95, margin: 1e-300, expectedRate: 0.5) == 1500)
        #expect(SamplePlan.size(population: nil, confidence: 0.95, margin: 1e-300, expectedRate: 0.5) == nil)
        #expect(
            (SamplePlan.size(population: nil, confidence: 0.95, margin: 1e-9, expectedRate: 0.5) ?? 0)
                > 960_000_000_000_000_000)
        let plan = SamplePlan(
            strata: [(key: "A", population: 700), (key: "B", population: 800)], confidence: 0.95, margin: 1e-300,
            expectedRate: 0.5,
            allocation: .neyman)
        #expect(plan.sampleSize == 1500)
        #expect(plan.strata.map(\.neyman) == [700, 800])
        #expect(plan.strata.map(\.forOwnEstimate) == [700, 800])
    }

    @Test func sharesIgnoreWeightsThatAreNotFinite() {
        #expect(LargestRemainder.shares(of: 10, weights: [.infinity, 1], caps: [10, 10]).reduce(0, +) <= 10)
        #expect(LargestRemainder.shares(of: 10, weights: [.nan, 1], caps: [10, 10]) == [0, 10])
    }
}
