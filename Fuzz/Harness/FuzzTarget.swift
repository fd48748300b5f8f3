import CaseAudit
import Foundation
import CaseAuditFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One reader of untrusted input, as a fuzz target: the input's bytes are written to a file
/// with the extension the reader expects and read through the same public entry point the
/// commands use. A reader may refuse the input (an `InputError`, a `ChecklistLoadError`);
/// what it must never do is trap, leak or hang.
struct FuzzTarget: Sendable {
    let name: String
    let fileExtension: String
    /// What an input that is not a zip is packed into, for the Office formats (see `OfficeWrapping`).
    var wrap: (@Sendable (Data) -> Data?)? = nil
    let read: @Sendable (_ path: String, _ firstByte: UInt8) -> Void

    /// Every reader of outside input the product has.
    static let all: [FuzzTarget] = [
        FuzzTarget(name: "checklist", fileExtension: "xml") { path, _ in
            _ = try? ChecklistLoader().load(file: path)
        },
        FuzzTarget(name: "cases-csv", fileExtension: "csv") { path, first in
            _ = try? CaseListCSVImport.read(file: path, mapping: caseMappings[Int(first) % caseMappings.count])
        },
        FuzzTarget(name: "org-csv", fileExtension: "csv") { path, first in
            _ = try? OrgChartImport.read(file: path, mapping: orgMappings[Int(first) % orgMappings.count])
        },
        FuzzTarget(name: "annex-a", fileExtension: "xlsx", wrap: annexASheets) { path, first in
            _ = try? AnnexAImport.read(file: path, lists: first % 2 == 0 ? AnnexAImport.defaultLists : [3, 4, 5, 6, 7, 8, 9])
        },
        FuzzTarget(name: "cin-census", fileExtension: "xml") { path, first in
            _ = try? CINCensusImport.read(file: path, schema: first % 2 == 0 ? censusSchema : nil, teams: nil)
        },
        FuzzTarget(name: "board-xlsx", fileExtension: "xlsx", wrap: boardSheet) { path, _ in board(path) },
        FuzzTarget(name: "board-docx", fileExtension: "docx", wrap: OfficeWrapping.document) { path, _ in board(path) },
        FuzzTarget(name: "board-csv", fileExtension: "csv") { path, first in
            board(path, mapping: first % 2 == 0 ? [:] : [.prompt: "B", .section: "A", .guidance: "C"])
        },
        FuzzTarget(name: "sheet-csv", fileExtension: "csv") { path, _ in sheet(path) },
        FuzzTarget(name: "sheet-json", fileExtension: "json") { path, _ in sheet(path) },
    ]

    static let annexASheets: @Sendable (Data) -> Data? = {
        OfficeWrapping.workbook(sheetXML: $0, sheets: (3...9).map { "List \($0)" })
    }
    static let boardSheet: @Sendable (Data) -> Data? = { OfficeWrapping.workbook(sheetXML: $0, sheets: ["Audit tool"]) }

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// Mappings picked by the input's first byte, so the fuzzer explores `--map` as well.
    static let caseMappings: [[CaseListCSVImport.Field: String]] = [
        [:], [.reference: "1", .caseType: "2", .team: "3"], [.reference: "ref", .opened: "opened", .lastVisit: "9"],
    ]
    static let orgMappings: [[OrgChartImport.Field: String]] = [[:], [.id: "1", .name: "2", .level: "3", .reportsTo: "6"]]

    static func board(_ path: String, mapping: [BoardColumn: String] = [:]) {
        guard let table = try? BoardReader.read(path) else { return }
        _ = try? BoardImport(table, mapping: mapping)
    }

    static func sheet(_ path: String) {
        guard let sheet = try? AnswerSheet.read(file: path), let checklist = sheetChecklist else { return }
        _ = try? sheet.check(against: ScoringSession(checklist: checklist), today: CalendarDate.today())
    }

    /// The repository's folder, found from this file's place in it.
    static let repository: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Fuzz/Harness/FuzzTarget.swift
        return parts.joined(separator: "/")
    }()

    static let censusSchema = "\(repository)/../shared/formats/cin-census-2024.xsd"

    /// Sheets are checked against the shipped Climbié checklist, as `audit score --answers` does.
    static let sheetChecklist: Checklist? = try? ChecklistLoader().load(
        file: "\(repository)/Checklists/climbie-compliance.xml"
    ).checklist
}
