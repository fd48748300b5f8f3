import CaseAudit

/// Reads ratings for `moderation agreement` from CSV, one row per rating:
///
///     file,rater,rating
///     C-101,tm1,Good
///     C-101,qa1,Requires improvement
///
/// A rater may skip files; a rater rating the same file twice is an error. `categories` gives
/// the scale in its order (with the categories nobody used); without it the scale is the
/// ratings used, in numeric order when they are all numbers and in text order otherwise.
public enum RatingsCSV {
    public enum Field: String, CSVField {
        case file, rater, rating

        public var name: String { rawValue }
        public var aliases: [String] {
            switch self {
            case .file: ["file", "case", "case reference", "subject", "unit"]
            case .rater: ["rater", "auditor", "coder", "judge"]
            case .rating: ["rating", "grade", "score", "value"]
            }
        }
        public var isRequired: Bool { true }
    }

    public static func read(file path: String, categories given: [String]?) throws(InputError) -> RatingSet {
        let table = try CSVInput.table(path)
        let columns = try CSVColumns<Field>.resolve(
            header: CSVInput.header(table), mapping: [:], mappable: false, path: path)
        var rows: [(line: Int, file: String, rater: String, rating: String)] = []
        var problems: [Diagnostic] = []
        for record in 1..<table.recordCount {
            let line = table.line(ofRecord: record)
            func value(_ field: Field) -> String? {
                guard let value = columns.value(field, record, in: table)?.trimmingWhitespace, !value.isEmpty else {
                    problems.append(
                        Diagnostic(
                            .rules, at: SourceLocation(file: path, line: line, column: columns.column(of: field)),
                            "the \(field.rawValue) is empty"))
                    return nil
                }
                return value
            }
            let (file, rater, rating) = (value(.file), value(.rater), value(.rating))
            if let file, let rater, let rating { rows.append((line, file, rater, rating)) }
        }
        let scale = given ?? scaleOfRatings(rows.map(\.rating))
        var set = RatingSet(categories: scale)
        for row in rows {
            do {
                try set.add(file: row.file, rater: row.rater, rating: row.rating)
            } catch {
                let at = SourceLocation(file: path, line: row.line, column: columns.column(of: .rating))
                switch error {
                case .notOnScale(let rating):
                    problems.append(
                        Diagnostic(
                            .rules, at: at,
                            "'\(rating)' is not on the scale (expected one of \(scale.joined(separator: ", ")))"))
                case .ratedTwice(let file, let rater):
                    problems.append(Diagnostic(.rules, at: at, "\(rater) rated \(file) twice"))
                }
            }
        }
        guard problems.isEmpty else { throw InputError(problems) }
        guard !rows.isEmpty else {
            throw InputError(
                .file, at: SourceLocation(file: path), "no ratings: the file has a header and nothing else")
        }
        return set
    }

    /// The categories used: numbers in numeric order, otherwise text in order.
    static func scaleOfRatings(_ ratings: [String]) -> [String] {
        let used = Array(Set(ratings))
        let numbers = used.compactMap { value in Double(value).map { (value, $0) } }
        guard numbers.count == used.count else { return used.sorted() }
        return numbers.sorted { $0.1 < $1.1 }.map(\.0)
    }
}
