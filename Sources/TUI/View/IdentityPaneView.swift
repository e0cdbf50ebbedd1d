import Identity
import Store
import TerminalText

/// Who the contact is as far as this inbox knows, and which identifier a reply would use.
enum IdentityPaneView {
    static func draw(_ state: InboxState, in rect: Rect, grid: inout ScreenGrid) {
        guard rect.height > 0, rect.width > 0 else { return }
        let lines = self.lines(state, width: rect.width - 2)
        let height = rect.height - 1
        let scroll = min(state.identity.scroll, max(0, lines.count - height))
        let more = lines.count > height ? " · \(scroll + min(height, lines.count))/\(lines.count) j/k" : ""
        InboxView.title("Identity (i closes)\(more)", in: rect, grid: &grid, focused: InboxUpdate.identityScrolls(state))
        for (offset, line) in lines.dropFirst(scroll).prefix(height).enumerated() {
            grid.put(line.text, row: rect.row + 1 + offset, col: rect.col + 1, maxWidth: rect.width - 1, style: line.style)
        }
    }

    struct Line {
        var text: String
        var style: CellStyle
    }

    static func lines(_ state: InboxState, width: Int) -> [Line] {
        guard let detail = state.identity.detail else {
            return [Line(text: (state.messages.conversation ?? state.list.selected) == nil ? "No contact selected" : "loading…", style: CellStyle(.dim))]
        }
        let labelWidth = 10
        var out: [Line] = []
        func field(_ label: String, _ value: String?, style: StyleRole = .normal) {
            let text = TerminalSafeText.field(value ?? "—", limit: 1000)
            let wrapped = TextWrapping.wrap(text, width: max(1, width - labelWidth))
            for (i, part) in wrapped.enumerated() {
                let head = i == 0 ? TextClipping.pad(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
                out.append(Line(text: head + part, style: CellStyle(style)))
            }
        }
        func heading(_ text: String) {
            out.append(Line(text: "", style: .normal))
            out.append(Line(text: text, style: CellStyle(.title, bold: true)))
        }
        let contact = detail.contact
        let hasPhone = contact.phone != nil
        field("Name", contact.name)
        field("Phone", contact.phone ?? "not shared", style: hasPhone ? .normal : .badgeBSUID)
        // Every current BSUID and parent BSUID, each with the portfolio (group) it is valid in.
        let routing = contact.identifiersForDisplay.filter { $0.current }
        let bsuids = routing.filter { $0.kind == .bsuid }
        let parents = routing.filter { $0.kind == .parentBSUID }
        if bsuids.isEmpty { field("BSUID", nil) }
        for id in bsuids { field("BSUID", id.value + (id.scope.map { " (\($0))" } ?? "")) }
        if parents.isEmpty { field("Parent", nil) }
        for id in parents { field("Parent", id.value + (id.scope.map { " (\($0))" } ?? "")) }
        field("Username", contact.username)
        field("Country", contact.country ?? bsuids.first.flatMap { Identifier(kind: .bsuid, value: $0.value).countryCode })
        field("Source", IdentitySource(hasPhone: hasPhone).rawValue)
        if state.identity.continuityContactID == contact.id {
            for sentence in state.identity.continuity { field("Phone", sentence, style: .dim) }
        }
        for preference in contact.marketing.values.sorted(by: { $0.channel < $1.channel }) {
            let text = preference.stopped
                ? "stopped on \(preference.channel) since \(state.time.timestamp(preference.at)): no marketing templates there"
                : "resumed on \(preference.channel)"
            field("Marketing", text, style: preference.stopped ? .refusal : .normal)
        }

        heading("Reply")
        switch state.identity.preview {
        case .ready(let route)?:
            field("Uses", "\(route.identifierValue) (\(route.kindLabel))")
            field("Why", route.reason)
            field("Via", "\(route.channel)/\(route.provider)")
        case .refused(let refusal)?:
            field("Refused", refusal.code, style: .refusal)
            field("Why", refusal.message)
        case .unavailable(let why)?:
            field("Plan", why, style: .dim)
        case nil:
            field("Plan", "…", style: .dim)
        }

        let superseded = contact.identifiersForDisplay.filter { !$0.current }
        if !superseded.isEmpty {
            heading("Superseded")
            for id in superseded {
                let until = id.supersededAt.map { " until " + state.time.timestamp($0) } ?? ""
                field(kindLabel(id.kind), id.value + until, style: .dim)
            }
        }
        let earlier = contact.usernames.filter { !$0.current }.sorted { $0.firstSeen < $1.firstSeen }
        if !earlier.isEmpty {
            heading("Earlier usernames")
            for u in earlier { field("", u.username + " since " + state.time.timestamp(u.firstSeen), style: .dim) }
        }
        if !detail.merges.isEmpty {
            heading("Merges")
            for m in detail.merges {
                let what = m.merged == contact.id ? "into contact \(m.survivor)" : "contact \(m.merged) into this one"
                field("Merged", "\(what), \(state.time.timestamp(m.at))", style: .dim)
                field("Why", m.reason, style: .dim)
            }
        }
        if !detail.conflicts.isEmpty {
            heading("Phone conflicts (not merged)")
            for c in detail.conflicts {
                let other = c.contact == contact.id ? c.otherContact : c.contact
                field("Phone", "+" + c.phone, style: .refusal)
                field("Held by", other.map { "contact \($0)" } ?? "no other contact")
                field("Seen", state.time.timestamp(c.at))
                field("Means", "not merged: two customers may share it; replies keep using the identifiers above", style: .dim)
            }
        }
        if !detail.unverifiedChanges.isEmpty {
            heading("Unverified changes (not applied)")
            for change in detail.unverifiedChanges {
                field("#\(change.id)", change.summary + ", " + state.time.timestamp(change.at), style: .refusal)
                field("", "apply with: switchboard apply-change \(change.id)", style: .dim)
            }
        }
        return out
    }

    static func kindLabel(_ kind: IdentifierKind) -> String {
        switch kind {
        case .phone: "Phone"
        case .bsuid: "BSUID"
        case .parentBSUID: "Parent"
        case .username: "Username"
        }
    }
}
