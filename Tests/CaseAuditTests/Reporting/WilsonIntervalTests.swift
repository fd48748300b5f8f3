import Testing

@testable import CaseAudit

@Suite struct WilsonIntervalTests {
    /// Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics
    /// in Medicine 17:857–872, table I, method 3 (score interval without continuity correction).
    @Test(arguments: [
        (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718),
    ])
    func matchesNewcombesPublishedValues(successes: Int, trials: Int, lower: Double, upper: Double) throws {
        let interval = try #require(WilsonInterval(successes: successes, trials: trials))
        #expect(abs(interval.lower - lower) < 0.00005)
        #expect(abs(interval.upper - upper) < 0.00005)
    }

    @Test func hasNoIntervalWithoutTrialsAndStaysWithinZeroAndOne() throws {
        #expect(WilsonInterval(successes: 0, trials: 0) == nil)
        #expect(WilsonInterval(successes: 3, trials: 2) == nil)
        let all = try #require(WilsonInterval(successes: 5, trials: 5))
        #expect(all.upper == 1)
        #expect(all.lower > 0.5 && all.lower < 0.6)  // 0.5655
    }
}
