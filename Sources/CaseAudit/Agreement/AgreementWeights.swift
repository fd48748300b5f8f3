/// How much credit two ratings of the same file earn when they differ: none (identity), or by
/// how far apart they are on an ordered scale of q categories (linear 1 − |i−j|/(q−1),
/// quadratic 1 − (i−j)²/(q−1)²). Agreement on the same category always earns 1.
public enum AgreementWeights: String, Sendable, CaseIterable, Codable {
    case identity, linear, quadratic

    public func matrix(_ q: Int) -> [[Double]] {
        (0..<q).map { i in
            (0..<q).map { j in
                if i == j { return 1 }
                guard q > 1 else { return 0 }
                let distance = Double(abs(i - j)) / Double(q - 1)
                switch self {
                case .identity: return 0
                case .linear: return 1 - distance
                case .quadratic: return 1 - distance * distance
                }
            }
        }
    }
}
