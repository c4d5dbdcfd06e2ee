using System.Data.Common;
using System.Runtime.CompilerServices;

namespace PlanLang.Engine.Store;

/// <summary>
/// Commands kept with the open connection they were made on and run again with new values, so the database parses and
/// plans a statement once per connection instead of on every call: SQLite's parser and planner took about 7 % of the
/// engine benchmark's processor time when every read and insert was a new command (docs/performance.md).
/// </summary>
/// <remarks>A connection is used by one thread at a time (it is rented), so its commands need no lock. A store whose
/// connections are new objects on every rent (PostgreSQL's pool) gains nothing here and keeps nothing: its driver
/// prepares statements itself.</remarks>
internal sealed class Statements(bool keep)
{
    // Statements of different shapes one connection keeps (the reads, and inserts of the common numbers of rows): more
    // would be rare shapes that are cheaper to parse again than to hold.
    private const int PerConnection = 48;

    private readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> held = [];

    /// <summary>A command for <paramref name="sql"/> in <paramref name="tx"/>, its parameters to be set by
    /// <see cref="Statement.Bind"/>; disposing the statement disposes the command only when it is not kept.</summary>
    public Statement For(DbConnection connection, string sql, DbTransaction? tx)
    {
        if (!keep)
        {
            return new Statement(New(connection, sql, tx), Kept: false);
        }

        var commands = held.GetOrCreateValue(connection);
        if (commands.TryGetValue(sql, out var command))
        {
            command.Transaction = tx;
            return new Statement(command, Kept: true);
        }

        command = New(connection, sql, tx);
        if (commands.Count >= PerConnection)
        {
            return new Statement(command, Kept: false);
        }

        commands[sql] = command;
        return new Statement(command, Kept: true);
    }

    /// <summary>Disposes the commands kept for a connection about to be closed.</summary>
    public void Forget(DbConnection connection)
    {
        if (held.TryGetValue(connection, out var commands))
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            held.Remove(connection);
        }
    }

    private static DbCommand New(DbConnection connection, string sql, DbTransaction? tx)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }
}

/// <summary>A command from <see cref="Statements"/>.</summary>
internal readonly record struct Statement(DbCommand Command, bool Kept) : IDisposable
{
    /// <summary>Binds the values, in the same order for every run of the same text: a kept command's parameters are
    /// set by position (a lookup by name is a scan, and an insert of many rows has thousands).</summary>
    public Statement Bind(IReadOnlyList<(string Name, object Value)> values)
    {
        var parameters = Command.Parameters;
        if (parameters.Count == values.Count)
        {
            for (var i = 0; i < values.Count; i++)
            {
                parameters[i].Value = values[i].Value;
            }

            return this;
        }

        parameters.Clear();
        foreach (var (name, value) in values)
        {
            var parameter = Command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            parameters.Add(parameter);
        }

        return this;
    }

    public void Dispose()
    {
        if (!Kept)
        {
            Command.Dispose();
        }
    }
}
