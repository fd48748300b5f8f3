import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAuditXML

@Suite struct SafeXMLParserTests {
    @Test func parsesAWellFormedDocument() throws {
        let document = try SafeXMLParser.parse(Array("<a xmlns='urn:x'><b n='1'>text</b></a>".utf8), name: "t.xml")
        let root = try #require(document.rootElement)
        #expect(root.localName == "a")
        #expect(root.namespaceURI == "urn:x")
        #expect(root.childElements.map(\.localName) == ["b"])
        #expect(root.childElements.first?.attribute("n") == "1")
        #expect(root.childElements.first?.text == "text")
    }

    @Test func reportsLineAndColumnOfAMalformedTag() throws {
        let xml = "<a>\n  <b>\n  </c>\n</a>"
        let failure = try #require(throws: XMLParseFailure.self) {
            try SafeXMLParser.parse(Array(xml.utf8), name: "t.xml")
        }
        let first = try #require(failure.diagnostics.first)
        #expect(first.line == 3)
        #expect(first.column > 0)
        #expect(first.message.contains("mismatch"))
    }

    @Test func refusesAnyDoctype() throws {
        let xml = "<?xml version='1.0'?>\n<!DOCTYPE a [ <!ENTITY e 'x'> ]>\n<a>&e;</a>"
        let failure = try #require(throws: XMLParseFailure.self) {
            try SafeXMLParser.parse(Array(xml.utf8), name: "t.xml")
        }
        #expect(failure.diagnostics.map(\.message) == [SafeXMLParser.doctypeRefusal])
        #expect(failure.diagnostics.first?.line == 2)
    }

    @Test func neverReadsALocalFileThroughAnExternalEntity() throws {
        let folder = try TemporaryDirectory()
        let marker = "SECRET-\(UUID().uuidString)"
        let secret = try folder.write("secret.txt", marker)
        let xml = "<?xml version='1.0'?>\n<!DOCTYPE a [ <!ENTITY x SYSTEM 'file://\(secret)'> ]>\n<a>&x;</a>"
        let failure = try #require(throws: XMLParseFailure.self) {
            try SafeXMLParser.parse(Array(xml.utf8), name: "t.xml")
        }
        let everything = failure.diagnostics.map(\.message).joined()
        #expect(!everything.contains(marker))
        #expect(failure.diagnostics.first?.message == SafeXMLParser.doctypeRefusal)
    }

    @Test func neverConnectsToTheNetworkForADTD() throws {
        let listener = try LoopbackListener()
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE a SYSTEM "http://127.0.0.1:\(listener.port)/evil.dtd">
            <a xmlns="urn:x"/>
            """
        #expect(throws: XMLParseFailure.self) { try SafeXMLParser.parse(Array(xml.utf8), name: "t.xml") }
        #expect(listener.connectionsWaiting() == 0)
    }

    @Test func refusesTheBillionLaughsBeforeExpandingAnything() throws {
        let bytes = Array(try Fixtures.text(Fixtures.checklist("billion-laughs.xml")).utf8)
        let failure = try #require(throws: XMLParseFailure.self) { try SafeXMLParser.parse(bytes, name: "lol.xml") }
        #expect(failure.diagnostics.count == 1)
        #expect(failure.diagnostics.first?.message == SafeXMLParser.doctypeRefusal)
    }

    @Test func refusesTheQuadraticBlowUp() throws {
        let xml = HostileXML.quadraticBlowUp(entityLength: 50_000, references: 20_000)
        let failure = try #require(throws: XMLParseFailure.self) {
            try SafeXMLParser.parse(Array(xml.utf8), name: "q.xml")
        }
        #expect(failure.diagnostics.first?.message == SafeXMLParser.doctypeRefusal)
    }

    @Test func reportsLinesPast65535() throws {
        let xml = "<a>" + String(repeating: "\n", count: 70_000) + "<b></c></a>"
        let failure = try #require(throws: XMLParseFailure.self) {
            try SafeXMLParser.parse(Array(xml.utf8), name: "t.xml")
        }
        #expect(failure.diagnostics.first?.line == 70_001)
    }

    @Test func reportsAnEmptyDocument() throws {
        let failure = try #require(throws: XMLParseFailure.self) { try SafeXMLParser.parse([], name: "t.xml") }
        #expect(!failure.diagnostics.isEmpty)
    }

    @Test func parsesSafelyFromManyThreadsAtOnce() async throws {
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let good = index.isMultiple(of: 2)
                    let xml = good ? "<a><b/></a>" : "<a><b></a>"
                    let parsed = (try? SafeXMLParser.parse(Array(xml.utf8), name: "t.xml")) != nil
                    return parsed == good
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { $0 })
    }
}
