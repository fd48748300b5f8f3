/// The Wilson score interval for a proportion (Wilson, 1927): better than the normal
/// approximation for the small numbers and the rates near 0 or 1 that audit samples give.
public struct WilsonInterval: Sendable, Hashable, Codable {
    public var lower: Double
    public var upper: Double

    /// The interval for `successes` out of `trials` at the confidence `z` gives (1.96: 95 %);
    /// nil when there are no trials.
    public init?(successes: Int, trials: Int, z: Double = 1.959_963_984_540_054) {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        lower = max(0, centre - half)
        upper = min(1, centre + half)
    }
}
