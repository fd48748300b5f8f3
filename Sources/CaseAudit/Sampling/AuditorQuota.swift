/// How many files each auditor of a level audits in a month ("SMT members sample 2 cases a
/// month" is `SM=2`).
public struct AuditorQuota: Sendable, Hashable, Codable {
    public var filesPerAuditor: [ManagerLevel: Int]

    public init(_ filesPerAuditor: [ManagerLevel: Int]) {
        self.filesPerAuditor = filesPerAuditor
    }

    /// The programme in the seed papers: files audited by TMs, SMs, ADs and the DCS.
    public static let standard = AuditorQuota([
        .teamManager: 2, .serviceManager: 2, .assistantDirector: 1, .director: 1,
    ])

    public struct SyntaxError: Error, Sendable {
        public var message: String
    }

    /// The most files one auditor may be given in a month.
    public static let limit = 10_000

    /// `TM=2,SM=2,AD=1,DCS=1`.
    public init(parsing text: String) throws(SyntaxError) {
        var quotas: [ManagerLevel: Int] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=").map { $0.trimmingWhitespace }
            guard pieces.count == 2, let level = ManagerLevel(rawValue: pieces[0].uppercased()), level.audits else {
                throw SyntaxError(
                    message:
                        "\(text): '\(part)' should be LEVEL=N with LEVEL one of ATM, TM, SM, AD, DCS, IRO, QA")
            }
            guard let count = CheckedNumber.integer(text: pieces[1], in: 0...Self.limit) else {
                throw SyntaxError(
                    message: "\(text): '\(pieces[1])' is not a number of files from 0 to \(Self.limit)")
            }
            quotas[level] = count
        }
        guard !quotas.isEmpty else { throw SyntaxError(message: "'\(text)': give at least one LEVEL=N") }
        filesPerAuditor = quotas
    }

    public var description: String {
        ManagerLevel.allCases.compactMap { level in filesPerAuditor[level].map { "\(level.rawValue)=\($0)" } }
            .joined(separator: ",")
    }
}
