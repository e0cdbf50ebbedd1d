/// What a cell means, not how it looks: the backend maps each role to colours, or to plain
/// attributes when colour is off (`NO_COLOR`), so the view never deals with terminal details.
public enum StyleRole: String, Sendable, Hashable, CaseIterable {
    case normal
    case dim
    case title
    case border
    case selection
    case selectionUnfocused
    case unread
    case badgePhone
    case badgeBSUID
    case inbound
    case outbound
    case delivered
    case read
    case failed
    case pending
    case separator
    case statusBar
    case statusError
    case compose
    case refusal
    case placeholder
    case highlight
    /// Timeline lines between messages (identity changes, triage).
    case system
    /// A private note in the timeline.
    case note
    /// A search match inside a message.
    case match
    /// The service window is about to close.
    case warning
}

/// The look of one cell: a role plus emphasis the view decides on (unread rows are bold).
public struct CellStyle: Sendable, Hashable {
    public var role: StyleRole
    public var bold: Bool

    public init(_ role: StyleRole = .normal, bold: Bool = false) {
        self.role = role
        self.bold = bold
    }

    public static let normal = CellStyle()

    /// The same role, emphasised.
    public var emphasised: CellStyle { CellStyle(role, bold: true) }
}
