import Foundation

public enum Key: Hashable, Sendable {
    case character(Character)
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, release, drag, scrollUp, scrollDown }
    public var kind: Kind
    public var position: Point
    public init(_ kind: Kind, x: Int, y: Int) { self.kind = kind; self.position = Point(x: x, y: y) }
}

/// Everything a screen's update function reacts to. Time arrives as a message, never read from a clock;
/// the results of background work arrive as messages too, through the same queue as input.
public enum Event: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    case tick(Date)
    /// Progress or the result of a `Job` the program started.
    case message(JobMessage)

    public static func char(_ c: Character) -> Event { .key(.character(c)) }
}

