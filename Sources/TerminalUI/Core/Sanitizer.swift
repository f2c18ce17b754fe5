/// Text may come from a learner's own content files: nothing in it may reach the terminal as a control.
public enum Sanitizer {
    /// Removes escape sequences (CSI, OSC, DCS and two-byte ESC forms), C0/C1 controls, DEL and bidi
    /// overrides. A tab becomes a space; newlines are kept only when `keepNewlines` is set.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        var it = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return it.next()
        }
        while let s = next() {
            switch s.value {
            case 0x1B: skipEscape(&it)
            case 0x9B: skipCSI(&it)                      // 8-bit CSI
            case 0x9D, 0x90, 0x9E, 0x9F: skipString(&it) // 8-bit OSC, DCS, PM, APC
            case 0x0A: if keepNewlines { out.append(s) } else { out.append(" ") }
            case 0x09: out.append(" ")
            case 0x0D: continue
            case 0x00..<0x20, 0x7F..<0xA0: continue
            case 0x202A...0x202E, 0x2066...0x2069: continue
            default: out.append(s)
            }
        }
        return String(out)
    }

    private static func skipEscape(_ it: inout String.UnicodeScalarView.Iterator) {
        guard let s = it.next() else { return }
        switch s {
        case "[": skipCSI(&it)
        case "]", "P", "^", "_", "X": skipString(&it)
        case "(", ")", "*", "+", "#", "%": _ = it.next()   // designators take one more byte
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
