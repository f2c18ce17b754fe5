import CNcursesw
import CTerminalGuard
import Foundation
import TerminalUI

/// The only code that talks to ncurses: it applies buffer diffs with the wide-character API and turns
/// `get_wch` results into events.
public final class NcursesTerminal: TerminalBackend {
    public let theme: Theme
    private var pairs: [UInt16: Int16] = [:]
    private var nextPair: Int16 = 1
    private var active = false
    private let hyperlinks: Bool

    /// Whether the C library's locale can show UTF-8 (checked after `setlocale`).
    public static func localeIsUTF8() -> Bool {
        guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Why the full-screen app cannot run on this terminal, in aifprep's words, or nil when it can.
    /// Checked before `init`, because ncurses itself exits with a bare "Error opening terminal".
    public static func unusableTerminalReason(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let term = environment["TERM"] ?? ""
        let plain = "For a line-by-line exam that works anywhere (scripts, screen readers): aifprep exam --plain."
        if term.isEmpty {
            return "aifprep: TERM is not set, so the full-screen app does not know how to draw on this terminal. "
                + "Set it (e.g. TERM=xterm-256color aifprep). " + plain
        }
        switch cn_terminal_capability(term) {
        case 0: return nil
        case 2:
            return "aifprep: the terminal type '\(Sanitizer.clean(term))' cannot move the cursor, so the full-screen app cannot run on it. "
                + "Use a terminal emulator with TERM=xterm-256color. " + plain
        case 3:
            return "aifprep: no terminfo database was found (install ncurses-base or ncurses-term), so the full-screen app cannot start. " + plain
        default:
            return "aifprep: the terminal type '\(Sanitizer.clean(term))' is unknown to this system's terminfo. "
                + "Set TERM to one it knows (e.g. TERM=xterm-256color aifprep). " + plain
        }
    }

    /// Enters curses mode. Call `shutdown()` (always) to leave it.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        setlocale(LC_ALL, "")
        let unicode = Self.localeIsUTF8()
        tg_save_terminal()
        initscr()
        cbreak()
        noecho()
        nonl()
        Self.ctrlZIsAKey()
        keypad(cn_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        var color = false
        if has_colors() && environment["NO_COLOR"].map({ $0.isEmpty }) ?? true {
            start_color()
            use_default_colors()
            color = true
        }
        mousemask(cn_all_mouse_events(), nil)
        mouseinterval(0)
        theme = Theme(unicode: unicode, color: color)
        hyperlinks = HyperlinkOutput.isSupported(environment: environment)
        active = true
    }

    /// Ctrl-Z as a key (the app answers it with `Command.suspend`), not the tty's SIGTSTP: ncurses
    /// ignores SIGTSTP while it draws (doupdate sets it to SIG_IGN), so a Ctrl-Z pressed during a redraw
    /// was lost. Ctrl-C stays a signal (cbreak, not raw). Saved as curses' program mode, so curses keeps
    /// it; the shell mode saved by `initscr` keeps the shell's Ctrl-Z.
    private static func ctrlZIsAKey() {
        var t = termios()
        guard tcgetattr(STDIN_FILENO, &t) == 0 else { return }
        withUnsafeMutableBytes(of: &t.c_cc) { $0[Int(VSUSP)] = 0 }   // _POSIX_VDISABLE on Linux
        guard tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0 else { return }
        def_prog_mode()
    }

    public func shutdown() {
        guard active else { return }
        active = false
        mousemask(0, nil)
        curs_set(1)
        endwin()
    }

    deinit { shutdown() }

    public var size: Size { Size(width: Int(getmaxx(cn_stdscr())), height: Int(getmaxy(cn_stdscr()))) }

    public func draw(_ changes: [CellChange], fullRedraw: Bool) {
        if fullRedraw { erase() }
        for change in changes where !change.cell.isTail {
            put(change.cell, x: change.x, y: change.y)
            // Without UTF-8 a wide character becomes a one-column '?': paint its second column too,
            // or whatever was there before shows through.
            if !theme.unicode && change.cell.width == 2 {
                put(Cell(" ", style: change.cell.style), x: change.x + 1, y: change.y)
            }
        }
        refresh()
    }

    /// Written straight to the terminal after curses has flushed the frame (see HyperlinkOutput).
    public func drawHyperlinks(_ send: [Hyperlink], clear: [Hyperlink], screen: Buffer) {
        guard hyperlinks, active else { return }
        var out = ""
        for (link, url) in clear.map({ ($0, String?.none) }) + send.map({ ($0, Optional($0.url)) }) {
            let style = screen[link.x, link.y].style
            let symbolText = theme.unicode ? link.text : String(link.text.map(ASCIIFallback.map))
            if let s = HyperlinkOutput.sequence(x: link.x, y: link.y, text: symbolText, url: url, style: style, color: theme.color) {
                out += s
            }
        }
        guard !out.isEmpty else { return }
        let bytes = Array(out.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { break }
            offset += n
        }
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var attrs = cn_a_normal()
        let m = cell.style.modifiers
        if m.contains(.bold) { attrs |= cn_a_bold() }
        if m.contains(.dim) { attrs |= cn_a_dim() }
        if m.contains(.reverse) { attrs |= cn_a_reverse() }
        if m.contains(.underline) { attrs |= cn_a_underline() }
        let pair = theme.color ? colorPair(cell.style.foreground, cell.style.background) : 0
        let symbol = theme.unicode ? cell.symbol : ASCIIFallback.map(cell.symbol)
        var wch: [wchar_t] = symbol.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        wch.append(0)
        _ = cn_put_cell(Int32(y), Int32(x), wch, attrs, pair)
    }

    private func colorPair(_ fg: TerminalUI.Color, _ bg: TerminalUI.Color) -> Int16 {
        if fg == .default && bg == .default { return 0 }
        let key = UInt16(fg.rawValue) << 8 | UInt16(bg.rawValue)
        if let p = pairs[key] { return p }
        guard Int32(nextPair) < cn_color_pairs() else { return 0 }
        let p = nextPair
        nextPair += 1
        init_pair(p, Self.curses(fg), Self.curses(bg))
        pairs[key] = p
        return p
    }

    private static func curses(_ c: TerminalUI.Color) -> Int16 {
        c == .default ? -1 : Int16(c.rawValue) - 1  // black=0 … white=7, in ncurses' order
    }

    public func nextEvent(timeout: Int?) -> Event? {
        wtimeout(cn_stdscr(), Int32(timeout ?? -1))
        var ch: wint_t = 0
        let r = get_wch(&ch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES { return keyCode(Int32(ch)) }
        return character(UInt32(ch))
    }

    private func character(_ v: UInt32) -> Event? {
        switch v {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 127, 8: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(v + 96)!)))
        default:
            guard let s = Unicode.Scalar(v) else { return nil }
            return .key(.character(Character(s)))
        }
    }

    private func keyCode(_ code: Int32) -> Event? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_RESIZE: return .resize(size)
        case KEY_MOUSE: return mouse()
        default:
            for n in 1...12 where code == cn_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    /// Leaves curses mode and stops the process as the tty's Ctrl-Z would; ncurses' SIGTSTP handler
    /// restores curses mode on `fg`, and the runtime then redraws every cell.
    public func suspend() {
        endwin()
        kill(getpid(), SIGTSTP)
        refresh()
    }

    private func mouse() -> Event? {
        var e = MEVENT()
        guard getmouse(&e) == OK else { return nil }
        let x = Int(e.x), y = Int(e.y), b = e.bstate
        if b & cn_button4_pressed() != 0 { return .mouse(MouseEvent(.scrollUp, x: x, y: y)) }
        if b & cn_button5_pressed() != 0 { return .mouse(MouseEvent(.scrollDown, x: x, y: y)) }
        if b & (cn_button1_pressed() | cn_button1_clicked()) != 0 { return .mouse(MouseEvent(.press, x: x, y: y)) }
        if b & cn_button1_released() != 0 { return .mouse(MouseEvent(.release, x: x, y: y)) }
        if b & cn_report_mouse_position() != 0 { return .mouse(MouseEvent(.drag, x: x, y: y)) }
        return nil
    }
}

/// Process-wide signal handling for the terminal session.
public enum TerminalGuard {
    public static func install() { tg_install_handlers() }
    public static var pendingSignal: Int32 { tg_pending_signal() }
    /// Where the crash handler writes its one-line report.
    public static func setReportPath(_ path: String?) {
        if let path { path.withCString { tg_set_report_path($0) } } else { tg_set_report_path(nil) }
    }
    /// For the fault suite only (AIFPREP_TEST_CRASH): crash the way a bug would.
    public static func forceCrash(_ kind: String) { kind.withCString { tg_force_crash($0) } }
}
