import CLibXML2

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

    public var namespaceURI: String? {
        pointer.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// 1-based line of the element's start tag (libxml2 records where the tag was read).
    public var line: Int {
        Int(xmlGetLineNo(pointer))
    }

    /// An attribute in no namespace, as the checklist format uses them.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(pointer, name) else { return nil }
        defer { caseaudit_xml_free(value) }
        return String(cString: value)
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

    /// The element's text. Safe to read: the parser refuses DOCTYPEs, so there are no entities
    /// to expand into a blow-up.
    public var text: String {
        guard let value = xmlNodeGetContent(pointer) else { return "" }
        defer { caseaudit_xml_free(value) }
        return String(cString: value)
    }
}
