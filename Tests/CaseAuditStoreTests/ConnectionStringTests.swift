import CaseAudit
import Testing

@testable import CaseAuditStore

/// What caseaudit shows of a connection string: never its password, however it is written,
/// and everything else as libpq reads it (checked against libpq's own parser).
@Suite struct ConnectionStringTests {
    /// `text` as a value libpq reads back as `text`: in single quotes, `\` and `'` escaped.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    @Test(arguments: [
        ("host=db port=5432 user=tm1 password=hunter2 dbname=ca", "host=db port=5432 user=tm1 dbname=ca"),
        ("host=db password='s3 cret' user=tm1", "host=db user=tm1"),
        ("host=db password = 'a b\\' c' user=tm1", "host=db user=tm1"),
        ("host=db\tpassword=x\\ y\nuser=tm1", "host=db user=tm1"),
        ("host=db user='Quinn Example'", "host=db user='Quinn Example'"),
        ("host=db PASSWORD=x", "host=db"),
        ("host=db password='never closed", "(a connection string that cannot be read, not shown: it names a password)"),
        ("host=db dbname='never closed", "host=db dbname='never closed"),
        ("postgresql://tm1:hunter2@db/ca?sslmode=verify-full", "postgresql://tm1@db/ca?sslmode=verify-full"),
        ("postgresql://tm1@db/ca?password=hunter2&sslmode=require", "postgresql://tm1@db/ca?sslmode=require"),
        ("postgresql://tm1@db/ca?pass%77ord=hunter2", "postgresql://tm1@db/ca"),
    ])
    func showsEverythingButThePassword(conninfo: String, shown: String) {
        #expect(ConnectionString.redacted(conninfo) == shown)
    }

    /// libpq quotes a URI it cannot read, password and all: the connection's error does not.
    @Test func libpqsOwnMessagesLoseThePassword() {
        for conninfo in ["postgresql://tm1:hunter2@[::1/ca", "host=/nowhere password=hunter2 port=1"] {
            let error = #expect(throws: PGError.self) { _ = try PGConnection(conninfo) }
            let message = error?.message ?? ""
            #expect(!message.contains("hunter2") && message.count > 20, "\(message)")
        }
        #expect(
            ConnectionString.scrubbed(
                "in URI: \"postgresql://tm1:hunter2@[::1/ca\"", of: "postgresql://tm1:hunter2@[::1/ca")
                == "in URI: \"postgresql://tm1@[::1/ca\"")
    }

    @Test func aServerIsAURIOrKeywordPairsAndAnythingElseAFile() {
        for server in [
            "host=db", "  host = /tmp/sock port = 5432", "dbname='never closed", "postgres://db/ca",
            "Host=db password=x",
        ] {
            #expect(ConnectionString.isServer(server), "\(server)")
        }
        for file in ["caseaudit.sqlite", "council data.sqlite", "/data/x=1.sqlite", "Reports/out/demo.sqlite", ""] {
            #expect(!ConnectionString.isServer(file), "\(file)")
        }
    }

    /// Passwords of every awkward kind, written as a person might: the password never shows,
    /// and libpq reads everything else from what is shown as it read it from the original.
    @Test func noPasswordEverShowsAndTheRestReadsTheSame() throws {
        var generator = SampleRandom(seed: 20_261_207)
        let alphabet = Array("aZ9 '\\=\t@:/?&%\"é€_-")
        for _ in 0..<400 {
            let password =
                "pw"
                + String(
                    (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator) ?? "a"
                    }) + "!"
            let around = [" = ", "=", " =", "= "].randomElement(using: &generator) ?? "="
            let pairs = [
                "host=/tmp/sock", "port=5432", "user=tm1", "dbname='council data'",
                "password\(around)\(Self.quoted(password))",
            ].shuffled(using: &generator)
            let conninfo = pairs.joined(separator: [" ", "  ", "\t"].randomElement(using: &generator) ?? " ")
            var original = try #require(ConnectionString.options(conninfo), "\(conninfo)")
            #expect(original.removeValue(forKey: "password") == password)
            let shown = ConnectionString.redacted(conninfo)
            #expect(!shown.contains(password) && !shown.contains("pw"), "\(shown)")
            #expect(ConnectionString.options(shown) == original, "\(conninfo) shown as \(shown)")
        }
    }
}
