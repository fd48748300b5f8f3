import Testing

@testable import CaseAuditReports

/// The report's own JSON writer lays its text out as the standard encoder does (`JSONOutput`:
/// pretty, keys sorted), escapes included, so the two can sit in one file; but for an empty
/// array, which it writes `[]`, as the report always has.
@Suite struct JSONTextTests {
    struct Document: Encodable {
        var audited: Int
        var head: [String: String]
        var tables: [ReportTable]
    }

    @Test func writesWhatTheStandardEncoderWrites() {
        let odd = ["say \"no\"", "back\\slash", "two\nlines", "tab\there", "bell\u{07}", "café ✓", ""]
        let document = Document(
            audited: 42, head: ["seq": "7"],
            tables: [
                ReportTable(name: "teams", title: "Teams", headers: ["Team", "Files"], rows: [["A", "1"], odd]),
                ReportTable(name: "one", title: "One \"quoted\"", headers: ["Only"], rows: [["x"]]),
            ])
        var json = JSONText()
        json.object { object in
            object.member("audited") { $0.raw(String(document.audited)) }
            object.member("head") { value in
                value.object { object in object.member("seq") { $0.string("7") } }
            }
            object.member("tables") { value in value.array(document.tables.count) { $0.table(document.tables[$1]) } }
        }
        #expect(json.text + "\n" == JSONOutput.render(document))
        #expect(json.text.contains(#""say \"no\"""#))
    }

    @Test func writesAnEmptyArrayOnOneLine() {
        var json = JSONText()
        json.object { object in
            object.member("rows") { $0.array(0) { _, _ in } }
            object.member("tables") { value in value.array(1) { value, _ in value.object { _ in } } }
        }
        #expect(json.text == "{\n  \"rows\" : [],\n  \"tables\" : [\n    {}\n  ]\n}")
    }
}
