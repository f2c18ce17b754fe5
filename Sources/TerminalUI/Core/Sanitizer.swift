import TextSafety

/// Text may come from a learner's own content files: nothing in it may reach the terminal as a control.
/// The rules live in `TextSafety.TerminalText`, shared with the plain-text outputs.
public enum Sanitizer {
    /// Removes escape sequences (CSI, OSC, DCS and two-byte ESC forms), C0/C1 controls, DEL, bidi
    /// controls and invisible characters. A tab becomes a space; newlines are kept only when `keepNewlines` is set.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        TerminalText.clean(text, keepNewlines: keepNewlines)
    }
}
