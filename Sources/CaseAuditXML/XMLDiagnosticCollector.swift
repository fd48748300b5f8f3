import CLibXML2

/// Gathers libxml2's structured errors for one parse or one validation.
///
/// Passed to C callbacks as an unretained opaque pointer; it outlives every call because the
/// caller holds it for the whole libxml2 operation.
final class XMLDiagnosticCollector {
    /// Enough to fix a file from; a broken 5 MB file must not build an unbounded list.
    static let limit = 200

    let kind: XMLDiagnostic.Kind
    private(set) var diagnostics: [XMLDiagnostic] = []
    private(set) var omitted = 0
    private let namespaceToHide: String?

    init(kind: XMLDiagnostic.Kind, namespaceToHide: String? = nil) {
        self.kind = kind
        self.namespaceToHide = namespaceToHide
    }

    var isEmpty: Bool { diagnostics.isEmpty && omitted == 0 }

    func record(_ diagnostic: XMLDiagnostic) {
        guard diagnostics.count < Self.limit else {
            omitted += 1
            return
        }
        diagnostics.append(diagnostic)
    }

    func record(_ error: xmlError) {
        // Warnings (e.g. about encodings) do not make a document wrong.
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        message = Self.tidy(message, hiding: namespaceToHide)
        var elementName: String?
        if let node = error.node?.assumingMemoryBound(to: xmlNode.self),
            node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name
        {
            elementName = String(cString: name)
        }
        record(
            XMLDiagnostic(
                kind: kind, line: Int(error.line), column: Int(error.int2), message: message,
                elementName: elementName, attributeName: Self.attributeNamed(in: message)))
    }

    /// The unretained pointer handed to C for the duration of one call.
    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer) -> XMLDiagnosticCollector {
        Unmanaged<XMLDiagnosticCollector>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// libxml2 ends messages with a newline and spells names as `{namespace}name`.
    static func tidy(_ message: String, hiding namespace: String?) -> String {
        var text = message
        if let namespace { text = text.replacingAll("{\(namespace)}", with: "") }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    /// Schema messages say `attribute 'weight'`: the column is then the attribute's.
    static func attributeNamed(in message: String) -> String? {
        guard let start = message.range(ofLiteral: "attribute '") else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        let name = String(rest[..<end])
        return name.isEmpty ? nil : name
    }
}

extension String {
    /// Foundation-free replacement, so this module needs nothing but the standard library.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(ofLiteral: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}

extension StringProtocol {
    func range(ofLiteral target: String) -> Range<Index>? {
        guard !target.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                return index..<self.index(index, offsetBy: target.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
