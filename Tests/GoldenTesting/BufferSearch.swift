import TerminalUI

extension Buffer {
    /// The first position of `needle` in the buffer's text, in columns (a test helper, not part of the UI API).
    public func find(_ needle: String) -> Point? {
        for (y, line) in lines().enumerated() {
            if let r = line.range(of: needle) {
                return Point(x: DisplayWidth.of(line[line.startIndex..<r.lowerBound]), y: y)
            }
        }
        return nil
    }
}
