import Foundation
import Testing

@testable import CaseAudit
@testable import CaseAuditFormats

@Suite struct TextEncodingTests {
    /// The bytes the cases below are made of: ASCII, and the pieces of characters of two, three
    /// and four bytes, well formed or not.
    static let pieces: [[UInt8]] = [
        Array("a,".utf8), Array("Team 4\n".utf8), [0x20],
        Array("ë".utf8), Array("€".utf8), Array("😀".utf8), Array("Siân".utf8),
        [0xC3], [0xA9], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80], [0xBF],
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5],
        [0xFF], [0xFE],
    ]

    /// The validator agrees with the standard library's on named cases and on 20,000 strings
    /// pieced together at random, of every length up to 80 bytes, so pieces fall at every
    /// place in and across the words and blocks of words the ASCII is skipped by.
    @Test func agreesWithTheStandardLibrary() {
        let named: [[UInt8]] = [
            [], Array("plain ASCII, longer than one word".utf8), Array("Zoë Testcase".utf8),
            Array("12345678ë".utf8), Array("1234567ë".utf8), [0xC3] + Array("abcdefgh".utf8),
            Array("abcdefgh".utf8) + [0xC3], [0xE2, 0x82] + Array("xyz".utf8), [0xED, 0xA0, 0x80],
        ]
        var random = SampleRandom(seed: 11)
        var valid = 0
        let made = (0..<20_000).map { _ in
            var bytes: [UInt8] = []
            while bytes.count < random.next(below: 81) {
                bytes += Self.pieces[random.next(below: Self.pieces.count)]
            }
            return bytes
        }
        for bytes in named + made {
            let expected = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
            #expect(TextEncoding.isValidUTF8(bytes) == expected, "\(bytes)")
            if expected { valid += 1 }
        }
        // Both answers come up often.
        #expect(valid > 1_000)
        #expect(valid < 19_000)
    }

    @Test func findsTheFirstByteThatIsNotASCII() {
        for length in 0..<70 {
            for place in 0...length {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                if place < length { bytes[place] = 0xC3 }
                let found = bytes.withUnsafeBytes { TextEncoding.firstNonASCII(in: $0, from: 0) }
                #expect(found == (place < length ? place : nil), "length \(length), place \(place)")
            }
        }
    }

    /// Windows-1252 as Foundation reads it, for random text of ASCII and every defined byte
    /// from 0x80; the five bytes it leaves undefined become U+FFFD; and from an offset.
    @Test func readsWindows1252AsFoundationDoes() throws {
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        let defined = (0x80...0xFF).map(UInt8.init).filter { !undefined.contains($0) }
        var random = SampleRandom(seed: 5)
        for length in 0..<300 {
            let bytes = (0..<length).map { _ in
                random.next(below: 3) == 0
                    ? defined[random.next(below: defined.count)] : UInt8(32 + random.next(below: 95))
            }
            let expected = try #require(String(bytes: bytes, encoding: .windowsCP1252))
            #expect(TextEncoding.windows1252ToUTF8(bytes) == Array(expected.utf8), "\(bytes)")
        }
        #expect(TextEncoding.windows1252ToUTF8([0x41, 0x81, 0x80, 0x9D]) == Array("A\u{FFFD}€\u{FFFD}".utf8))
        #expect(TextEncoding.windows1252ToUTF8(Array("ab".utf8) + [0xE9], from: 1) == Array("bé".utf8))
    }
}
