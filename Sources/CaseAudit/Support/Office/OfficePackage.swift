import Foundation
import ZIPFoundation

/// An Office Open XML document (xlsx, docx): a zip of XML parts, read part by part into memory
/// and never written anywhere, with limits against zip bombs.
struct OfficePackage {
    /// No part of a council workbook comes near these; a bomb does.
    static let partLimit: UInt64 = 128 * 1024 * 1024
    static let totalLimit: UInt64 = 512 * 1024 * 1024
    static let ratioLimit: UInt64 = 200

    let path: String
    private let archive: Archive
    private var extracted: UInt64 = 0

    init(path: String) throws(InputError) {
        self.path = path
        do throws(FileContents.Failure) {
            _ = try FileContents.openFile(path, limit: Int(Self.totalLimit))
        } catch {
            throw InputError(.file, at: SourceLocation(file: path), error.message)
        }
        // From the file, not from memory: ZIPFoundation 0.9.20's in-memory archive traps on an
        // entry that points past the end of the data (found by the fuzzer), while its file
        // reader just reads nothing there. Its file reader leaks the path's C string (31 bytes a
        // workbook; Fuzz/lsan-suppressions.txt names that one leak for the fuzzer).
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw InputError(.file, at: SourceLocation(file: path), Messages.Office.notAZip)
        }
    }

    /// The bytes of the part at `name` (e.g. "xl/workbook.xml"); nil when there is none.
    mutating func part(_ name: String) throws(InputError) -> [UInt8]? {
        guard let entry = archive[name] else { return nil }
        let location = SourceLocation(file: "\(path)[\(name)]")
        let declared = entry.uncompressedSize
        if declared > Self.partLimit || declared > Self.ratioLimit * max(entry.compressedSize, 1) {
            throw InputError(.file, at: location, Messages.Office.tooBig(declared))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(CheckedNumber.capacity(declared, cap: Int(Self.partLimit)))
        let budget = min(Self.partLimit, Self.totalLimit - extracted)
        do {
            _ = try archive.extract(entry) { chunk in
                // The declared size can lie: count what actually comes out.
                guard UInt64(bytes.count + chunk.count) <= budget else { throw PackageLimit() }
                bytes.append(contentsOf: chunk)
            }
        } catch is PackageLimit {
            throw InputError(.file, at: location, Messages.Office.tooBig(UInt64(bytes.count)))
        } catch {
            throw InputError(.file, at: location, Messages.Office.corrupt)
        }
        extracted += UInt64(bytes.count)
        return bytes
    }

    private struct PackageLimit: Error {}
}
