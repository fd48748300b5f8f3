/// The Wilson score interval for a proportion (Wilson, 1927): better than the normal
/// approximation for the small numbers and the rates near 0 or 1 that audit samples give.
public struct WilsonInterval: Sendable, Hashable, Codable {
    public var lower: Double
    public var upper: Double

    /// The interval for `successes` out of `trials` at the confidence `z` gives (1.96: 95 %);
    /// nil when there are no trials.
    public init?(successes: Int, trials: Int, z: Double = WilsonInterval.z95) {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        self.init(share: Double(successes) / Double(trials), trials: Double(trials), z: z)
    }

    /// The interval for an observed `share` worth `trials` independent files: from a complex
    /// sample, its effective number of files (Kish), share × (1 − share) ÷ its variance.
    public init(share p: Double, trials n: Double, z: Double = WilsonInterval.z95) {
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        lower = max(0, centre - half)
        upper = min(1, centre + half)
    }

    /// The standard normal's 97.5th percentile: a two-sided 95 % interval.
    public static let z95 = 1.959_963_984_540_054
}
