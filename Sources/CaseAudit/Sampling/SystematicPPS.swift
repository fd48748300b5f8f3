/// Sampling with probability proportional to size, without replacement: Madow's systematic
/// method. Units (in reference order) are laid end to end with lengths n·wᵢ/W; one random
/// start u in [0, 1) picks the units covering u, u+1, …, u+n−1. Each unit's inclusion
/// probability is exactly n·wᵢ/W. A unit whose n·wᵢ/W would reach 1 is taken with certainty
/// and the rest is drawn among the others (repeated until none does).
enum SystematicPPS {
    static func draw(
        _ units: [CaseRecord], count: Int, weight: (CaseRecord) -> Double, random: inout SampleRandom
    ) -> [(CaseRecord, Double)] {
        guard count > 0 else { return [] }
        guard count < units.count else { return units.map { ($0, 1) } }
        var certain: [Int] = []
        var rest = Array(units.indices)
        var left = count
        while true {
            let total = rest.reduce(0.0) { $0 + weight(units[$1]) }
            let sure = rest.filter { Double(left) * weight(units[$0]) / total >= 1 }
            guard !sure.isEmpty, left > 0 else { break }
            certain += sure
            rest.removeAll { sure.contains($0) }
            left -= sure.count
            if left <= 0 || rest.isEmpty { break }
        }
        var picked = certain.map { (units[$0], 1.0) }
        guard left > 0, !rest.isEmpty else { return Array(picked.prefix(count)) }
        let total = rest.reduce(0.0) { $0 + weight(units[$1]) }
        // A uniform start in [0, 1) from 53 random bits.
        let start = Double(random.next() >> 11) / Double(1 << 53)
        var next = start
        var cumulative = 0.0
        for index in rest {
            let probability = Double(left) * weight(units[index]) / total
            cumulative += probability
            if next < cumulative && picked.count < count {
                picked.append((units[index], probability))
                next += 1
            }
        }
        // Rounding can leave the cumulative total a hair below n, so that the last point falls
        // past the end: take the last unit not yet picked.
        if picked.count < count, let last = rest.last(where: { index in !picked.contains { $0.0 == units[index] } }) {
            picked.append((units[last], Double(left) * weight(units[last]) / total))
        }
        return picked
    }
}
