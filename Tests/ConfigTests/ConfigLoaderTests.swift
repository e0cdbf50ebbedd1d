import Config
import Foundation
import Identity
import Testing

@Suite("config.toml")
struct ConfigLoaderTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Assets/config.toml").standardized.path

    @Test func theSampleConfigLoadsEveryChannel() throws {
        let config = try ConfigLoader.load(path: Self.sample, required: true)
        #expect(config.channels.count == 7)
        let support = try #require(config.directory.named("support"))
        #expect(support.provider == .meta)
        #expect(support.number == "15550783881")
        #expect(support.id == "106540352242922")
        #expect(support.portfolio == "acme")
        #expect(support.parentScope == "acme-group")
        #expect(support.webhookSecretEnv == "META_APP_SECRET")
        #expect(config.templates.map(\.name).contains("login_code"))
        #expect(config.templates.first { $0.name == "login_code" }?.category == "authentication")
        #expect(config.server.port == 8080)
    }

    @Test func valuesAndDefaults() throws {
        let config = try ConfigLoader.parse("""
            store = "~/inbox.sqlite"
            [server]
            port = 9000
            [[channel]]
            name = "one"
            provider = "kapso"
            number = "+1 (555) 000-3333"
            id = 42
            portfolio = "p"
            [[template]]
            name = "hello"
            [keys]
            reply = "R"
            """)
        #expect(config.storePath == "~/inbox.sqlite")
        #expect(config.server.port == 9000)
        #expect(config.server.host == "127.0.0.1")
        #expect(config.server.maxBodyBytes == 3_145_728)
        let channel = try #require(config.channels.first)
        #expect(channel.number == "15550003333")
        #expect(channel.id == "42")
        #expect(channel.parentScope == "p")
        #expect(channel.bsuidSending == ProviderKind.kapso.defaultBSUIDSending)
        #expect(config.templates.first == TemplateSettings(name: "hello", language: "en_US", category: "utility"))
        #expect(config.keys == ["reply": "R"])
    }

    @Test(arguments: [
        ("[[channel]]\nprovider = \"meta\"\nportfolio = \"p\"", "needs a name"),
        ("[[channel]]\nname = \"a\"\nportfolio = \"p\"", "provider is missing"),
        ("[[channel]]\nname = \"a\"\nprovider = \"twilio\"\nportfolio = \"p\"", "unknown provider \"twilio\""),
        ("[[channel]]\nname = \"a\"\nprovider = \"meta\"", "portfolio is missing"),
        ("[[channel]]\nname = \"a\"\nprovider = \"meta\"\nportfolio = \"p\"\n[[channel]]\nname = \"a\"\nprovider = \"meta\"\nportfolio = \"q\"",
         "used twice"),
        ("[[template]]\nname = \"t\"\ncategory = \"promo\"", "category must be"),
        ("[[template]]\nlanguage = \"en\"", "needs a name"),
        ("[server\nport = 1", "line 1"),
        ("[[channel]]\nname = \"a\"\nprovider = \"meta\"\nportfolio = \"p\"\nbsuid_sendng = false",
         "unknown key `bsuid_sendng` in [[channel]] a; did you mean `bsuid_sending`?"),
        ("[server]\nprot = 1", "unknown key `prot` in [server]; did you mean `port`?"),
        ("stor = \"x\"", "unknown key `stor` in the top level; did you mean `store`?"),
        ("[[template]]\nname = \"t\"\nlangauge = \"en\"", "did you mean `language`?"),
        ("[[channel]]\nname = \"a\"\nprovider = \"meta\"\nportfolio = \"p\"\nzzzzzzzzzz = 1", "unknown key `zzzzzzzzzz` in [[channel]] a"),
    ])
    func problemsAreOneClearLine(text: String, says: String) {
        #expect {
            _ = try ConfigLoader.parse(text)
        } throws: { error in
            let line = (error as? ConfigError)?.description ?? ""
            return line.contains(says) && !line.contains("\n")
        }
    }

    @Test func aMissingFileIsAnErrorOnlyWhenNamed() throws {
        #expect(throws: ConfigError.self) { try ConfigLoader.load(path: "/nonexistent/config.toml", required: true) }
        let empty = try ConfigLoader.load(path: "/nonexistent/config.toml", required: false)
        #expect(empty.channels.isEmpty)
    }
}

@Suite("Channel api")
struct ChannelAPIConfigTests {
    static func channel(_ provider: String, api: String) -> String {
        """
        [[channel]]
        name = "c"
        provider = "\(provider)"
        id = "01HSWB7Q2K9TZ4Y8V3N6M1RDCE"
        portfolio = "acme"
        api = "\(api)"
        """
    }

    @Test func sinchConversationIsRead() throws {
        let config = try ConfigLoader.parse(Self.channel("sinch", api: "conversation"))
        #expect(config.channels.first?.usesSinchConversationAPI == true)
        #expect(try ConfigLoader.parse(Self.channel("sinch", api: "latam")).channels.first?.api == nil)
    }

    @Test(arguments: [("sinch", "sms", "not one of conversation, latam"), ("meta", "conversation", "only sinch")])
    func anUnknownAPIIsAnError(_ provider: String, _ api: String, _ message: String) {
        #expect {
            _ = try ConfigLoader.parse(Self.channel(provider, api: api))
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}

@Suite("Default paths and template settings")
struct DefaultPathsTests {
    @Test(arguments: [
        // environment, config file, store file
        (["HOME": "/tmp/x"], "/tmp/x/.config/switchboard/config.toml", "/tmp/x/.local/share/switchboard/inbox.sqlite"),
        (["HOME": "/tmp/x", "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": ""],
         "/tmp/x/.config/switchboard/config.toml", "/tmp/x/.local/share/switchboard/inbox.sqlite"),
        (["HOME": "/tmp/x", "XDG_CONFIG_HOME": "/etc/xdg", "XDG_DATA_HOME": "/srv/data"],
         "/etc/xdg/switchboard/config.toml", "/srv/data/switchboard/inbox.sqlite"),
        (["HOME": "/tmp/x", "XDG_CONFIG_HOME": "relative/dir"], "/tmp/x/.config/switchboard/config.toml",
         "/tmp/x/.local/share/switchboard/inbox.sqlite"),
        ([:], "/home/account/.config/switchboard/config.toml", "/home/account/.local/share/switchboard/inbox.sqlite"),
        (["HOME": ""], "/home/account/.config/switchboard/config.toml", "/home/account/.local/share/switchboard/inbox.sqlite"),
    ])
    func homeWinsOverThePasswordDatabaseAndEmptyXDGIsUnset(environment: [String: String], config: String, store: String) {
        let paths = DefaultPaths(environment: environment, accountHome: "/home/account")
        #expect(paths.configFile == config)
        #expect(paths.storeFile == store)
    }

    @Test func templateParametersAndContactRequestsAreRead() throws {
        let config = try ConfigLoader.parse("""
            [[template]]
            name = "order_update"
            parameters = ["order number", "date"]
            [[template]]
            name = "share_phone"
            request_contact_info = true
            """)
        #expect(config.templates[0].parameters == ["order number", "date"])
        #expect(config.templates[1].parameters == nil)
        #expect(config.templates[1].requestsContactInfo)
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("[[template]]\nname = \"x\"\nparameters = \"one\"") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("bell = \"loud\"") }
        #expect(try ConfigLoader.parse("bell = false").bell == false)
    }
}
