import CaseAuditTestSupport
import Foundation
import Testing

/// `moderation agreement` on CSV files: the published fixtures through the command, the scale
/// from --categories, and bad files refused with where and why.
@Suite struct ModerationAgreementCommandTests {
    /// The anxiety data's raters 2 and 3 (shared/agreement, F2), one row per rating.
    static let anxiety = [
        "3 6 4 6 2 4 2 4 3 3 2 3 3 3 2 2 1 3 3 4",
        "2 1 4 4 3 2 1 6 1 1 1 2 3 3 1 1 3 3 2 2",
    ]

    static func csv(_ raters: [String]) -> String {
        var text = "file,rater,rating\n"
        for (rater, row) in raters.enumerated() {
            for (file, rating) in row.split(separator: " ").enumerated() { text += "s\(file),r\(rater),\(rating)\n" }
        }
        return text
    }

    func figures(_ json: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
    }

    func kappa(_ object: [String: Any], weighting: Int) -> Double? {
        let two = object["twoRaters"] as? [[String: Any]]
        return (two?[weighting]["kappa"] as? [String: Any])?["value"] as? Double
    }

    @Test func theFixturesComeOutOfTheCommand() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("anxiety.csv", Self.csv(Self.anxiety))
        let used = CommandRunner.run(["moderation", "agreement", "--ratings", file, "--format", "json"])
        #expect(used.status == 0)
        let overUsed = try figures(used.output)
        #expect(overUsed["categories"] as? [String] == ["1", "2", "3", "4", "6"])
        #expect(overUsed["scaleFromRatings"] as? Bool == true)
        #expect(kappa(overUsed, weighting: 0).map { abs($0 - -0.006289308) < 5e-10 } == true)
        #expect(kappa(overUsed, weighting: 1).map { abs($0 - 0.1459075) < 5e-8 } == true)
        let scale = CommandRunner.run([
            "moderation", "agreement", "--ratings", file, "--categories", "1,2,3,4,5,6", "--format", "json",
        ])
        let overScale = try figures(scale.output)
        #expect(kappa(overScale, weighting: 1).map { abs($0 - 0.1262136) < 5e-8 } == true)
        #expect(kappa(overScale, weighting: 2).map { abs($0 - 0.2297980) < 5e-8 } == true)

        let table = CommandRunner.run(["moderation", "agreement", "--ratings", file])
        #expect(table.status == 0)
        #expect(table.output.contains("The scale is the ratings used"))
        #expect(table.output.contains("Fewer than 30 files: the figures are indicative only."))
        #expect(table.output.contains("Cohen's kappa (linear)           0.1459"))
        #expect(!table.output.lowercased().contains("nan"))
    }

    @Test func anUndefinedFigureSaysWhy() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("same.csv", "file,rater,rating\nA,x,Good\nA,y,Good\nB,x,Good\nB,y,Good\n")
        let result = CommandRunner.run([
            "moderation", "agreement", "--ratings", file, "--categories",
            "Outstanding,Good,Requires improvement,Inadequate",
        ])
        #expect(result.status == 0)
        #expect(result.output.contains("undefined"))
        #expect(result.output.contains("chance agreement is 1"))
        #expect(!result.output.lowercased().contains("nan"))
    }

    @Test func aBadFileSaysWhereAndWhy() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("bad.csv", "file,rater,rating\nA,x,Good\nA,x,Good\nB,x,Great\nC,,Good\n")
        let result = CommandRunner.run([
            "moderation", "agreement", "--ratings", file, "--categories", "Good,Requires improvement",
        ])
        #expect(result.status == 1)
        #expect(result.errors.contains("bad.csv:3:3: error: x rated A twice"))
        #expect(
            result.errors.contains(
                "bad.csv:4:3: error: 'Great' is not on the scale (expected one of Good, Requires improvement)"))
        #expect(result.errors.contains("bad.csv:5:2: error: the rater is empty"))
        #expect(result.output.isEmpty)
        let missing = try folder.write("columns.csv", "file,who,rating\nA,x,Good\n")
        let columns = CommandRunner.run(["moderation", "agreement", "--ratings", missing])
        #expect(columns.status == 1)
        #expect(columns.errors.contains("rater"))
    }
}
