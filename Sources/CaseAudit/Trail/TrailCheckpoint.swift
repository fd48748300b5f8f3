internal import Crypto
import Foundation

/// A head of the trail signed with a quality lead's Ed25519 key: kept as an event in the
/// trail and, by whoever signed it, as a file of their own. Whoever rebuilds the chain cannot
/// make the old signature fit the new events.
public struct TrailCheckpoint: Sendable, Hashable, Codable {
    public var head: TrailHead
    /// Who signed it (the person of the org chart).
    public var signer: String
    /// The signer's Ed25519 public key, base64 (raw 32 bytes).
    public var publicKey: String
    /// Base64 signature over `message`.
    public var signature: String

    public init(head: TrailHead, signer: String, publicKey: String, signature: String) {
        self.head = head
        self.signer = signer
        self.publicKey = publicKey
        self.signature = signature
    }

    enum CodingKeys: String, CodingKey {
        case head, signer
        case publicKey = "public_key"
        case signature
    }

    /// What is signed: the head, and who says it is the head.
    public static func message(head: TrailHead, signer: String) -> [UInt8] {
        Array("caseaudit trail checkpoint\nseq \(head.seq)\nsha256 \(head.hash)\nsigner \(signer)\n".utf8)
    }

    /// Signs `head` with the private key in `key`.
    public static func sign(_ head: TrailHead, signer: String, with key: TrailSigningKey) throws(TrailKeyError)
        -> TrailCheckpoint
    {
        let signature: Data
        do {
            signature = try key.privateKey.signature(for: message(head: head, signer: signer))
        } catch {
            throw .cannotSign(String(describing: error))
        }
        return TrailCheckpoint(
            head: head, signer: signer, publicKey: key.publicKey, signature: signature.base64EncodedString())
    }

    /// Whether the signature is the public key's, over this head and signer.
    public var signatureIsValid: Bool {
        guard let keyBytes = Data(base64Encoded: publicKey), let signatureBytes = Data(base64Encoded: signature),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)
        else { return false }
        return key.isValidSignature(signatureBytes, for: Self.message(head: head, signer: signer))
    }

    /// The checkpoint a trail event records, if it is one.
    public init?(event: TrailEvent) {
        guard event.action == TrailAction.checkpointSigned.rawValue,
            let decoded = try? JSONDecoder().decode(EventPayload.self, from: Data(event.payload.utf8))
        else { return nil }
        self.init(
            head: TrailHead(seq: decoded.seq, hash: decoded.hash), signer: decoded.signer,
            publicKey: decoded.publicKey, signature: decoded.signature)
    }

    private struct EventPayload: Decodable {
        var seq: Int64
        var hash: String
        var signer: String
        var publicKey: String
        var signature: String

        enum CodingKeys: String, CodingKey {
            case seq, hash, signer, signature
            case publicKey = "public_key"
        }
    }

    /// The file a signer keeps.
    public var fileText: String {
        TrailJSON.object([
            ("head", .object([("hash", .string(head.hash)), ("seq", .int(head.seq))])),
            ("public_key", .string(publicKey)), ("signature", .string(signature)), ("signer", .string(signer)),
        ]).text + "\n"
    }

    /// A checkpoint file as `fileText` writes it.
    public static func read(file path: String) throws(TrailKeyError) -> TrailCheckpoint {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        guard let checkpoint = try? JSONDecoder().decode(TrailCheckpoint.self, from: data) else {
            throw .malformed(path: path, expected: "a trail checkpoint (JSON: head, public_key, signature, signer)")
        }
        return checkpoint
    }
}

/// A quality lead's Ed25519 signing key, kept in a file only its owner can read.
public struct TrailSigningKey: Sendable {
    /// The key's 32 raw bytes (the Crypto type is not Sendable).
    private let raw: Data

    var privateKey: Curve25519.Signing.PrivateKey {
        // The bytes came from a key, so they make one again.
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) ?? Curve25519.Signing.PrivateKey()
    }

    /// A new key.
    public init() { raw = Curve25519.Signing.PrivateKey().rawRepresentation }

    /// The key in `path` (base64 of its 32 raw bytes).
    public init(file path: String) throws(TrailKeyError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: text), (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) != nil
        else { throw .malformed(path: path, expected: "an Ed25519 private key (its 32 bytes in base64)") }
        self.raw = raw
    }

    /// Base64 of the public key's raw 32 bytes.
    public var publicKey: String { privateKey.publicKey.rawRepresentation.base64EncodedString() }

    /// Writes the private key to a new file at `path`, readable by its owner only.
    public func write(to path: String) throws(TrailKeyError) {
        guard !FileManager.default.fileExists(atPath: path) else { throw .exists(path: path) }
        let text = raw.base64EncodedString() + "\n"
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw .unwritable(path: path) }
    }
}

public enum TrailKeyError: ReportableError, Hashable {
    case unreadable(path: String)
    case malformed(path: String, expected: String)
    case exists(path: String)
    case unwritable(path: String)
    case cannotSign(String)

    public var message: String {
        switch self {
        case .unreadable(let path): "\(path): cannot read the file"
        case .malformed(let path, let expected): "\(path): expected \(expected)"
        case .exists(let path): "\(path) exists: a key is only written to a new file (nothing was written)"
        case .unwritable(let path): "\(path): cannot write the file"
        case .cannotSign(let reason): "cannot sign the checkpoint: \(reason)"
        }
    }
}
