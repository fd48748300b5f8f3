internal import Crypto

/// SHA-256 of a checklist's canonical form: pins the exact version an audit used.
///
/// The canonical form is Canonical XML 1.0 without comments, after whitespace normalisation
/// (see `XMLDocumentHandle.normalisedCanonicalForm`), so re-indenting a file, reordering
/// attributes or editing comments does not change the hash; changing any word a user reads does.
public struct ContentHash: Sendable, Hashable, Codable, CustomStringConvertible {
    public static let algorithm = "sha256"

    /// Lowercase hexadecimal digest.
    public var hex: String

    public init(hex: String) {
        self.hex = hex
    }

    public init(of bytes: [UInt8]) {
        let digest = SHA256.hash(data: bytes)
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        self.hex = text
    }

    public var description: String { "\(Self.algorithm):\(hex)" }

    /// Enough to tell versions apart in a table.
    public var short: String { String(hex.prefix(12)) }
}
