import Foundation
import Store
import TerminalText

/// The template picker (Ctrl-T in compose): choose a template, fill in its parameters, read
/// the exact request, and only then send it with Enter. Esc steps back; nothing leaves before
/// the confirmation.
extension InboxUpdate {
    static func pickerKey(_ s: inout InboxState, _ key: KeyEvent) -> [InboxEffect] {
        guard var picker = s.picker else {
            s.mode = .compose
            return []
        }
        defer { if s.mode == .templatePicker { s.picker = picker } }
        switch picker.stage {
        case .choose:
            switch key {
            case .escape:
                s.picker = nil
                s.mode = .compose
            case .down, .character("j"), .control("n"):
                picker.selected = min(picker.selected + 1, max(0, picker.choices.count - 1))
            case .up, .character("k"), .control("p"):
                picker.selected = max(0, picker.selected - 1)
            case .enter:
                guard let choice = picker.choice else { return [] }
                if let why = choice.unavailable {
                    s.status.lastError = "\(choice.name): \(why)"
                    return []
                }
                picker.values = []
                picker.input = LineEditor()
                picker.preview = nil
                if choice.parameters.isEmpty {
                    picker.stage = .confirm
                    return [.previewTemplate(conversation: picker.conversation, name: choice.name, parameters: [])]
                }
                picker.stage = .fill(index: 0)
            default:
                break
            }
        case .fill(let index):
            guard let choice = picker.choice else { return [] }
            switch key {
            case .escape:
                picker.stage = index == 0 ? .choose : .fill(index: index - 1)
                if index > 0 { picker.input = LineEditor(picker.values.removeLast()) }
            case .enter:
                let value = picker.input.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !value.isEmpty else {
                    s.status.lastError = "\(choice.parameters[index]) is empty"
                    return []
                }
                picker.values.append(value)
                picker.input = LineEditor()
                if index + 1 < choice.parameters.count {
                    picker.stage = .fill(index: index + 1)
                } else {
                    picker.stage = .confirm
                    return [.previewTemplate(conversation: picker.conversation, name: choice.name, parameters: picker.values)]
                }
            default:
                _ = picker.input.apply(key)
            }
        case .confirm:
            guard let choice = picker.choice else { return [] }
            switch key {
            case .escape:
                picker.stage = choice.parameters.isEmpty ? .choose : .fill(index: choice.parameters.count - 1)
                if !choice.parameters.isEmpty { picker.input = LineEditor(picker.values.removeLast()) }
                picker.preview = nil
            case .enter:
                guard case .ready = picker.preview else { return [] }   // the refusal is on screen
                s.picker = nil
                s.mode = .browse
                s.status.notice = "sending template \(choice.name) to \(TerminalSafeText.field(picker.conversation.displayName))"
                return [.sendTemplate(conversation: picker.conversation, name: choice.name, parameters: picker.values),
                        .setPresence(conversationID: picker.conversation.id, composing: false)]
                    + markRead(&s, picker.conversation)
            default:
                break
            }
        }
        return []
    }

    static func templatesLoaded(_ s: inout InboxState, _ conversationID: Int64, _ choices: [TemplateChoice]) -> [InboxEffect] {
        guard var picker = s.picker, picker.conversation.id == conversationID else { return [] }
        picker.choices = choices
        picker.loaded = true
        picker.selected = choices.firstIndex { $0.unavailable == nil } ?? 0
        s.picker = picker
        return []
    }

    static func templatePreviewed(_ s: inout InboxState, _ conversationID: Int64, _ preview: TemplatePreview) -> [InboxEffect] {
        guard s.picker?.conversation.id == conversationID, s.picker?.stage == .confirm else { return [] }
        s.picker?.preview = preview
        return []
    }
}
