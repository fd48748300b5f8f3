import Testing

@testable import CaseAuditXML

@Suite struct XMLSchemaTests {
    static let xsd = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
          <xs:element name="root">
            <xs:complexType>
              <xs:sequence><xs:element name="n" type="xs:int" maxOccurs="unbounded"/></xs:sequence>
              <xs:attribute name="id" type="xs:token" use="required"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    @Test func acceptsAValidDocument() throws {
        let schema = try XMLSchema(xsd: Array(Self.xsd.utf8), targetNamespace: "urn:t")
        let document = try SafeXMLParser.parse(Array("<root xmlns='urn:t' id='a'><n>1</n></root>".utf8), name: "t")
        #expect(schema.validate(document).diagnostics.isEmpty)
    }

    @Test func collectsEveryErrorWithItsLine() throws {
        let schema = try XMLSchema(xsd: Array(Self.xsd.utf8), targetNamespace: "urn:t")
        let xml = "<root xmlns='urn:t'>\n<n>x</n>\n<n>2</n>\n<n>y</n>\n</root>"
        let document = try SafeXMLParser.parse(Array(xml.utf8), name: "t")
        let (diagnostics, omitted) = schema.validate(document)
        #expect(omitted == 0)
        #expect(diagnostics.map(\.line) == [1, 2, 4])
        #expect(diagnostics[0].attributeName == "id")
        #expect(diagnostics[1].elementName == "n")
        // The namespace is hidden from messages: `{urn:t}n` reads as `n`.
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { !$0.message.contains("{urn:t}") })
    }

    @Test func refusesABrokenSchema() {
        #expect(throws: XMLSchemaCompilationFailure.self) {
            try XMLSchema(
                xsd: Array("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:element/></xs:schema>".utf8))
        }
    }

    @Test func stopsCollectingAtTheLimit() throws {
        let schema = try XMLSchema(xsd: Array(Self.xsd.utf8), targetNamespace: "urn:t")
        let count = XMLDiagnosticCollector.limit + 50
        let xml = "<root xmlns='urn:t' id='a'>" + String(repeating: "<n>x</n>\n", count: count) + "</root>"
        let (diagnostics, omitted) = schema.validate(try SafeXMLParser.parse(Array(xml.utf8), name: "t"))
        #expect(diagnostics.count == XMLDiagnosticCollector.limit)
        #expect(omitted == 50)
    }
}
