import Foundation
import Testing

@testable import CaseAudit
@testable import CaseAuditFormats

/// caseaudit's own zip reading: every part where the zip says, inflated within its bounds.
@Suite struct ZipLayoutTests {
    static let text = String(
        repeating: "<row><c t=\"inlineStr\"><is><t>Is the child seen?</t></is></c></row>", count: 200)

    func zip() throws -> [UInt8] {
        Array(
            try XLSXWriter.zip([
                ("xl/worksheets/sheet1.xml", Data(Self.text.utf8)), ("xl/workbook.xml", Data("<workbook/>".utf8)),
            ]))
    }

    @Test func readsEveryPartBack() throws {
        let bytes = try zip()
        let entries = try ZipLayout.entries(bytes)
        #expect(entries.keys.sorted() == ["xl/workbook.xml", "xl/worksheets/sheet1.xml"])
        let sheet = try #require(entries["xl/worksheets/sheet1.xml"])
        #expect(sheet.method == 8)
        #expect(
            String(decoding: try ZipInflate.data(of: sheet, in: bytes, budget: 1 << 20), as: UTF8.self) == Self.text)
    }

    @Test func aChangedByteIsDamageNotAHang() throws {
        var bytes = try zip()
        let sheet = try #require(try ZipLayout.entries(bytes)["xl/worksheets/sheet1.xml"])
        for offset in [
            sheet.dataStart, sheet.dataStart + sheet.compressedSize / 2, sheet.dataStart + sheet.compressedSize - 1,
        ] {
            let original = bytes[offset]
            bytes[offset] ^= 0x5A
            #expect(throws: ZipInflate.Failure.self) { _ = try ZipInflate.data(of: sheet, in: bytes, budget: 1 << 20) }
            bytes[offset] = original
        }
    }

    @Test func moreThanTheBudgetIsRefusedAsItComesOut() throws {
        let bytes = try zip()
        let sheet = try #require(try ZipLayout.entries(bytes)["xl/worksheets/sheet1.xml"])
        do {
            _ = try ZipInflate.data(of: sheet, in: bytes, budget: 1000)
            Issue.record("a part larger than its budget was unpacked")
        } catch {
            guard case .tooBig(let size) = error else { Issue.record("expected tooBig, got \(error)"); return }
            #expect(size > 1000)
        }
    }

    @Test func aZipCutShortOrPointingPastItsEndIsDamaged() throws {
        let bytes = try zip()
        #expect(throws: ZipLayout.Damage.self) { _ = try ZipLayout.entries(Array(bytes.prefix(bytes.count / 2))) }
        // The first entry's compressed size (central directory, offset 20) made huge.
        guard
            let directory = (0..<(bytes.count - 4)).last(where: {
                bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 1 && bytes[$0 + 3] == 2
            })
        else {
            Issue.record("no central directory")
            return
        }
        var lying = bytes
        for index in 0..<4 { lying[directory + 20 + index] = 0x7F }
        #expect(throws: ZipLayout.Damage.self) { _ = try ZipLayout.entries(lying) }
    }
}
