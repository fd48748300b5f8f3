import Testing

@testable import CaseAuditXML

@Suite struct XMLSourceLocatorTests {
    @Test func findsAnAttributeOnTheTagsLine() {
        let locator = XMLSourceLocator(Array("<a>\n  <item id=\"x\" weight=\"2\"/>\n</a>".utf8))
        #expect(locator.position(line: 2, element: "item", attribute: "weight") == (2, 16))
        #expect(locator.position(line: 2, element: "item", attribute: nil) == (2, 3))
    }

    @Test func findsAnAttributeOnAnEarlierLineOfAMultiLineTag() {
        let locator = XMLSourceLocator(Array("<a>\n  <item id=\"x\"\n        when=\"y = z\">\n</item></a>".utf8))
        #expect(locator.position(line: 3, element: "item", attribute: "id") == (2, 9))
        #expect(locator.position(line: 3, element: "item", attribute: "when") == (3, 9))
    }

    @Test func doesNotMistakeAPrefixForTheElement() {
        let locator = XMLSourceLocator(Array("<items><item id=\"a\"/></items>".utf8))
        #expect(locator.position(line: 1, element: "item", attribute: "id") == (1, 14))
    }

    @Test func countsCharactersNotBytes() {
        let locator = XMLSourceLocator(Array("<a title=\"Climbié\" id=\"x\"/>".utf8))
        #expect(locator.position(line: 1, element: "a", attribute: "id") == (1, 20))
    }

    @Test func fallsBackToTheTagWhenTheAttributeIsAbsent() {
        let locator = XMLSourceLocator(Array("<a>\n    <band grade=\"g\"/>\n</a>".utf8))
        #expect(locator.position(line: 2, element: "band", attribute: "min") == (2, 5))
    }
}
