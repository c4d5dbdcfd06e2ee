using System.Collections.Concurrent;

namespace PlanLang.Engine.Store;

/// <summary>
/// One writer at a time per SQLite file, queued in the process. SQLite admits one writer anyway; without this, the
/// others wait in its busy handler, which sleeps in steps of up to 100 ms — under 32 concurrent commands most of the
/// time went to sleeping, not writing. Every writer of a file in this process (the event store and the service's
/// tables) takes the same gate; other processes still meet SQLite's own lock.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static IDisposable Enter(string path)
    {
        var gate = Gates.GetOrAdd(Path.GetFullPath(path), _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
