import Foundation

/// Colours of the report's figures.
enum ColorScale {
    /// ColorBrewer RdBu (reversed: blue negative, red positive), colour-blind safe.
    private static let diverging: [(Double, Double, Double)] = [
        (33, 102, 172), (67, 147, 195), (146, 197, 222), (209, 229, 240), (247, 247, 247),
        (253, 219, 199), (244, 165, 130), (214, 96, 77), (178, 24, 43),
    ]
    /// ColorBrewer YlOrRd, for values from 0 to 1.
    private static let sequential: [(Double, Double, Double)] = [
        (255, 255, 204), (255, 237, 160), (254, 217, 118), (254, 178, 76), (253, 141, 60),
        (252, 78, 42), (227, 26, 28), (189, 0, 38), (128, 0, 38),
    ]

    /// A value in [-limit, limit] on the diverging scale; NaN is light grey.
    static func diverging(_ value: Double, limit: Double = 1) -> String {
        guard !value.isNaN else { return "#dddddd" }
        return interpolate(diverging, (max(-limit, min(limit, value)) / limit + 1) / 2)
    }

    /// A value in [0, 1] on the sequential scale; NaN is light grey.
    static func sequential(_ value: Double) -> String {
        guard !value.isNaN else { return "#dddddd" }
        return interpolate(sequential, max(0, min(1, value)))
    }

    private static func interpolate(_ stops: [(Double, Double, Double)], _ t: Double) -> String {
        let position = t * Double(stops.count - 1)
        let i = min(stops.count - 2, Int(position)), f = position - Double(i)
        let a = stops[i], b = stops[i + 1]
        func channel(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * f).rounded()) }
        return String(format: "#%02x%02x%02x", channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
    }
}
