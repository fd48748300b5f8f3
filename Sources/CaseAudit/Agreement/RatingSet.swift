/// Ratings of files by raters on one ordered scale: each rater rates a file at most once and may
/// skip files. The scale is every category, used or not, in its order.
public struct RatingSet: Sendable, Hashable {
    public struct Rating: Sendable, Hashable {
        public var file: Int
        public var rater: Int
        public var category: Int
    }

    public private(set) var categories: [String]
    public private(set) var files: [String] = []
    public private(set) var raters: [String] = []
    public private(set) var ratings: [Rating] = []
    private var fileIndex: [String: Int] = [:]
    private var raterIndex: [String: Int] = [:]
    private var categoryIndex: [String: Int]
    private var rated: Set<Int64> = []

    public init(categories: [String]) {
        self.categories = categories
        categoryIndex = Dictionary(categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public enum Refusal: Error, Sendable, Hashable {
        case notOnScale(String)
        case ratedTwice(file: String, rater: String)
    }

    public mutating func add(file: String, rater: String, rating: String) throws(Refusal) {
        guard let category = categoryIndex[rating] else { throw .notOnScale(rating) }
        let f = fileIndex[file] ?? Self.insert(file, into: &files, &fileIndex)
        let r = raterIndex[rater] ?? Self.insert(rater, into: &raters, &raterIndex)
        guard rated.insert(Int64(f) << 32 | Int64(r)).inserted else { throw .ratedTwice(file: file, rater: rater) }
        ratings.append(Rating(file: f, rater: r, category: category))
    }

    private static func insert(_ name: String, into names: inout [String], _ index: inout [String: Int]) -> Int {
        names.append(name)
        index[name] = names.count - 1
        return names.count - 1
    }

    /// Per file, how many ratings fell in each category.
    public var countsPerFile: [[Int]] {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: categories.count), count: files.count)
        for rating in ratings { counts[rating.file][rating.category] += 1 }
        return counts
    }

    /// The two raters' table (rows `first`, columns `second`) over the files both rated.
    public func table(_ first: Int, _ second: Int) -> [[Int]] {
        var byFile = [Int?](repeating: nil, count: files.count)
        for rating in ratings where rating.rater == first { byFile[rating.file] = rating.category }
        var table = [[Int]](repeating: [Int](repeating: 0, count: categories.count), count: categories.count)
        for rating in ratings where rating.rater == second {
            if let row = byFile[rating.file] { table[row][rating.category] += 1 }
        }
        return table
    }
}
