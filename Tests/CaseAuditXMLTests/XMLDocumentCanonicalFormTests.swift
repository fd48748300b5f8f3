import Testing

@testable import CaseAuditXML

@Suite struct XMLDocumentCanonicalFormTests {
    func canonical(_ xml: String) throws -> String {
        let document = try SafeXMLParser.parse(Array(xml.utf8), name: "t")
        return String(decoding: try document.normalisedCanonicalForm(), as: UTF8.self)
    }

    @Test func ignoresIndentationAttributeOrderAndComments() throws {
        let compact = try canonical("<a xmlns='urn:x' p='1' q='2'><b>Is the  child\n seen?</b></a>")
        let spread = try canonical(
            """
            <?xml version="1.0"?>
            <!-- a comment -->
            <a q="2"
               p="1" xmlns="urn:x">
                <b>
                    Is the child seen?
                </b>
            </a>
            """)
        #expect(compact == spread)
        #expect(compact == "<a xmlns=\"urn:x\" p=\"1\" q=\"2\"><b>Is the child seen?</b></a>")
    }

    @Test func changesWhenTheWordingChanges() throws {
        #expect(try canonical("<a><b>Is the child seen?</b></a>") != canonical("<a><b>Was the child seen?</b></a>"))
        #expect(try canonical("<a w='1'/>") != canonical("<a w='2'/>"))
    }

    @Test func collapsesWhitespaceInsideAttributeValues() throws {
        #expect(try canonical("<a t='CIN  CP'/>") == canonical("<a t=' CIN CP '/>"))
    }
}
