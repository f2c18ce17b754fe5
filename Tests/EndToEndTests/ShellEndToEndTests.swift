import Foundation
import Testing

/// The real binary in a real terminal (tmux): navigation, help, language, resize, quit, terminal state.
@Suite(.serialized, Tmux.needed)
struct ShellEndToEndTests {
    @Test func homeHelpLanguageResizeAndQuit() throws {
        let t = try Tmux()
        try t.start()
        try t.waitFor("Study modes")
        var lines = try t.capture()
        #expect(lines.count == 24)
        #expect(lines[0].contains("aifprep"))

        // Navigate: down moves the selection, the details panel follows.
        try t.send("j")
        try t.send("k")
        try t.send("?")
        try t.waitFor("Press ? or Esc to close")
        try t.send("Escape")
        try t.waitUntil { !$0.contains("Press ? or Esc to close") }

        // Japanese: every line is still exactly 80 columns.
        try t.send("L")
        let ja = try t.waitFor("学習モード")
        lines = ja.components(separatedBy: "\n")
        // tmux drops blank cells that ncurses cleared with an erase, so a shorter line is blank at its end;
        // a line that ends in a frame border must end exactly at column 80, wide characters and all.
        var framed = 0
        for line in lines {
            let visible = String(line.reversed().drop(while: { $0 == " " }).reversed())
            #expect(columns(visible) <= 80, "line is \(columns(visible)) columns: \(line)")
            if let last = visible.last, "│╮╯".contains(last) {
                framed += 1
                #expect(columns(visible) == 80, "framed line is \(columns(visible)) columns: \(line)")
            }
        }
        #expect(framed >= 20)
        #expect(ja.contains("日本語"))

        // Too small, then back.
        try t.resize(width: 40, height: 12)
        try t.waitFor("端末が小さすぎます")
        try t.resize(width: 80, height: 24)
        try t.waitFor("学習モード")

        // The language choice persists across runs.
        try t.send("L")
        try t.waitFor("Study modes")
        try t.send("L")
        try t.waitFor("学習モード")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
        let settings = try String(contentsOf: t.configDir.appendingPathComponent("aifprep/settings.json"), encoding: .utf8)
        #expect(settings.contains("\"language\" : \"ja\""))
    }

    @Test func openingAScreenAndGoingBack() throws {
        let t = try Tmux()
        try t.start()
        try t.waitFor("Study modes")
        try t.send("s")
        try t.waitFor("Desired retention")
        try t.send("Escape")
        try t.waitFor("Study modes")
        try t.send("h")
        try t.waitFor("Where your data lives")
        #expect(t.screen.contains(t.dataDir.path.prefix(30)))
        try t.send("q")
        try t.waitFor("Study modes")
    }

    /// Runs aifprep from a shell and checks the tty afterwards: canonical mode and echo are back.
    @Test(arguments: ["q", "C-c", "TERM", "HUP"])
    func terminalIsRestored(how: String) throws {
        let t = try Tmux(name: "restore\(how)")
        try t.start("/bin/sh", width: 80, height: 24, reportExit: false)
        // Markers are split in the command ("EX""IT") so that only the output contains them whole.
        try t.type("PS1='$ '; \(Tmux.binary.path); echo \"EX\"\"IT=$?\"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo \"EN\"\"D\"\n")
        try t.waitFor("Study modes")
        switch how {
        case "q", "C-c": try t.send(how)
        default:
            // Only this pane's aifprep: other tests run theirs at the same time.
            let shell = try #require(try t.panePID())
            let pids = try Tmux.run(["pgrep", "-P", "\(shell)"]).output.split(separator: "\n")
            #expect(pids.count == 1)
            for pid in pids { _ = try Tmux.run(["kill", "-\(how)", String(pid)]) }
        }
        let screen = try t.waitFor("END")
        #expect(screen.contains("icanon echo END"), "tty not restored:\n\(screen)")
        #expect(!screen.contains("Study modes"))
        if how == "q" { #expect(screen.contains("EXIT=0")) }
    }

    /// Ctrl-Z hands the terminal back to the shell (a key the app answers with a suspend: as the tty's
    /// signal it was lost whenever it came during a redraw); `fg` repaints the whole frame, not only what
    /// changes next, and the app keeps working.
    @Test func suspendAndResume() throws {
        let t = try Tmux()
        try t.start("/bin/bash --norc", reportExit: false)
        try t.type("PS1='$ '; \(Tmux.binary.path)\n")
        // Home's figures ("Today: …") come from a read off the loop: the frame is complete once they show.
        let before = try t.waitUntil { $0.contains("Study modes") && $0.contains("q quit") && $0.contains("Today: ") }
        #expect(before.ok, "\(before.screen)")
        try t.send("C-z")
        try t.waitFor("Stopped")
        #expect(!t.screen.contains("Study modes"))
        try t.type("fg\n")
        let after = try t.waitUntil { $0 == before.screen }
        #expect(after.ok, "after fg:\n\(after.screen)\nbefore Ctrl-Z:\n\(before.screen)")
        try t.send("j")
        try t.waitFor("▸ Q  Quiz")
        try t.send("q")
        try t.type("stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo \"DO\"\"NE\"\n")
        let screen = try t.waitFor("DONE")
        #expect(screen.contains("icanon echo DONE"), "tty not restored:\n\(screen)")
    }

    @Test func noUTF8LocaleFallsBackToASCIIAndEnglish() throws {
        let t = try Tmux()
        try t.start(nil, extraEnv: ["LANG": "C", "LC_ALL": "C"])
        let screen = try t.waitFor("Study modes")
        #expect(screen.contains("+ Study modes -"))
        #expect(screen.contains("aifprep . Home"))
        let header = screen.components(separatedBy: "\n").first ?? ""
        #expect(!header.contains("?"), "a symbol without an ASCII stand-in: \(header)")
        try t.send("L")
        try t.waitFor("UTF-8")
        #expect(!t.screen.contains("学習"))
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }

    @Test func versionAndHelpWithoutATerminal() throws {
        let v = try Tmux.run([Tmux.binary.path, "--version"])
        #expect(v.status == 0)
        #expect(v.output.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
        let h = try Tmux.run([Tmux.binary.path, "--help"])
        #expect(h.output.contains("AIF-C01"))
        // Issue 12: the app's own options are listed in the top-level help, not only under `help start`.
        for option in ["--data-dir", "--content", "--seed"] { #expect(h.output.contains(option), "\(option) in aifprep --help") }
        let noTTY = try Tmux.run([Tmux.binary.path])
        #expect(noTTY.status != 0)
        #expect(noTTY.output.contains("interactive terminal"))
    }
}
