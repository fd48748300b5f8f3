import CLibZ
import CaseAudit

/// Unpacks one zip entry held in memory: stored, or deflated (raw deflate through the system
/// zlib), reading no more than the entry's compressed bytes and writing no more than `budget`
/// bytes, with the entry's CRC-32 checked. A stream that ends early, runs on past its data or
/// fails its checksum is damage, never a hang.
enum ZipInflate {
    enum Failure: Error, Sendable {
        case damaged
        case tooBig(UInt64)
        case unsupported(method: Int)
    }

    static func data(of entry: ZipLayout.Entry, in bytes: [UInt8], budget: UInt64) throws(Failure) -> [UInt8] {
        let input = bytes[entry.dataStart..<(entry.dataStart + entry.compressedSize)]
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard UInt64(input.count) <= budget else { throw .tooBig(UInt64(input.count)) }
            output = Array(input)
        case 8:
            output = try inflate(input, expecting: entry.uncompressedSize, budget: budget)
        default:
            throw .unsupported(method: entry.method)
        }
        let crc = output.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
        guard crc == entry.crc else { throw .damaged }
        return output
    }

    private static func inflate(_ input: ArraySlice<UInt8>, expecting declared: UInt64, budget: UInt64) throws(Failure)
        -> [UInt8]
    {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        // The declared size is a hint, never trusted beyond the budget.
        output.reserveCapacity(CheckedNumber.capacity(min(declared, budget), cap: Int.max))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var finished = false
        var failure: Failure?
        input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while !finished && failure == nil {
                let produced = chunk.withUnsafeMutableBufferPointer { target -> (Int32, Int) in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    let result = CLibZ.inflate(&stream, Z_NO_FLUSH)
                    return (result, target.count - Int(stream.avail_out))
                }
                output += chunk[0..<produced.1]
                if UInt64(output.count) > budget {
                    failure = .tooBig(UInt64(output.count))
                } else if produced.0 == Z_STREAM_END {
                    finished = true
                } else if produced.0 != Z_OK || (produced.1 == 0 && stream.avail_in == 0) {
                    // An error, or the input is used up and the stream has not ended.
                    failure = .damaged
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}
