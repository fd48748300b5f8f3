/// Shares a whole number in proportion to weights, each share rounded by the largest-remainder
/// (Hamilton) method, ties to the earlier entry, no share above its cap. What a capped entry
/// cannot take is shared again among the others, in proportion to their weights.
enum LargestRemainder {
    static func shares(of total: Int, weights: [Double], caps: [Int]) -> [Int] {
        var shares = weights.map { _ in 0 }
        var left = min(total, caps.reduce(0, +))
        while left > 0 {
            let open = weights.indices.filter { shares[$0] < caps[$0] && weights[$0] > 0 }
            let sum = open.reduce(0.0) { $0 + weights[$1] }
            guard sum > 0 else { break }
            let exact = open.map { Double(left) * weights[$0] / sum }
            var given = 0
            // Each exact share lies in 0...left unless a weight is not finite; such a share gets 0.
            var round = zip(open, exact).map { index, value in
                min(CheckedNumber.integer(value, rounding: .down, in: 0...left) ?? 0, caps[index] - shares[index])
            }
            given = round.reduce(0, +)
            let order = open.indices.sorted {
                (exact[$0] - Double(round[$0]), -$0) > (exact[$1] - Double(round[$1]), -$1)
            }
            for position in order where given < left && shares[open[position]] + round[position] < caps[open[position]]
            {
                round[position] += 1
                given += 1
            }
            guard given > 0 else { break }
            for (position, index) in open.enumerated() { shares[index] += round[position] }
            left -= given
        }
        return shares
    }
}
