import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One attribute seen in place during `XMLElementRef.forEachAttribute`: its name and value
/// point into the document and are valid only inside the callback.
public struct XMLAttributeValue {
    let name: UnsafePointer<xmlChar>
    let value: UnsafePointer<xmlChar>

    /// Whether the attribute is called `name`.
    public func `is`(_ name: StaticString) -> Bool {
        Self.equal(self.name, name)
    }

    public var string: String { String(cString: value) }

    /// As xs:decimal; nil when it is not a number.
    public var decimal: Double? {
        var end: UnsafeMutablePointer<CChar>?
        let start = UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self)
        let number = strtod(start, &end)
        guard let end, UnsafePointer(end) != start else { return nil }
        var rest = UnsafeRawPointer(end).assumingMemoryBound(to: UInt8.self)
        while XMLWhitespace.isSpace(rest.pointee) { rest += 1 }
        return rest.pointee == 0 ? number : nil
    }

    /// As xs:boolean ("true", "false", "1", "0", spaces around allowed); nil otherwise.
    public var boolean: Bool? {
        var start = value
        while XMLWhitespace.isSpace(start.pointee) { start += 1 }
        var length = 0
        while start[length] != 0, !XMLWhitespace.isSpace(start[length]) { length += 1 }
        switch (length, start.pointee) {
        case (4, UInt8(ascii: "t")) where memcmp(start, "true", 4) == 0: return true
        case (5, UInt8(ascii: "f")) where memcmp(start, "false", 5) == 0: return false
        case (1, UInt8(ascii: "1")): return true
        case (1, UInt8(ascii: "0")): return false
        default: return nil
        }
    }

    /// As an xs:list: the whitespace-separated tokens.
    public var tokens: [String] {
        var tokens: [String] = []
        var index = 0
        while value[index] != 0 {
            while XMLWhitespace.isSpace(value[index]) { index += 1 }
            let start = index
            while value[index] != 0, !XMLWhitespace.isSpace(value[index]) { index += 1 }
            if index > start {
                tokens.append(
                    String(decoding: UnsafeBufferPointer(start: value + start, count: index - start), as: UTF8.self))
            }
        }
        return tokens
    }

    static func equal(_ cName: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        strcmp(
            UnsafeRawPointer(cName).assumingMemoryBound(to: CChar.self),
            UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }
}
