import CLibXML2

/// Owns one parsed libxml2 document; elements borrowed from it live as long as it does.
///
/// Not thread-safe: one document is read by one task at a time. `@unchecked Sendable` only so
/// that it can be handed from the task that parsed it to the one that reads it.
public final class XMLDocumentHandle: @unchecked Sendable {
    let pointer: xmlDocPtr

    init(owning pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    public var rootElement: XMLElementRef? {
        xmlDocGetRootElement(pointer).map { XMLElementRef(pointer: $0, document: self) }
    }

    /// Canonical XML 1.0 (no comments) of the document after whitespace normalisation, so a
    /// hash over it ignores indentation, line breaks, attribute order and comments.
    ///
    /// Normalising edits the tree: whitespace-only text between elements is removed and runs of
    /// whitespace in text and attribute values become one space. Call it after reading the
    /// document for anything else.
    public func normalisedCanonicalForm() throws(XMLCanonicalisationFailure) -> [UInt8] {
        if let root = xmlDocGetRootElement(pointer) {
            Self.normaliseWhitespace(in: root)
        }
        var output: UnsafeMutablePointer<xmlChar>?
        let length = xmlC14NDocDumpMemory(pointer, nil, Int32(XML_C14N_1_0.rawValue), nil, 0, &output)
        guard length >= 0, let output else { throw XMLCanonicalisationFailure() }
        defer { caseaudit_xml_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(length)))
    }

    private static func normaliseWhitespace(in element: xmlNodePtr) {
        var attribute = element.pointee.properties
        while let current = attribute {
            if let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                let text = String(cString: value)
                caseaudit_xml_free(value)
                let collapsed = XMLWhitespace.collapse(text)
                if collapsed != text {
                    xmlSetProp(element, current.pointee.name, collapsed)
                    // xmlSetProp replaces the value in place; the attribute node stays.
                }
            }
            attribute = current.pointee.next
        }

        let hasElementChildren = xmlFirstElementChild(element) != nil
        var child = element.pointee.children
        while let node = child {
            child = node.pointee.next
            switch node.pointee.type {
            case XML_TEXT_NODE:
                let text = node.pointee.content.map { String(cString: $0) } ?? ""
                let collapsed = XMLWhitespace.collapse(text)
                if collapsed.isEmpty && hasElementChildren {
                    xmlUnlinkNode(node)
                    xmlFreeNode(node)
                } else if collapsed != text {
                    xmlNodeSetContent(node, collapsed)
                }
            case XML_ELEMENT_NODE:
                normaliseWhitespace(in: node)
            default:
                break
            }
        }
    }
}

public struct XMLCanonicalisationFailure: Error, Sendable {}
