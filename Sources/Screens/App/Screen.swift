import Foundation
import TerminalUI

/// What a screen asks its parent to do after an update.
public enum Transition {
    case none
    case push(any Screen)
    case pop
    case replace(any Screen)
    case quit
}

/// One key binding as shown in the help overlay and the footer.
public struct KeyHelp: Equatable, Sendable {
    public var keys: String
    public var action: String
    /// Shown in the footer as well as in the `?` overlay.
    public var inFooter: Bool
    public init(_ keys: String, _ action: String, footer: Bool = false) {
        self.keys = keys
        self.action = action
        self.inFooter = footer
    }
}

/// A screen: a model with an update and a view, composed by `AppModel` on a stack.
public protocol Screen {
    /// The title in the header bar.
    func title(_ ctx: AppContext) -> String
    mutating func update(_ event: Event, _ ctx: AppContext) -> Transition
    func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme)
    func keyHelp(_ ctx: AppContext) -> [KeyHelp]
    /// Non-nil while the screen animates or counts down.
    var tickInterval: Duration? { get }
    /// True while typing into a field, so that q, L and ? reach the screen instead of acting globally.
    var capturesText: Bool { get }
}

public extension Screen {
    var tickInterval: Duration? { nil }
    var capturesText: Bool { false }
}
