import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A borrowed view of one element; keeps its document alive.
public struct XMLElementRef {
    let pointer: xmlNodePtr
    let document: XMLDocumentHandle

    init(pointer: xmlNodePtr, document: XMLDocumentHandle) {
        self.pointer = pointer
        self.document = document
    }

    public var localName: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// Whether the element's local name is `name`, without building a String.
    public func isNamed(_ name: StaticString) -> Bool {
        guard let own = pointer.pointee.name else { return false }
        return strcmp(
            UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self),
            UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The child elements called `name`, in document order.
    public func children(named name: StaticString) -> [XMLElementRef] {
        var result: [XMLElementRef] = []
        var child = xmlFirstElementChild(pointer)
        while let node = child {
            let element = XMLElementRef(pointer: node, document: document)
            if element.isNamed(name) { result.append(element) }
            child = xmlNextElementSibling(node)
        }
        return result
    }

    /// The first child element called `name`.
    public func firstChild(named name: StaticString) -> XMLElementRef? {
        var child = xmlFirstElementChild(pointer)
        while let node = child {
            let element = XMLElementRef(pointer: node, document: document)
            if element.isNamed(name) { return element }
            child = xmlNextElementSibling(node)
        }
        return nil
    }

    public var namespaceURI: String? {
        pointer.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// 1-based line of the element's start tag (libxml2 records where the tag was read).
    public var line: Int {
        Int(xmlGetLineNo(pointer))
    }

    /// An attribute in no namespace, as the checklist format uses them.
    public func attribute(_ name: StaticString) -> String? {
        lookup(name) { $0.string }
    }

    /// An attribute in a namespace (such as `r:id` in Office Open XML).
    public func attribute(_ name: String, namespace: String) -> String? {
        guard let value = xmlGetNsProp(pointer, name, namespace) else { return nil }
        defer { caseaudit_xml_free(value) }
        return String(cString: value)
    }

    /// A numeric attribute (xs:decimal); nil when absent or not a number (the schema says why).
    public func decimalAttribute(_ name: StaticString) -> Double? {
        lookup(name) { $0.decimal } ?? nil
    }

    /// An xs:boolean attribute; nil when absent or not a boolean.
    public func booleanAttribute(_ name: StaticString) -> Bool? {
        lookup(name) { $0.boolean } ?? nil
    }

    /// A whitespace-separated list attribute (xs:list), split into its tokens.
    public func tokensAttribute(_ name: StaticString) -> [String] {
        lookup(name) { $0.tokens } ?? []
    }

    /// Visits each attribute in no namespace once: cheaper than looking several up one by one
    /// on a large document, where every attribute node is a likely cache miss.
    public func forEachAttribute(_ body: (XMLAttributeValue) -> Void) {
        var property = pointer.pointee.properties
        while let current = property {
            if current.pointee.ns == nil, let name = current.pointee.name {
                withValue(of: current) { body(XMLAttributeValue(name: name, value: $0)) }
            }
            property = current.pointee.next
        }
    }

    private func lookup<T>(_ name: StaticString, _ read: (XMLAttributeValue) -> T) -> T? {
        var property = pointer.pointee.properties
        while let current = property {
            if current.pointee.ns == nil, let propertyName = current.pointee.name,
                XMLAttributeValue.equal(propertyName, name)
            {
                return withValue(of: current) { read(XMLAttributeValue(name: propertyName, value: $0)) }
            }
            property = current.pointee.next
        }
        return nil
    }

    /// The value as a C string, read in place when it is one text node (always, without
    /// entities) instead of asking libxml2 for a copy.
    private func withValue<T>(of property: xmlAttrPtr, _ body: (UnsafePointer<xmlChar>) -> T) -> T {
        guard let child = property.pointee.children else {
            var empty: xmlChar = 0
            return body(&empty)
        }
        if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
            return body(content)
        }
        guard let value = xmlNodeListGetString(pointer.pointee.doc, child, 1) else {
            var empty: xmlChar = 0
            return body(&empty)
        }
        defer { caseaudit_xml_free(value) }
        return body(value)
    }

    public var childElements: [XMLElementRef] {
        var result: [XMLElementRef] = []
        var child = xmlFirstElementChild(pointer)
        while let node = child {
            result.append(XMLElementRef(pointer: node, document: document))
            child = xmlNextElementSibling(node)
        }
        return result
    }

    /// The element's text with whitespace trimmed and collapsed: prose as a reader sees it.
    public var collapsedText: String {
        if let child = pointer.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE,
            let content = child.pointee.content
        {
            return XMLWhitespace.collapse(UnsafeBufferPointer(start: content, count: strlen(content)))
        }
        guard let value = xmlNodeGetContent(pointer) else { return "" }
        defer { caseaudit_xml_free(value) }
        return XMLWhitespace.collapse(UnsafeBufferPointer(start: value, count: strlen(value)))
    }

    /// The element's text. Safe to read: the parser refuses DOCTYPEs, so there are no entities
    /// to expand into a blow-up.
    public var text: String {
        guard let value = xmlNodeGetContent(pointer) else { return "" }
        defer { caseaudit_xml_free(value) }
        return String(cString: value)
    }
}
