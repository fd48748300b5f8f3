import CLibXML2

/// Process-wide libxml2 set-up, done once before any parse.
///
/// The refuse-all external entity loader is what stops XXE, external DTDs and the XSD
/// parser's own entity loading: nothing the product reads may pull in another resource.
enum XMLLibrary {
    private static let setUp: Void = {
        xmlInitParser()
        // libxml2 2.9 builds its table of XSD built-in types (xs:date, xs:string …) on first
        // use, without a lock: two schemas compiled at once on different threads could each
        // see it half-built ("xs:date does not resolve"). Build it here, once.
        xmlSchemaInitTypes()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        caseaudit_silence_generic_errors()
    }()

    /// Call at the top of every entry point that touches libxml2.
    static func prepareThread() {
        _ = setUp
        // The generic handler is per thread; Swift's test runner and tasks use many threads.
        caseaudit_silence_generic_errors()
    }
}
