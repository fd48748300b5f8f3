/// The council's share good or better estimated for all open cases from a stratified sample
/// with unequal chances, with a design-based 95 % interval.
///
/// - The estimate is the Horvitz–Thompson ratio (Hájek) estimator: each audited file weighted
///   by 1/π, its inclusion probability; Σ w·y ÷ Σ w.
/// - Its variance is the Taylor (linearisation) approximation for a stratified sample drawn
///   without replacement: the ratio's linearised values uᵢ = wᵢ(yᵢ − R̂)/N̂, their variance
///   within each stratum times n/(n − 1) and the finite-population correction 1 − π.
///   A stratum is the files sharing a team and an inclusion probability (within a stratum the
///   sampler gives every file the same chance); strata with one audited file are pooled into
///   one (collapsed strata), since one file alone gives no variance.
/// - The interval is Wilson's with the effective number of files, R̂(1 − R̂) ÷ variance, at most
///   the files audited (Korn and Graubard's adjustment, which keeps a share near 0 or 1 inside
///   [0, 1] where a symmetric interval would not).
public struct PopulationEstimate: Sendable, Hashable, Encodable {
    public var share: Double
    public var lower: Double
    public var upper: Double
    public var standardError: Double
    /// Files audited, and the effective number of files the interval is worth.
    public var files: Int
    public var effectiveFiles: Double
    /// How many strata the variance comes from (after pooling single files).
    public var strata: Int
    /// Said in the report beside the interval.
    public static let method =
        "Horvitz–Thompson ratio estimate; 95% interval from the stratified linearised (Taylor) variance, "
        + "Wilson with the effective number of files"

    /// The interval as a Wilson interval (the form the reports print).
    public var interval: WilsonInterval { WilsonInterval(share: share, trials: effectiveFiles) }

    /// One audited file's part in the estimate.
    public struct File: Sendable, Hashable {
        public var stratum: String
        public var inclusionProbability: Double
        public var good: Bool
        public var count: Int

        public init(stratum: String, inclusionProbability: Double, good: Bool, count: Int = 1) {
            self.stratum = stratum
            self.inclusionProbability = inclusionProbability
            self.good = good
            self.count = count
        }
    }

    /// nil when there are no files or a probability is not in (0, 1].
    public init?(files: [File]) {
        guard !files.isEmpty,
            files.allSatisfy({ $0.inclusionProbability > 0 && $0.inclusionProbability <= 1 && $0.count >= 0 })
        else { return nil }
        struct Stratum {
            var probability: Double
            var files = 0
            var good = 0
        }
        var strata: [String: Stratum] = [:]
        for file in files where file.count > 0 {
            let key = "\(file.stratum)|\(file.inclusionProbability)"
            strata[key, default: Stratum(probability: file.inclusionProbability)].files += file.count
            if file.good { strata[key, default: Stratum(probability: file.inclusionProbability)].good += file.count }
        }
        // In key order, so that the sums (and the last digit) do not depend on hashing.
        let ordered = strata.sorted { $0.key < $1.key }.map(\.value)
        var population = 0.0
        var goodPopulation = 0.0
        for stratum in ordered {
            population += Double(stratum.files) / stratum.probability
            goodPopulation += Double(stratum.good) / stratum.probability
        }
        guard population > 0 else { return nil }
        let share = goodPopulation / population
        var variance = 0.0
        var used = 0
        // Pooled single files: their linearised values, and their mean finite-population correction.
        var single: [(value: Double, correction: Double)] = []
        for stratum in ordered {
            let n = Double(stratum.files)
            let weight = 1 / stratum.probability
            guard stratum.files > 1 else {
                let y = stratum.good > 0 ? 1.0 : 0.0
                single.append((weight * (y - share) / population, 1 - stratum.probability))
                continue
            }
            // Σ(uᵢ − ū)² within the stratum is (w/N̂)² · n · p(1 − p), with p its share good.
            let p = Double(stratum.good) / n
            let spread = (weight / population) * (weight / population) * n * p * (1 - p)
            variance += (1 - stratum.probability) * n / (n - 1) * spread
            used += 1
        }
        if single.count > 1 {
            let n = Double(single.count)
            let mean = single.reduce(0) { $0 + $1.value } / n
            let spread = single.reduce(0) { $0 + ($1.value - mean) * ($1.value - mean) }
            let correction = single.reduce(0) { $0 + $1.correction } / n
            variance += correction * n / (n - 1) * spread
            used += 1
        }
        let audited = files.reduce(0) { $0 + $1.count }
        let effective = variance > 0 ? min(Double(audited), share * (1 - share) / variance) : Double(audited)
        let interval = WilsonInterval(share: share, trials: effective)
        self.share = share
        lower = interval.lower
        upper = interval.upper
        standardError = variance.squareRoot()
        self.files = audited
        effectiveFiles = effective
        self.strata = used
    }
}
