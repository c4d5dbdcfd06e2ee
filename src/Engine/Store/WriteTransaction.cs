using System.Data.Common;

namespace PlanLang.Engine.Store;

/// <summary>The transaction a batch is written in: a connection of the database, a write transaction begun on it, and
/// what to release when it ends (the connection, or its lease from the store's pool).</summary>
public sealed class WriteTransaction(DbConnection connection, DbTransaction transaction, Action release) : IDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    /// <summary>Begins a write transaction on <paramref name="connection"/>; if that fails, the connection is released
    /// before the failure goes on.</summary>
    public static WriteTransaction Begin(DbConnection connection, Func<DbConnection, DbTransaction> begin, Action release)
    {
        try
        {
            return new WriteTransaction(connection, begin(connection), release);
        }
        catch
        {
            release();
            throw;
        }
    }

    public void Dispose()
    {
        Transaction.Dispose();
        release();
    }
}
