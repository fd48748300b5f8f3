import CaseAudit

/// Where each entry of a zip file in memory is, checked to lie inside the file.
///
/// Office files were read with ZIPFoundation 0.9.20, which trusts what a zip declares: a
/// deflate stream that never ends, or compressed data that runs past the end of the file, made
/// its reader loop for ever at the end of the file (found by the fuzzer: a workbook with a few
/// bytes changed hung `cases import`), its in-memory reader trapped on an offset past the end,
/// and its file reader leaked. So caseaudit reads the central directory itself and inflates each
/// part within the bounds it declares (`ZipInflate`). Zip64 fields are read where present.
enum ZipLayout {
    struct Damage: Error, Sendable {
        var entry: String?
    }

    struct Entry: Sendable {
        var name: String
        /// 0 stored, 8 deflated; others are refused when read.
        var method: Int
        var compressedSize: Int
        var uncompressedSize: UInt64
        var crc: UInt32
        /// Where the compressed data starts in the file.
        var dataStart: Int
    }

    static func entries(_ bytes: [UInt8]) throws(Damage) -> [String: Entry] {
        var found: [String: Entry] = [:]
        let size = bytes.count
        func u16(_ at: Int) -> Int { at + 2 <= size ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : 0 }
        func u32(_ at: Int) -> UInt64 {
            guard at + 4 <= size else { return 0 }
            return (0..<4).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
        }
        func u64(_ at: Int) -> UInt64 {
            guard at + 8 <= size else { return .max }
            return (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
        }
        // The end-of-central-directory record: in the last 22 bytes, or before a comment.
        let earliest = max(0, size - 22 - 65_535)
        guard size >= 22,
            let end = stride(from: size - 22, through: earliest, by: -1).first(where: { u32($0) == 0x0605_4B50 })
        else { throw Damage() }
        var count = UInt64(u16(end + 10))
        var directory = u32(end + 16)
        if directory == 0xFFFF_FFFF || count == 0xFFFF {
            // A zip64 end record, found through its locator just before the end record.
            guard end >= 20, u32(end - 20) == 0x0706_4B50 else { throw Damage() }
            let record = u64(end - 12)
            guard record <= UInt64(max(0, size - 56)), u32(Int(record)) == 0x0606_4B50 else { throw Damage() }
            count = u64(Int(record) + 32)
            directory = u64(Int(record) + 48)
        }
        guard directory < UInt64(size), count <= UInt64(size / 46) else { throw Damage() }
        var at = Int(directory)
        for _ in 0..<count {
            guard at + 46 <= size, u32(at) == 0x0201_4B50 else { throw Damage() }
            var compressed = u32(at + 20)
            var uncompressed = u32(at + 24)
            let nameLength = u16(at + 28)
            let extraLength = u16(at + 30)
            let commentLength = u16(at + 32)
            var offset = u32(at + 42)
            guard at + 46 + nameLength + extraLength + commentLength <= size else { throw Damage() }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            // Zip64: the extra field (id 1) holds, in order, the fields that read 0xFFFFFFFF.
            var extra = at + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = u16(extra)
                let length = u16(extra + 2)
                if id == 1 {
                    var field = extra + 4
                    if uncompressed == 0xFFFF_FFFF { uncompressed = u64(field); field += 8 }
                    if compressed == 0xFFFF_FFFF { compressed = u64(field); field += 8 }
                    if offset == 0xFFFF_FFFF { offset = u64(field) }
                }
                extra += 4 + length
            }
            // The local header, and the compressed data after it, must lie inside the file.
            guard offset <= UInt64(max(0, size - 30)), u32(Int(offset)) == 0x0403_4B50 else {
                throw Damage(entry: name)
            }
            let local = Int(offset)
            let dataStart = UInt64(local + 30 + u16(local + 26) + u16(local + 28))
            guard compressed <= UInt64(size), dataStart + compressed <= UInt64(size) else { throw Damage(entry: name) }
            found[name] = Entry(
                name: name, method: u16(at + 10), compressedSize: Int(compressed), uncompressedSize: uncompressed,
                crc: UInt32(truncatingIfNeeded: u32(at + 16)), dataStart: Int(dataStart))
            at += 46 + nameLength + extraLength + commentLength
        }
        return found
    }
}
