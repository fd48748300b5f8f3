import CLibXML2

/// Parses untrusted XML with every door to the outside shut.
///
/// - no network (`XML_PARSE_NONET`), no external entities (refuse-all loader, see `XMLLibrary`);
/// - no DOCTYPE at all: the SAX `internalSubset` handler stops the parser at the declaration,
///   before any entity is declared, so billion-laughs and quadratic blow-ups never start;
/// - `XML_PARSE_BIG_LINES` so errors past line 65,535 carry their real line.
public enum SafeXMLParser {
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue
            | XML_PARSE_COMPACT.rawValue)

    public static let doctypeRefusal =
        "a DOCTYPE is not allowed: the file may not declare entities or load a DTD"

    /// Parses `bytes`; `name` is used only in libxml2's own bookkeeping, never opened.
    public static func parse(_ bytes: [UInt8], name: String) throws(XMLParseFailure) -> XMLDocumentHandle {
        try withSafeContext { context in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                        xmlCtxtReadMemory(context, chars, Int32(buffer.count), name, nil, options)
                    }
                }
            }
        }
    }

    /// Parses from an open file, reading it in chunks as xmllint does, so a large file is
    /// never held in memory whole. The descriptor is left open.
    public static func parse(fileDescriptor: Int32, name: String) throws(XMLParseFailure) -> XMLDocumentHandle {
        try withSafeContext { context in
            xmlCtxtReadFd(context, fileDescriptor, name, nil, options)
        }
    }

    /// Sets up a parser context with the safe handlers, runs `read`, and turns any error into
    /// a failure: a stopped parser can hand back a partial tree, which is never returned.
    private static func withSafeContext(_ read: (xmlParserCtxtPtr) -> xmlDocPtr?) throws(XMLParseFailure)
        -> XMLDocumentHandle
    {
        XMLLibrary.prepareThread()
        guard let context = xmlNewParserCtxt() else {
            throw XMLParseFailure(diagnostics: [
                XMLDiagnostic(kind: .syntax, line: 0, column: 0, message: "libxml2 could not allocate a parser")
            ])
        }
        defer { xmlFreeParserCtxt(context) }

        let collector = XMLDiagnosticCollector(kind: .syntax)
        context.pointee._private = collector.opaque
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let owner = context.pointee._private else { return }
            XMLDiagnosticCollector.from(owner).record(error.pointee)
        }
        context.pointee.sax.pointee.internalSubset = { userData, _, _, _ in
            guard let userData else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            if let owner = context.pointee._private {
                var line = 0
                var column = 0
                if let input = context.pointee.input {
                    line = Int(input.pointee.line)
                    column = Int(input.pointee.col)
                }
                XMLDiagnosticCollector.from(owner).record(
                    XMLDiagnostic(kind: .syntax, line: line, column: column, message: SafeXMLParser.doctypeRefusal))
            }
            xmlStopParser(context)
        }

        let document = withExtendedLifetime(collector) { read(context) }
        guard let document, collector.isEmpty else {
            if let document { xmlFreeDoc(document) }
            var diagnostics = collector.diagnostics
            if diagnostics.isEmpty {
                diagnostics.append(XMLDiagnostic(kind: .syntax, line: 1, column: 1, message: "the document is empty"))
            }
            throw XMLParseFailure(diagnostics: diagnostics, omitted: collector.omitted)
        }
        return XMLDocumentHandle(owning: document)
    }
}

/// Why a parse produced no document.
public struct XMLParseFailure: Error, Sendable {
    public var diagnostics: [XMLDiagnostic]
    /// Errors past the collector's limit, counted but not kept.
    public var omitted: Int

    public init(diagnostics: [XMLDiagnostic], omitted: Int = 0) {
        self.diagnostics = diagnostics
        self.omitted = omitted
    }
}
