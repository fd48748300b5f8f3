import CaseAuditTestSupport
import Testing

@testable import CaseAudit

/// Each bad input from the issue, as a real file, with where and what the error says.
@Suite struct ChecklistLoaderTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var stage: Diagnostic.Stage
        var errors: [(line: Int, column: Int, says: String)]
        var testDescription: String { file }
    }

    static let badInputs: [Expected] = [
        Expected(file: "not-well-formed.xml", stage: .syntax, errors: [(6, 45, "Opening and ending tag mismatch")]),
        Expected(
            file: "wrong-namespace.xml", stage: .schema, errors: [(2, 1, "namespace 'urn:caseaudit:checklist:2'")]),
        Expected(file: "no-namespace.xml", stage: .schema, errors: [(2, 1, "has no namespace")]),
        Expected(file: "billion-laughs.xml", stage: .syntax, errors: [(2, 21, "a DOCTYPE is not allowed")]),
        Expected(
            file: "schema-violations.xml", stage: .schema,
            errors: [
                (2, 58, "attribute 'version'"), (2, 87, "The value 'XX' is not an element of the set"),
                (2, 87, "'CIN XX' is not a valid value"),
                (6, 45, "'maybe' is not a valid value of the atomic type 'xs:boolean'"),
                (9, 26, "The attribute 'colour' is not allowed"),
                (13, 7, "Element 'guidance': This element is not expected. Expected is ( prompt )"),
                (17, 24, "greater than the maximum value allowed ('1')"),
            ]),
        Expected(
            file: "dangling-references.xml", stage: .rules,
            errors: [
                (9, 26, "uses scale 'grade4', which is not defined (defined: ynp)"),
                (12, 21, "refers to 'visited', which is not an item"),
                (15, 27, "expects 'seen' to be 'maybe', which is not an answer"),
                (15, 47, "noteRequired names 'perhaps'"),
                (22, 31, "the cap names grade 'awful', which is not a band"),
            ]),
        Expected(
            file: "duplicate-ids.xml", stage: .rules,
            errors: [
                (6, 5, "key 'y' on scale 'ynp' is used by both 'yes' and 'yesish'"),
                (14, 12, "duplicate section id 's' (first used on line 9)"),
                (15, 11, "duplicate item id 'allocated' (first used on line 10)"),
                (21, 11, "duplicate grade 'good' (first used on line 20)"),
            ]),
        Expected(
            file: "when-forward.xml", stage: .rules, errors: [(9, 27, "refers to 'seen', which comes later (line 12)")]),
        Expected(file: "when-self.xml", stage: .rules, errors: [(9, 21, "refers to the item itself")]),
        Expected(
            file: "grading-and-weights.xml", stage: .rules,
            errors: [
                (7, 5, "key 'n' on scale 'ynp' is used by both 'no' and 'na'"),
                (7, 47, "takes no score"),
                (10, 26, "weight must be greater than 0 (found 0)"),
                (10, 37, "critical item 'allocated' can never fail"),
                (16, 31, "band 'outstanding' (min 0.9) must start below the band before it"),
                (17, 24, "no band covers a score of 0"),
            ]),
        Expected(file: "condition-syntax.xml", stage: .rules, errors: [(13, 11, "expected '=' or '!=' after 'seen'")]),
    ]

    @Test(arguments: badInputs)
    func reportsEveryErrorWithItsPlace(expected: Expected) throws {
        let path = Fixtures.checklist(expected.file)
        let failure = try #require(throws: ChecklistLoadError.self) { try ChecklistLoader().validate(file: path) }
        #expect(failure.path == path)
        #expect(failure.diagnostics.count == expected.errors.count, "\(failure.diagnostics.map(\.message))")
        for (diagnostic, error) in zip(failure.diagnostics, expected.errors) {
            #expect(diagnostic.location == SourceLocation(file: path, line: error.line, column: error.column))
            #expect(diagnostic.message.contains(error.says), "\(diagnostic.message)")
            #expect(diagnostic.stage == expected.stage)
        }
    }

    @Test func loadsAValidChecklistIntoTheModel() throws {
        let loaded = try ChecklistLoader().load(file: Fixtures.checklist("valid-minimal.xml"))
        let checklist = loaded.checklist
        #expect(checklist.id == "minimal")
        #expect(checklist.caseTypes == [.childInNeed])
        #expect(checklist.items.map(\.id) == ["allocated", "seen"])
        #expect(checklist.items[0].critical)
        #expect(checklist.items[0].scaleID == "ynp")
        #expect(checklist.items[1].condition == ItemCondition(clauses: [.init(itemID: "allocated", values: ["yes"])]))
        #expect(checklist.grading.caps == [GradeCap(trigger: .criticalFail, grade: "poor", line: 19)])
        #expect(loaded.contentHash?.hex.count == 64)
    }

    @Test func validateSummarisesWithoutTheHash() throws {
        let summary = try ChecklistLoader().validate(file: Fixtures.checklist("valid-minimal.xml"))
        #expect(summary.hash == nil)
        #expect(summary.id == "minimal")
        #expect(summary.items == 2)
        #expect(summary.criticalItems == 1)
        #expect(summary.conditionalItems == 1)
        let loaded = try ChecklistLoader().load(file: Fixtures.checklist("valid-minimal.xml"))
        #expect(ChecklistSummary(loaded).hash == loaded.contentHash?.description)
    }

    /// Above the size where schema validation runs on a second thread, schema and rule errors
    /// must still all be reported, in file order.
    @Test func reportsSchemaAndRuleErrorsTogetherInALargeFile() throws {
        var items = ""
        for index in 0..<1500 {
            items += "    <item id=\"bulk-\(index)\"><prompt>Question \(index) about the record?</prompt>"
            items += "<guidance>\(String(repeating: "Check the file. ", count: 10))</guidance></item>\n"
        }
        items += "    <item id=\"bulk-7\" colour=\"red\"><prompt>A duplicate id and a stray attribute</prompt></item>\n"
        items +=
            "    <item id=\"late\" when=\"bulk-1 = maybe\"><prompt>A condition on an answer that is not there</prompt></item>\n"
        let xml = ChecklistSamples.minimal(extraItems: items)
        #expect(xml.utf8.count > ChecklistLoader.parallelThreshold)
        let failure = try #require(throws: ChecklistLoadError.self) {
            try ChecklistLoader().load(bytes: Array(xml.utf8), path: "large.xml")
        }
        // The first two are on one line, ordered by column: the id comes before the attribute.
        #expect(failure.diagnostics.map(\.stage) == [.rules, .schema, .rules])
        #expect(failure.diagnostics[0].message.contains("duplicate item id 'bulk-7'"))
        #expect(failure.diagnostics[1].message.contains("The attribute 'colour' is not allowed"))
        #expect(failure.diagnostics[2].message.contains("'maybe', which is not an answer"))
        let lines = failure.diagnostics.map(\.location.line)
        #expect(lines == lines.sorted())
    }

    @Test func resolvesScalesFromItemThenSectionThenChecklist() throws {
        let xml = ChecklistSamples.minimal().replacingOccurrences(
            of: "<section id=\"two\" title=\"Second\">", with: "<section id=\"two\" title=\"Second\" scale=\"alt\">"
        ).replacingOccurrences(
            of: "  <section id=\"one\"",
            with:
                "  <scale id=\"alt\"><option value=\"yes\" label=\"Y\" score=\"1\"/><option value=\"no\" label=\"N\" score=\"0\"/></scale>\n  <section id=\"one\""
        )
        let checklist = try ChecklistLoader().load(bytes: Array(xml.utf8), path: "mem.xml").checklist
        #expect(checklist.items.map(\.scaleID) == ["ynp", "ynp", "alt"])
    }

    @Test func reportsAnItemWithNoScaleAnywhere() throws {
        let xml = ChecklistSamples.minimal().replacingOccurrences(of: " scale=\"ynp\">", with: ">")
        let failure = try #require(throws: ChecklistLoadError.self) {
            try ChecklistLoader().load(bytes: Array(xml.utf8), path: "mem.xml")
        }
        #expect(failure.diagnostics.count == 3)
        #expect(!failure.diagnostics.isEmpty)
        #expect(failure.diagnostics.allSatisfy { $0.message.contains("has no scale") })
    }

    @Test func reportsFileProblemsBeforeParsing() throws {
        let folder = try TemporaryDirectory()
        let binary = try folder.write(
            "binary.xml", .init([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        let cases: [(String, String)] = [
            (Fixtures.checklist("empty.xml"), "the file is empty"),
            (binary, "is not a text file"),
            ("\(folder.path)/not-there.xml", "no such file"),
            (folder.path, "is a directory"),
        ]
        for (path, says) in cases {
            let failure = try #require(throws: ChecklistLoadError.self) { try ChecklistLoader().validate(file: path) }
            #expect(failure.diagnostics.count == 1)
            #expect(failure.diagnostics[0].stage == .file)
            #expect(failure.diagnostics[0].location == SourceLocation(file: path))
            #expect(failure.diagnostics[0].message.contains(says))
        }
    }

    @Test func refusesHostileDocumentsWithoutLeakingWhatTheyPointAt() throws {
        let folder = try TemporaryDirectory()
        let marker = "SECRET-CONTENT-\(Int.random(in: 1_000_000...9_999_999))"
        let secret = try folder.write("secret.txt", marker)
        let listener = try LoopbackListener()
        let documents = [
            HostileXML.externalEntity(readingFile: secret),
            HostileXML.externalEntity(readingFile: "/etc/passwd"),
            HostileXML.networkDTD(port: listener.port),
            HostileXML.quadraticBlowUp(entityLength: 50_000, references: 20_000),
        ]
        for xml in documents {
            let failure = try #require(throws: ChecklistLoadError.self) {
                try ChecklistLoader().load(bytes: Array(xml.utf8), path: "hostile.xml")
            }
            #expect(failure.diagnostics.count == 1)
            #expect(failure.diagnostics[0].message.contains("DOCTYPE is not allowed"))
            #expect(!failure.diagnostics[0].message.contains(marker))
            #expect(!failure.diagnostics[0].message.contains("root:"))
        }
        #expect(listener.connectionsWaiting() == 0)
    }

    @Test func keepsTheFilesBytes() throws {
        let path = Fixtures.checklist("valid-minimal.xml")
        let loaded = try ChecklistLoader().load(file: path)
        #expect(String(decoding: loaded.xml, as: UTF8.self) == (try Fixtures.text(path)))
    }
}
