import CLibPQ
import Foundation

/// libpq connection strings, as a person may type them: `key=value` pairs, or a
/// `postgresql://` URI.
enum ConnectionString {
    /// Whether `location` names a server rather than a file: a `postgresql://` (or
    /// `postgres://`) URI, or libpq's `key=value` pairs: it starts with a word (letters, digits,
    /// underscores: libpq's keywords, or one mistyped, which libpq then names) and `=`, spaces
    /// allowed around it. A path has a `/` or `.` before any `=`.
    static func isServer(_ location: String) -> Bool {
        if isURI(location) { return true }
        let start = location.drop { $0.isWhitespace }
        let keyword = start.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return !keyword.isEmpty && start.dropFirst(keyword.count).drop { $0.isWhitespace }.first == "="
    }

    /// The string as it may be shown: without its password. A pair `password=…` is dropped
    /// however it is written (quoted, with spaces, spaces around `=`), and a URI's
    /// `user:secret@` made `user@` and its `password` parameter dropped. A string libpq could
    /// not read either, which names a password, is not shown at all.
    static func redacted(_ conninfo: String) -> String {
        if isURI(conninfo) { return redactedURI(conninfo) }
        guard let pairs = pairs(conninfo) else {
            return conninfo.lowercased().contains("password")
                ? "(a connection string that cannot be read, not shown: it names a password)" : conninfo
        }
        return pairs.filter { $0.key.lowercased() != "password" }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    /// libpq's `message` about `conninfo` with its password taken out: the string as shown
    /// in place of the string as given (libpq quotes a URI it cannot read), and the password
    /// libpq reads from it, wherever else it appears.
    static func scrubbed(_ message: String, of conninfo: String) -> String {
        var scrubbed = message.replacingOccurrences(of: conninfo, with: redacted(conninfo))
        if let password = password(conninfo), !password.isEmpty {
            scrubbed = scrubbed.replacingOccurrences(of: password, with: "…")
        }
        return scrubbed
    }

    /// The password libpq reads from `conninfo`, if it names one and libpq can read it.
    private static func password(_ conninfo: String) -> String? { options(conninfo)?["password"] }

    /// The options libpq reads from `conninfo` (those it gives a value), or nil when it cannot
    /// read it.
    static func options(_ conninfo: String) -> [String: String]? {
        guard let options = PQconninfoParse(conninfo, nil) else { return nil }
        defer { PQconninfoFree(options) }
        var read: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { read[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        return read
    }

    private static func isURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// libpq's `key = value` pairs, each value as written (quotes and escapes kept), or nil
    /// when libpq could not read them either. As libpq reads them: spaces may surround `=`; a
    /// value in single quotes runs to the closing quote, `\'` and `\\` inside it escaped; any
    /// other runs to the next space, a backslash escaping the character after it.
    static func pairs(_ conninfo: String) -> [(key: String, value: String)]? {
        let bytes = Array(conninfo.utf8)
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(byte) }
        func skipSpaces() { while index < bytes.count && isSpace(bytes[index]) { index += 1 } }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var found: [(key: String, value: String)] = []
        while true {
            skipSpaces()
            guard index < bytes.count else { return found }
            let keyStart = index
            while index < bytes.count && bytes[index] != UInt8(ascii: "=") && !isSpace(bytes[index]) { index += 1 }
            let key = text(keyStart..<index)
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "="), !key.isEmpty else { return nil }
            index += 1
            skipSpaces()
            let valueStart = index
            if index < bytes.count && bytes[index] == UInt8(ascii: "'") {
                index += 1
                while true {
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: "\\") {
                        index += 2
                    } else if bytes[index] == UInt8(ascii: "'") {
                        index += 1
                        break
                    } else {
                        index += 1
                    }
                }
            } else {
                while index < bytes.count && !isSpace(bytes[index]) {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
            }
            index = min(index, bytes.count)
            found.append((key, text(valueStart..<index)))
        }
    }

    /// A URI without its password: in the user information, and as a parameter (its name
    /// percent-decoded, as libpq reads it).
    private static func redactedURI(_ uri: String) -> String {
        guard let scheme = uri.range(of: "://") else { return uri }
        let rest = uri[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        var cleaned = String(uri[..<scheme.upperBound])
        if let at = authority.lastIndex(of: "@") {
            let user = authority[..<at].split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
            cleaned += user + "@" + authority[authority.index(after: at)...]
        } else {
            cleaned += authority
        }
        var tail = String(rest.dropFirst(authority.count))
        if let query = tail.firstIndex(of: "?") {
            let kept = tail[tail.index(after: query)...].split(separator: "&").filter { parameter in
                let name = parameter.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                return (name.removingPercentEncoding ?? name).lowercased() != "password"
            }
            tail = String(tail[..<query]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
        }
        return cleaned + tail
    }
}
