import GRDB

/// Versioned schema of the inbox store. Each layer that owns tables adds its migration here,
/// in order; a migration is never edited once released, only followed by a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        CoreSchema.register(in: &migrator)
        OutboxSchema.register(in: &migrator)
        BrowseSchema.register(in: &migrator)
        OperatorWorkSchema.register(in: &migrator)
        IdentityTrustSchema.register(in: &migrator)
        TeamWorkflowSchema.register(in: &migrator)
        PresenceSchema.register(in: &migrator)
        TriageIndexSchema.register(in: &migrator)
        MarketingSchema.register(in: &migrator)
        RawLogKeySchema.register(in: &migrator)
        ContactFindSchema.register(in: &migrator)
        SearchTermSchema.register(in: &migrator)
        return migrator
    }
}
