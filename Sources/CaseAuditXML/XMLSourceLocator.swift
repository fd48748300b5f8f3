/// Finds columns in XML source text, for errors libxml2 reports with a line only (schema
/// errors, and our own checks on the tree, which libxml2 gives a line but no column).
public struct XMLSourceLocator: Sendable {
    private let bytes: [UInt8]
    /// Offsets of each line's first byte; index 0 is line 1.
    private let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The 1-based column of `attribute` on the start tag of `element` that libxml2 placed at
    /// `line`, or of the tag itself when there is no attribute (or it is absent). libxml2 gives
    /// an element the line where its start tag ends, so the tag may begin on an earlier line.
    public func position(line: Int, element: String?, attribute: String? = nil) -> (line: Int, column: Int) {
        guard line >= 1, line <= lineStarts.count else { return (line, 0) }
        let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
        guard let element else { return (line, firstNonBlankColumn(line: line)) }

        let tag = Array("<\(element)".utf8)
        guard let tagStart = lastOccurrence(of: tag, before: lineEnd, boundaryAfter: true) else {
            return (line, firstNonBlankColumn(line: line))
        }
        if let attribute {
            let pattern = Array(attribute.utf8)
            var index = tagStart + tag.count
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if matches(pattern, at: index), index > 0, isSpace(bytes[index - 1]) {
                    var after = index + pattern.count
                    while after < bytes.count, isSpace(bytes[after]) { after += 1 }
                    if after < bytes.count, bytes[after] == UInt8(ascii: "=") {
                        return lineAndColumn(ofOffset: index)
                    }
                }
                index += 1
            }
        }
        return lineAndColumn(ofOffset: tagStart)
    }

    /// Where a libxml2 diagnostic points: its own column when it has one, else the column of
    /// the attribute or element it names.
    public func position(of diagnostic: XMLDiagnostic) -> (line: Int, column: Int) {
        guard diagnostic.column == 0 else { return (diagnostic.line, diagnostic.column) }
        return position(line: diagnostic.line, element: diagnostic.elementName, attribute: diagnostic.attributeName)
    }

    private func firstNonBlankColumn(line: Int) -> Int {
        var offset = lineStarts[line - 1]
        while offset < bytes.count, bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t") {
            offset += 1
        }
        return offset - lineStarts[line - 1] + 1
    }

    private func lastOccurrence(of pattern: [UInt8], before end: Int, boundaryAfter: Bool) -> Int? {
        var index = min(end, bytes.count) - pattern.count
        while index >= 0 {
            if matches(pattern, at: index) {
                let next = index + pattern.count
                if !boundaryAfter || next >= bytes.count || isSpace(bytes[next]) || bytes[next] == UInt8(ascii: ">")
                    || bytes[next] == UInt8(ascii: "/")
                {
                    return index
                }
            }
            index -= 1
        }
        return nil
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + pattern.count <= bytes.count else { return false }
        for (offset, byte) in pattern.enumerated() where bytes[index + offset] != byte {
            return false
        }
        return true
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\r")
    }

    /// Columns count characters, not bytes, so "Climbié" does not shift what follows.
    private func lineAndColumn(ofOffset offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        for byte in bytes[lineStarts[low]..<offset] where byte & 0xC0 != 0x80 {
            column += 1
        }
        return (low + 1, column)
    }
}
