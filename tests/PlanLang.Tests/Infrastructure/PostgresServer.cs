using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PlanLang.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the store tests, started once per test run from the Debian package
/// (scripts/test.sh installs it): a throw-away cluster on 127.0.0.1 and a free port, a new database per test.
/// As root, initdb and the server run as the postgres user, as PostgreSQL requires.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? dataDir;
    private static string? bin;

    /// <summary>A connection string to a new, empty database.</summary>
    public static string NewDatabase()
    {
        var admin = Server.Value;
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
    }

    /// <summary>A new database for a long-running process (the service): pooled connections, as in production; the
    /// short-lived test connections elsewhere are not pooled.</summary>
    public static string NewPooledDatabase() => new NpgsqlConnectionStringBuilder(NewDatabase()) { Pooling = true, MaxPoolSize = 50 }.ToString();

    private static string Start()
    {
        bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
        Assert.True(bin is not null, "PostgreSQL is not installed: run scripts/test.sh, which installs the Debian package postgresql.");

        dataDir = Path.Combine(Path.GetTempPath(), "planlang-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        var root = Environment.UserName == "root";
        if (root)
        {
            Exec("chown", ["postgres:postgres", dataDir]);
        }

        var port = FreePort();
        Pg(root, "initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-instructions"]);
        Pg(root, "pg_ctl", ["-D", dataDir, "-w", "-l", Path.Combine(dataDir, "server.log"), "-o", $"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=on", "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(root);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=30;Command Timeout=60";
    }

    private static void Stop(bool root)
    {
        try
        {
            Pg(root, "pg_ctl", ["-D", dataDir!, "-m", "immediate", "-w", "stop"]);
            Directory.Delete(dataDir!, recursive: true);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // The test run is over; a leftover temp cluster is harmless.
        }
    }

    private static void Pg(bool root, string tool, string[] args)
    {
        var path = Path.Combine(bin!, tool);
        if (root)
        {
            Exec("runuser", ["-u", "postgres", "--", path, .. args]);
        }
        else
        {
            Exec(path, args);
        }
    }

    private static void Exec(string file, string[] args)
    {
        var (exit, stdout, stderr) = Repo.Run(file, args, Path.GetTempPath());
        Assert.True(exit == 0, $"{file} {string.Join(' ', args)} failed ({exit}):\n{stdout}\n{stderr}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
