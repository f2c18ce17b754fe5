/// Text may come from content files, a learner's own files or the progress database: nothing in it may
/// reach a terminal as a control, in any mode (full screen, `exam --plain`, lint and stats output).
public enum TerminalText {
    /// Removes escape sequences (CSI, OSC, DCS and two-byte ESC forms), C0/C1 controls, DEL, bidi
    /// controls and invisible characters. A tab becomes a space; newlines are kept only when `keepNewlines` is set.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        // The common case is already clean: return it without rebuilding.
        if !text.unicodeScalars.contains(where: { $0.value == 0x0A || $0.value == 0x09 || isUnsafe($0) }) { return text }
        var out = String.UnicodeScalarView()
        var it = text.unicodeScalars.makeIterator()
        while let s = it.next() {
            switch s.value {
            case 0x1B: skipEscape(&it)
            case 0x9B: skipCSI(&it)                      // 8-bit CSI
            case 0x9D, 0x90, 0x9E, 0x9F, 0x98: skipString(&it) // 8-bit OSC, DCS, PM, APC, SOS
            case 0x0A: out.append(keepNewlines ? s : " ")
            case 0x09, 0x2028, 0x2029: out.append(" ")
            default: if !isUnsafe(s) { out.append(s) }
            }
        }
        return String(out)
    }

    /// Whether `s` must not be written to a terminal as it is (newline and tab excepted by the caller).
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool { kind(of: s) != nil }

    /// What is wrong with a scalar, for lint messages; nil for ordinary text (newline and tab are ordinary).
    public static func kind(of s: Unicode.Scalar) -> String? {
        switch s.value {
        case 0x09, 0x0A: return nil
        case 0x1B: return "escape character"
        case 0x07: return "bell character"
        case 0x0D: return "carriage return"
        case 0x00..<0x20, 0x7F: return "control character"
        case 0x80..<0xA0: return "C1 control character"
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return "bidirectional control"
        case 0x200B, 0x2060, 0xFEFF, 0x180E, 0xFFF9...0xFFFB: return "invisible character"
        case 0x2028, 0x2029: return "line or paragraph separator"
        default: return nil
        }
    }

    /// `U+001B`, as lint messages name a character.
    public static func codePoint(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func skipEscape(_ it: inout String.UnicodeScalarView.Iterator) {
        guard let s = it.next() else { return }
        switch s {
        case "[": skipCSI(&it)
        case "]", "P", "^", "_", "X": skipString(&it)
        case "(", ")", "*", "+", "#", "%", " ": _ = it.next()   // designators take one more byte
        default: return
        }
    }

    /// CSI: parameter and intermediate bytes, then one final byte in 0x40...0x7E.
    private static func skipCSI(_ it: inout String.UnicodeScalarView.Iterator) {
        while let s = it.next() {
            if (0x40...0x7E).contains(s.value) { return }
        }
    }

    /// OSC/DCS/PM/APC strings end with BEL or ST (ESC \ or 0x9C).
    private static func skipString(_ it: inout String.UnicodeScalarView.Iterator) {
        while let s = it.next() {
            if s.value == 0x07 || s.value == 0x9C { return }
            if s.value == 0x1B { _ = it.next(); return }
        }
    }
}
