/// The sampler's random numbers: xoshiro256** 1.0 (Blackman and Vigna, 2018), its 256-bit state
/// filled from the seed by SplitMix64, as the authors recommend. Both are specified exactly and
/// implemented here, so the same seed gives the same numbers on any machine and any Swift
/// version. The system generator is never used for sampling.
public struct SampleRandom: Sendable, RandomNumberGenerator {
    public static let algorithm = "xoshiro256** seeded by SplitMix64; bounded integers by Lemire's method"

    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    /// A generator with its state given directly (for checking against published outputs).
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        self.state = state
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform integer in 0..<bound, without modulo bias (Lemire, "Fast random integer
    /// generation in an interval", 2019).
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "a bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
