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
    /// How long the footer keeps it when space runs out: the lowest goes first (`? help` is never dropped).
    public var priority: Int
    /// A shorter wording for the footer (the overlay shows `action`).
    public var short: String?
    public init(_ keys: String, _ action: String, footer: Bool = false, priority: Int = 50, short: String? = nil) {
        self.keys = keys
        self.action = action
        self.inFooter = footer
        self.priority = priority
        self.short = short
    }

    /// What the footer shows.
    public var footerAction: String { short ?? action }

    /// The individual keys named, e.g. "q Esc" → ["q", "Esc"], so overlays can tell when two entries claim one key.
    public var keyTokens: [String] { keys.split(separator: " ").map(String.init) }
}

/// A key binding a screen's update acts on and its help shows: the single list both read, so the `?`
/// overlay and the footer cannot drift from what the keys do.
public struct KeyBinding<Action> {
    public var help: KeyHelp
    public var events: [Event]
    public var action: Action
    /// False hides the entry and ignores its keys (a binding that does not apply in the current state).
    public var enabled: Bool

    public init(_ keys: String, _ text: String, footer: Bool = false, priority: Int = 50, short: String? = nil, enabled: Bool = true,
                on events: [Event], _ action: Action) {
        help = KeyHelp(keys, text, footer: footer, priority: priority, short: short)
        self.events = events
        self.action = action
        self.enabled = enabled
    }

    /// `.char("1")` … `.char("9")`.
    public static var digits: [Event] { (1...9).map { .char(Character(String($0))) } }
}

public extension Array {
    /// The action bound to `event`, the first enabled binding that lists it.
    func action<A>(for event: Event) -> A? where Element == KeyBinding<A> {
        first { $0.enabled && $0.events.contains(event) }?.action
    }

    /// The help entries of the enabled bindings, in order.
    func help<A>() -> [KeyHelp] where Element == KeyBinding<A> { filter(\.enabled).map(\.help) }
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
    /// Called each time the screen comes on top (pushed, uncovered by a pop, or shown first as the root):
    /// a screen showing stored data starts its read here with `ctx.perform`, so it is fresh whenever seen.
    mutating func appear(_ ctx: AppContext)
}

public extension Screen {
    var tickInterval: Duration? { nil }
    var capturesText: Bool { false }
    mutating func appear(_ ctx: AppContext) {}
}
