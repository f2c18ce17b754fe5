/// Splits a rect along one axis by constraints, in the manner of Ratatui's Layout: fixed lengths and
/// percentages are honoured first, minimums are guaranteed, and `fill` parts share what is left by weight.
public enum Constraint: Hashable, Sendable {
    case length(Int)
    case percentage(Int)
    case min(Int)
    case fill(Int)
}

public enum Axis: Sendable { case horizontal, vertical }

public struct Layout: Sendable {
    public var axis: Axis
    public var constraints: [Constraint]
    public var spacing: Int

    public init(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) {
        self.axis = axis
        self.constraints = constraints
        self.spacing = spacing
    }

    public static func vertical(_ c: [Constraint], spacing: Int = 0) -> Layout { Layout(.vertical, c, spacing: spacing) }
    public static func horizontal(_ c: [Constraint], spacing: Int = 0) -> Layout { Layout(.horizontal, c, spacing: spacing) }

    public func split(_ rect: Rect) -> [Rect] {
        let total = axis == .horizontal ? rect.width : rect.height
        let gaps = max(0, constraints.count - 1) * spacing
        let available = max(0, total - gaps)
        var sizes = constraints.map { c -> Int in
            switch c {
            case .length(let n): return max(0, n)
            case .percentage(let p): return available * max(0, min(100, p)) / 100
            case .min(let n): return max(0, n)
            case .fill: return 0
            }
        }
        // Shrink fixed parts from the end when they do not fit, so earlier (usually more important) parts survive.
        var overflow = sizes.reduce(0, +) - available
        var i = sizes.count - 1
        while overflow > 0 && i >= 0 {
            let cut = min(sizes[i], overflow)
            sizes[i] -= cut
            overflow -= cut
            i -= 1
        }
        var rest = available - sizes.reduce(0, +)
        let fillIdx = constraints.indices.filter { if case .fill = constraints[$0] { return true }; return false }
        let minIdx = constraints.indices.filter { if case .min = constraints[$0] { return true }; return false }
        let growers = fillIdx.isEmpty ? minIdx : fillIdx
        if rest > 0 && !growers.isEmpty {
            let weights = growers.map { idx -> Int in
                if case .fill(let w) = constraints[idx] { return max(1, w) }
                return 1
            }
            let sum = weights.reduce(0, +)
            var given = 0
            for (k, idx) in growers.enumerated() {
                let share = k == growers.count - 1 ? rest - given : rest * weights[k] / sum
                sizes[idx] += share
                given += share
            }
            rest = 0
        }
        var out: [Rect] = []
        var pos = axis == .horizontal ? rect.x : rect.y
        for s in sizes {
            if axis == .horizontal {
                out.append(Rect(x: pos, y: rect.y, width: s, height: rect.height))
            } else {
                out.append(Rect(x: rect.x, y: pos, width: rect.width, height: s))
            }
            pos += s + spacing
        }
        return out
    }
}
