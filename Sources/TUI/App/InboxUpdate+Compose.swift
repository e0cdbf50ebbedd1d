import Foundation
import Store
import TerminalText
import Webhooks

/// Replying: the plan first, then the text; Enter sends, Esc keeps a draft. The reply is
/// bound to the conversation the message pane shows when compose opens, whatever the list
/// does afterwards.
extension InboxUpdate {
    static func startReply(_ s: inout InboxState) -> [InboxEffect] {
        guard let conversation = s.messages.conversation ?? s.list.selected else { return [] }
        let keepText = s.compose.conversation?.id == conversation.id ? s.compose.text : ""
        s.compose = ComposeState(conversation: conversation, text: keepText, preview: nil, refusal: nil)
        s.compose.presenceAt = s.now
        s.mode = .compose
        return [.planReply(conversation: conversation), .loadDraft(conversationID: conversation.id),
                .setPresence(conversationID: conversation.id, composing: true)]
    }

    /// `p`: compose in "ask for the phone" mode; its plan says whether it can go.
    static func startPhoneRequest(_ s: inout InboxState) -> [InboxEffect] {
        guard let conversation = s.messages.conversation ?? s.list.selected else { return [] }
        s.compose = ComposeState(conversation: conversation)
        s.compose.asksPhone = true
        s.compose.presenceAt = s.now
        s.mode = .compose
        return [.planPhoneRequest(conversation: conversation), .setPresence(conversationID: conversation.id, composing: true)]
    }

    static func composeKey(_ s: inout InboxState, _ key: KeyEvent) -> [InboxEffect] {
        guard let conversation = s.compose.conversation else {
            s.mode = .browse
            return []
        }
        switch key {
        case .escape:
            s.mode = .browse
            return [.saveDraft(conversationID: conversation.id, text: s.compose.text),
                    .setPresence(conversationID: conversation.id, composing: false)]
        case .enter:
            return send(&s, conversation)
        case .control("t"):
            s.picker = TemplatePickerState(conversation: conversation)
            s.mode = .templatePicker
            return [.loadTemplates(conversation: conversation)]
        case .tab:
            return [.retarget(conversation: conversation)]
        default:
            if s.compose.editor.apply(key) { s.compose.refusal = nil }
            return []
        }
    }

    /// The refusal to show: from a failed send, else from the plan.
    static func refusal(_ s: InboxState) -> ReplyRefusal? {
        if let refusal = s.compose.refusal { return refusal }
        if case .refused(let refusal) = s.compose.preview { return refusal }
        return nil
    }

    static func send(_ s: inout InboxState, _ conversation: Conversation) -> [InboxEffect] {
        let text = s.compose.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.compose.asksPhone {
            guard case .ready = s.compose.preview else { return [] }   // the compose line says why not
            s.mode = .browse
            s.compose = ComposeState()
            s.status.notice = "asking \(TerminalSafeText.field(conversation.displayName)) for their phone"
            return [.sendPhoneRequest(conversation: conversation, text: text),
                    .setPresence(conversationID: conversation.id, composing: false)] + markRead(&s, conversation)
        }
        guard !text.isEmpty else { return [] }
        guard text.count <= LineEditor.limit else {
            s.status.lastError = "the reply has \(text.count) characters; WhatsApp takes at most 4,096"
            return []
        }
        switch s.compose.preview {
        case .refused, .unavailable:
            return []   // the compose line already says why; nothing is sent
        case nil:
            s.status.lastError = "reply plan not ready yet"
            return []
        case .ready:
            break
        }
        s.mode = .browse
        s.compose.text = ""
        if s.messages.conversation?.id == conversation.id {
            let pending = Message(
                id: -Int64(s.messages.optimistic.count + 1), conversationID: conversation.id, direction: .outbound,
                text: text, status: .pending, timestamp: Date(timeIntervalSince1970: s.now))
            s.messages.optimistic.append(pending)
            s.messages.scroll = 0
        }
        return [.send(conversation: conversation, text: text), .saveDraft(conversationID: conversation.id, text: ""),
                .setPresence(conversationID: conversation.id, composing: false)] + markRead(&s, conversation)
    }

    /// Replying means it was read: the unread count goes to zero.
    static func markRead(_ s: inout InboxState, _ conversation: Conversation) -> [InboxEffect] {
        guard conversation.unread > 0 || s.list.rows.contains(where: { $0.id == conversation.id && $0.unread > 0 }) else { return [] }
        if let index = s.list.rows.firstIndex(where: { $0.id == conversation.id }) { s.list.rows[index].unread = 0 }
        if s.messages.conversation?.id == conversation.id { s.messages.conversation?.unread = 0 }
        return [.markRead(conversationID: conversation.id)]
    }

    static func sent(_ s: inout InboxState, _ conversationID: Int64, _ outcome: SendOutcome) -> [InboxEffect] {
        switch outcome {
        case .accepted:
            s.status.notice = "sent"
            guard s.messages.conversation?.id == conversationID else { return [] }
            return [.loadMessages(MessageRequest(conversationID: conversationID, kind: .latest, limit: max(pageSize(s), s.messages.entries.count)))]
        case .refused(let refusal):
            if let index = s.messages.optimistic.lastIndex(where: { $0.conversationID == conversationID }) {
                let text = s.messages.optimistic.remove(at: index).text
                if let conversation = s.messages.conversation, conversation.id == conversationID {
                    s.compose = ComposeState(conversation: conversation, text: text, preview: s.compose.preview, refusal: refusal)
                    s.mode = .compose
                }
            }
            s.status.lastError = "\(refusal.code): \(refusal.message)"
            return []
        case .failed(let message):
            for i in s.messages.optimistic.indices where s.messages.optimistic[i].conversationID == conversationID {
                s.messages.optimistic[i].status = .failed
            }
            s.status.lastError = "send failed: \(message)"
            return [.loadMessages(MessageRequest(conversationID: conversationID, kind: .latest, limit: max(pageSize(s), s.messages.entries.count)))]
        }
    }

    /// Tab found (or did not find) another channel of the contact that takes the reply.
    static func retargeted(_ s: inout InboxState, from id: Int64, _ conversation: Conversation?, _ preview: ReplyPreview?) -> [InboxEffect] {
        guard s.mode == .compose, let current = s.compose.conversation, current.id == id else { return [] }
        guard let conversation, let preview else {
            s.status.lastError = "no other channel of \(TerminalSafeText.field(current.displayName)) would take this reply"
            return []
        }
        let text = s.compose.text
        s.compose = ComposeState(conversation: conversation, text: text, preview: preview, refusal: nil)
        s.compose.presenceAt = s.now
        s.status.notice = "replying via \(TerminalSafeText.field(conversation.channel)) instead"
        let focus = s.focus
        var effects = showConversation(&s, conversation)
        s.focus = focus
        effects += [.setPresence(conversationID: current.id, composing: false), .setPresence(conversationID: conversation.id, composing: true),
                    .saveDraft(conversationID: current.id, text: "")]
        return effects
    }

    static func editorFinished(_ s: inout InboxState, _ conversationID: Int64, _ text: String?) -> [InboxEffect] {
        guard let text, !text.isEmpty else {
            s.status.notice = "editor: nothing written"
            return []
        }
        guard let conversation = [s.messages.conversation, s.list.selected, s.compose.conversation]
            .compactMap({ $0 }).first(where: { $0.id == conversationID }) else { return [] }
        s.compose = ComposeState(conversation: conversation, text: text, preview: nil, refusal: nil)
        s.mode = .compose
        return [.planReply(conversation: conversation), .saveDraft(conversationID: conversationID, text: text)]
    }
}
