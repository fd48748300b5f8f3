import CaseAudit
import Testing

/// The published fixtures of `shared/agreement/README.md`, each at the precision its source gives.
@Suite struct AgreementFixtureTests {
    func near(
        _ figure: Double?, _ expected: Double, _ places: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let tolerance = 0.5 * pow10(-places)
        #expect(
            figure.map { abs($0 - expected) <= tolerance } == true, "\(String(describing: figure)) ≠ \(expected)",
            sourceLocation: sourceLocation)
    }

    func pow10(_ n: Int) -> Double { (0..<abs(n)).reduce(1.0) { r, _ in n < 0 ? r / 10 : r * 10 } }

    /// Ratings from rows of digits, one string per rater.
    static func set(_ raters: [String], categories: [String]) throws -> RatingSet {
        var set = RatingSet(categories: categories)
        for (rater, row) in raters.enumerated() {
            for (file, rating) in row.split(separator: " ").enumerated() {
                try set.add(file: "f\(file)", rater: "r\(rater)", rating: String(rating))
            }
        }
        return set
    }

    @Test func f1SASProcFreq() {
        let table = [[0, 4, 1], [0, 8, 0], [0, 1, 5]]
        let kappa = TwoRaterAgreement(table: table).kappa
        near(kappa.value, 0.4841629, 7)
        near(kappa.standardError, 0.1380, 4)
        near(kappa.lower, 0.2137, 4)
        near(kappa.upper, 0.7547, 4)
        near(kappa.nullZ, 3.2626, 4)
        near(kappa.value.flatMap { v in kappa.nullZ.map { v / $0 } }, 0.1484, 4)
        let linear = TwoRaterAgreement(table: table, weights: .linear).kappa
        near(linear.value, 0.4701, 4)
        near(linear.standardError, 0.1457, 4)
        near(linear.lower, 0.1845, 4)
        near(linear.upper, 0.7558, 4)
        near(linear.nullZ, 3.2971, 4)
    }

    static let anxiety = [
        "3 3 3 4 5 5 2 3 5 2 2 6 1 5 2 2 1 2 4 3",
        "3 6 4 6 2 4 2 4 3 3 2 3 3 3 2 2 1 3 3 4",
        "2 1 4 4 3 2 1 6 1 1 1 2 3 3 1 1 3 3 2 2",
    ]

    @Test func f2AnxietyTwoRatersOverTheLevelsUsedAndOverTheScale() throws {
        let used = try Self.set(Array(Self.anxiety.dropFirst()), categories: ["1", "2", "3", "4", "6"])
        let overUsed = AgreementAnalysis(used).twoRaters
        near(overUsed[0].kappa.value, -0.006289308, 9)
        near(overUsed[0].kappa.nullZ, -0.0604067, 7)
        near(overUsed[1].kappa.value, 0.1459075, 7)
        near(overUsed[1].kappa.nullZ, 1.282472, 6)
        near(overUsed[2].kappa.value, 0.2520325, 7)
        near(overUsed[2].kappa.nullZ, 1.437451, 6)
        let scale = try Self.set(Array(Self.anxiety.dropFirst()), categories: ["1", "2", "3", "4", "5", "6"])
        let overScale = AgreementAnalysis(scale).twoRaters
        near(overScale[1].kappa.value, 0.1262136, 7)
        near(overScale[2].kappa.value, 0.2297980, 7)
    }

    @Test func f2AnxietyThreeRaters() throws {
        let all = AgreementAnalysis(try Self.set(Self.anxiety, categories: ["1", "2", "3", "4", "5", "6"]))
        near(all.manyRaters.fleissKappa.value, -0.0410765, 7)
        near(all.alphaNominal.value, -0.0237252, 7)
        near(all.alphaOrdinal.value, 0.2283869, 7)
        near(all.alphaInterval.value, 0.1700986, 7)
        #expect(all.twoRaters.isEmpty)
    }

    static let fleiss1971 = """
        444444 222555 233335 555555 222444 113333 333355 113334 114444 555555
        144444 124444 222333 144444 224445 333335 111455 111112 224444 133555
        555555 244444 224555 114444 144445 222224 111155 224444 133333 555555
        """.split(whereSeparator: \.isWhitespace).map { subject in subject.map { Int(String($0)) ?? 0 } }

    static func counts(_ subjects: [[Int]]) -> [[Int]] {
        subjects.map { ratings in (1...5).map { category in ratings.filter { $0 == category }.count } }
    }

    @Test func f3Fleiss1971() {
        let counts = Self.counts(Self.fleiss1971)
        let all = ManyRaterAgreement(counts: counts, categories: 5)
        near(all.fleissKappa.value, 0.4302445, 7)
        near(all.fleissKappa.nullZ, 17.65183, 5)
        near(KrippendorffAlpha.alpha(counts: counts, categories: 5, metric: .nominal).value, 0.4334098, 7)
        near(all.gwetAC1.value, 0.4478845, 7)
        let first = Array(counts.prefix(15))
        let half = ManyRaterAgreement(counts: first, categories: 5)
        near(half.fleissKappa.value, 0.4139265, 7)
        near(half.fleissKappa.standardError, 0.08119291, 8)
        near(half.gwetAC1.value, 0.4448007, 7)
        near(KrippendorffAlpha.alpha(counts: first, categories: 5, metric: .nominal).value, 0.4204384, 7)
    }

    @Test func f5HundredFiles() {
        let table = [[13, 0, 0], [0, 20, 7], [0, 4, 56]]
        let plain = TwoRaterAgreement(table: table)
        near(plain.kappa.value, 0.7964094, 7)
        near(plain.kappa.standardError, 0.05891072, 8)
        near(plain.scottsPi?.value, 0.7962397, 7)
        near(plain.gwet.value, 0.8493305, 7)
        near(plain.gwet.standardError, 0.04321747, 8)
        near(plain.percentAgreement.value, 0.89, 2)
        let linear = TwoRaterAgreement(table: table, weights: .linear)
        let quadratic = TwoRaterAgreement(table: table, weights: .quadratic)
        near(linear.kappa.value, 0.843, 3)
        near(quadratic.kappa.value, 0.892, 3)
        near(linear.gwet.value, 0.900, 3)
        near(quadratic.gwet.value, 0.940, 3)
    }

    @Test func f6TwoHundredTwentyThreeSubjects() {
        let table = [[40, 6, 4, 15], [4, 25, 1, 5], [4, 2, 21, 9], [17, 13, 12, 45]]
        let plain = TwoRaterAgreement(table: table)
        let linear = TwoRaterAgreement(table: table, weights: .linear)
        let quadratic = TwoRaterAgreement(table: table, weights: .quadratic)
        near(plain.kappa.value, 0.432, 3)
        near(plain.kappa.standardError, 0.046, 3)
        near(linear.kappa.value, 0.407, 3)
        near(linear.kappa.standardError, 0.053, 3)
        near(quadratic.kappa.value, 0.383, 3)
        near(quadratic.kappa.standardError, 0.066, 3)
        near(plain.gwet.value, 0.456, 3)
        near(plain.gwet.standardError, 0.043, 3)
        near(linear.gwet.value, 0.377, 3)
        near(quadratic.gwet.value, 0.299, 3)
        near(plain.percentAgreement.value, 0.587, 3)
    }

    @Test func f10FourteenRaters() {
        let counts = [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1], [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
        ]
        near(ManyRaterAgreement(counts: counts, categories: 5).fleissKappa.value, 0.2099307, 7)
    }

    @Test func f11AndThePrevalenceParadox() {
        near(TwoRaterAgreement(table: [[20, 20], [10, 50]]).kappa.value, 0.348, 3)
        let balanced = TwoRaterAgreement(table: [[40, 9], [6, 45]])
        near(balanced.percentAgreement.value, 0.85, 2)
        near(balanced.kappa.value, 0.6995, 4)
        near(balanced.gwet.value, 0.7007, 4)
        let skewed = TwoRaterAgreement(table: [[80, 10], [5, 5]])
        near(skewed.percentAgreement.value, 0.85, 2)
        near(skewed.kappa.value, 0.3182, 4)
        near(skewed.gwet.value, 0.8080, 4)
    }
}
