import CLibXML2

/// A compiled XSD, shareable across threads (libxml2 only reads a compiled schema; each
/// validation gets its own context).
public final class XMLSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    private let targetNamespace: String?

    /// Compiles an XSD held in memory. The refuse-all entity loader stops the XSD from
    /// importing or including anything else.
    public init(xsd: [UInt8], targetNamespace: String? = nil) throws(XMLSchemaCompilationFailure) {
        XMLLibrary.prepareThread()
        let collector = XMLDiagnosticCollector(kind: .schema)
        let compiled: xmlSchemaPtr? = xsd.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                let parser = base.withMemoryRebound(
                    to: CChar.self, capacity: buffer.count,
                    { xmlSchemaNewMemParserCtxt($0, Int32(buffer.count)) })
            else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, XMLSchema.structuredHandler, collector.opaque)
            // Well-formedness errors in the XSD itself go to the global handler: catch them too.
            xmlSetStructuredErrorFunc(collector.opaque, XMLSchema.structuredHandler)
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            return withExtendedLifetime(collector) { xmlSchemaParse(parser) }
        }
        guard let compiled, collector.isEmpty else {
            if let compiled { xmlSchemaFree(compiled) }
            throw XMLSchemaCompilationFailure(diagnostics: collector.diagnostics)
        }
        self.schema = compiled
        self.targetNamespace = targetNamespace
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// Every way the document breaks the schema (up to the collector's limit), with lines.
    public func validate(_ document: XMLDocumentHandle) -> (diagnostics: [XMLDiagnostic], omitted: Int) {
        XMLLibrary.prepareThread()
        let collector = XMLDiagnosticCollector(kind: .schema, namespaceToHide: targetNamespace)
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return (
                [XMLDiagnostic(kind: .schema, line: 0, column: 0, message: "libxml2 could not allocate a validator")], 0
            )
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, XMLSchema.structuredHandler, collector.opaque)
        let status = withExtendedLifetime(collector) { xmlSchemaValidateDoc(context, document.pointer) }
        if status != 0 && collector.isEmpty {
            collector.record(
                XMLDiagnostic(
                    kind: .schema, line: 0, column: 0, message: "the schema validator failed (code \(status))"))
        }
        return (collector.diagnostics, collector.omitted)
    }

    private static let structuredHandler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        XMLDiagnosticCollector.from(userData).record(error.pointee)
    }
}

public struct XMLSchemaCompilationFailure: Error, Sendable {
    public var diagnostics: [XMLDiagnostic]
}
