import Foundation

/// Which of a month's audits are moderated: every file judged one of `grades`, a random
/// `share` of the rest, and the `files` named. Written as comma-separated terms, as
/// `moderation draw --rule` takes it and as the draw records it: a grade (`inadequate`,
/// `requires-improvement`: the grade ids of the checklist), a share (`10%`) and named files
/// (`case:REF`). The default moderates every Inadequate and 10 % of the rest.
public struct ModerationRule: Sendable, Hashable, Codable, CustomStringConvertible {
    public var grades: [String]
    /// Between 0 and 1.
    public var share: Double
    public var files: [String]

    public init(grades: [String], share: Double, files: [String] = []) {
        self.grades = grades
        self.share = share
        self.files = files
    }

    public static let standard = ModerationRule(grades: ["inadequate"], share: 0.1)

    /// `text` as terms; a grade is matched without regard to case, spaces as hyphens.
    public init(parsing text: String) throws(ModerationError) {
        var grades: [String] = []
        var share: Double?
        var files: [String] = []
        for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
            let term = raw.trimmingCharacters(in: .whitespaces)
            if term.isEmpty { throw .badRule(text, term: term, expected: "a grade, a share such as 10%, or case:REF") }
            if term.hasSuffix("%") {
                guard share == nil, let percent = Double(term.dropLast()), percent >= 0, percent <= 100 else {
                    throw .badRule(text, term: term, expected: "one share, from 0% to 100%")
                }
                share = percent / 100
            } else if term.lowercased().hasPrefix("case:") {
                let reference = String(term.dropFirst(5)).trimmingCharacters(in: .whitespaces)
                guard !reference.isEmpty else {
                    throw .badRule(text, term: term, expected: "case:REF, a case reference")
                }
                files.append(reference)
            } else {
                grades.append(Self.gradeKey(term))
            }
        }
        self.init(grades: grades, share: share ?? 0, files: files)
    }

    /// The form a grade is compared in.
    static func gradeKey(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" }).joined(separator: "-")
    }

    public var description: String {
        var terms = grades
        terms.append(Self.percent(share))
        terms += files.map { "case:\($0)" }
        return terms.joined(separator: ",")
    }

    /// `10%`, `12.5%`: the share as it was given.
    static func percent(_ share: Double) -> String {
        let percent = share * 100
        let rounded = percent.rounded()
        return abs(percent - rounded) < 1e-9 ? "\(Int(rounded))%" : "\(percent)%"
    }
}
