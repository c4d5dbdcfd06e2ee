namespace PlanLang.Engine.Store;

/// <summary>Opens the event store a command is configured with: <c>--store</c>, else <c>PLANLANG_STORE</c>, else the
/// workspace's <c>.planlang/incidents.db</c>. A PostgreSQL connection string opens PostgreSQL; anything else is a SQLite file.</summary>
public static class EventStores
{
    public const string Variable = "PLANLANG_STORE";

    public static IEventStore Open(string? configured, string workspaceRoot, TimeProvider? clock = null)
    {
        var store = configured ?? Environment.GetEnvironmentVariable(Variable);
        return store is not null && PostgresEventStore.IsConnectionString(store)
            ? new PostgresEventStore(store, clock)
            : new SqliteEventStore(store ?? Path.Combine(workspaceRoot, ".planlang", "incidents.db"), clock);
    }

    /// <summary>Where compiled conditions are cached next to the default store.</summary>
    public static string CacheFolder(string workspaceRoot) => Path.Combine(workspaceRoot, ".planlang", "cache");
}
