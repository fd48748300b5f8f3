import CaseAudit

/// An Office Open XML document (xlsx, docx): a zip of XML parts, read into memory and unpacked
/// part by part, never written anywhere, with limits against zip bombs. The zip is read by
/// `ZipLayout` and `ZipInflate`, not ZIPFoundation (see `ZipLayout` for why).
struct OfficePackage {
    /// No part of a council workbook comes near these; a bomb does.
    static let partLimit: UInt64 = 128 * 1024 * 1024
    static let totalLimit: UInt64 = 512 * 1024 * 1024
    static let ratioLimit: UInt64 = 200

    let path: String
    private let bytes: [UInt8]
    private let entries: [String: ZipLayout.Entry]
    private var extracted: UInt64 = 0

    init(path: String) throws(InputError) {
        self.path = path
        do throws(FileContents.Failure) {
            bytes = try FileContents.openFile(path, limit: Int(Self.totalLimit)).readAll()
        } catch {
            throw InputError(.file, at: SourceLocation(file: path), error.message)
        }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw InputError(.file, at: SourceLocation(file: path), FormatMessages.Office.notAZip)
        }
        do throws(ZipLayout.Damage) {
            entries = try ZipLayout.entries(bytes)
        } catch {
            throw InputError(
                .file, at: SourceLocation(file: error.entry.map { "\(path)[\($0)]" } ?? path),
                FormatMessages.Office.corrupt)
        }
    }

    /// The SHA-256 of the package's bytes, as read.
    var sha256: String { ImportSource.sha256(of: bytes) }

    /// The bytes of the part at `name` (e.g. "xl/workbook.xml"); nil when there is none.
    mutating func part(_ name: String) throws(InputError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let location = SourceLocation(file: "\(path)[\(name)]")
        let declared = entry.uncompressedSize
        if declared > Self.partLimit || declared > Self.ratioLimit * UInt64(max(entry.compressedSize, 1)) {
            throw InputError(.file, at: location, FormatMessages.Office.tooBig(declared))
        }
        // The declared size can lie: the inflater counts what actually comes out.
        let budget = min(
            Self.partLimit, Self.ratioLimit * UInt64(max(entry.compressedSize, 1)), Self.totalLimit - extracted)
        let part: [UInt8]
        do throws(ZipInflate.Failure) {
            part = try ZipInflate.data(of: entry, in: bytes, budget: budget)
        } catch {
            switch error {
            case .tooBig(let size): throw InputError(.file, at: location, FormatMessages.Office.tooBig(size))
            case .damaged, .unsupported: throw InputError(.file, at: location, FormatMessages.Office.corrupt)
            }
        }
        extracted += UInt64(part.count)
        return part
    }
}
