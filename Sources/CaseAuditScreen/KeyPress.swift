import CaseAudit

/// One key as the scoring screen sees it.
public enum KeyPress: Sendable, Hashable {
    case character(Character)
    case enter, backspace, escape, tab
    case up, down, left, right
    /// Ctrl-C or Ctrl-D: save and quit (the terminal's signal keys are off in raw mode).
    case interrupt
}

/// Turns the bytes a terminal sends in raw mode into key presses: UTF-8 characters, control
/// keys and the arrow keys' escape sequences (`ESC [ A` and `ESC O A` forms).
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// The keys completed by `bytes`. A lone ESC at the end of a read is the Escape key.
    public mutating func decode(_ bytes: some Sequence<UInt8>) -> [KeyPress] {
        pending.append(contentsOf: bytes)
        var keys: [KeyPress] = []
        var index = 0
        while index < pending.count {
            let byte = pending[index]
            switch byte {
            case 0x1B:
                if index + 2 < pending.count,
                    pending[index + 1] == UInt8(ascii: "[") || pending[index + 1] == UInt8(ascii: "O")
                {
                    let arrows: [UInt8: KeyPress] = [
                        UInt8(ascii: "A"): .up, UInt8(ascii: "B"): .down, UInt8(ascii: "C"): .right,
                        UInt8(ascii: "D"): .left,
                    ]
                    // Skip parameters (e.g. ESC [ 1 ; 5 C) up to the final byte.
                    var end = index + 2
                    while end < pending.count, (0x30...0x3F).contains(pending[end]) { end += 1 }
                    guard end < pending.count else {
                        pending.removeFirst(index)
                        return keys
                    }
                    if let arrow = arrows[pending[end]] { keys.append(arrow) }
                    index = end + 1
                } else if index + 1 < pending.count,
                    pending[index + 1] == UInt8(ascii: "[") || pending[index + 1] == UInt8(ascii: "O")
                {
                    pending.removeFirst(index)
                    return keys
                } else {
                    keys.append(.escape)
                    index += 1
                }
            case 0x0D, 0x0A:
                keys.append(.enter)
                index += 1
            case 0x7F, 0x08:
                keys.append(.backspace)
                index += 1
            case 0x09:
                keys.append(.tab)
                index += 1
            case 0x03, 0x04:
                keys.append(.interrupt)
                index += 1
            case 0x00..<0x20:
                index += 1
            default:
                let length =
                    byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                guard index + length <= pending.count else {
                    pending.removeFirst(index)
                    return keys
                }
                let scalar = String(decoding: pending[index..<index + length], as: UTF8.self)
                if let character = scalar.first { keys.append(.character(character)) }
                index += length
            }
        }
        pending.removeAll(keepingCapacity: true)
        return keys
    }
}
