using System.Collections.Immutable;
using PlanLang.Diagnostics;
using PlanLang.Engine.Runtime;
using PlanLang.Semantics;
using PlanLang.Semantics.Duty;
using PlanLang.Syntax.Model;

namespace PlanLang.Service.Workspace;

/// <summary>
/// What the service reads from the workspace while it runs: the people, posts and rosters of its registries and the
/// <c>service:</c> part of planlang.yaml. Rosters change every week, so the files are read again when one of them
/// changed (looked at no more often than every <see cref="RecheckEvery"/>); plans are not — an incident runs the plan
/// it pinned.
/// </summary>
public sealed class ServiceWorkspace(string root, UiLanguage language, TimeProvider clock)
{
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private Snapshot? current;
    private DateTimeOffset checkedAt;

    public string Root { get; } = Path.GetFullPath(root);

    public UiLanguage Language => language;

    public WorkspaceClock Clock { get; } = WorkspaceClock.Of(root);

    /// <summary>The registries' and configuration's current facts.</summary>
    public Snapshot Current
    {
        get
        {
            lock (gate)
            {
                var now = clock.GetUtcNow();
                if (current is null || (now - checkedAt >= RecheckEvery && Fingerprint() != current.Fingerprint))
                {
                    current = Load();
                }

                if (now - checkedAt >= RecheckEvery)
                {
                    checkedAt = now;
                }

                return current;
            }
        }
    }

    /// <summary>The plan files of the workspace, by path relative to its root.</summary>
    public string? PlanPath(string relativeOrId)
    {
        var path = Path.GetFullPath(Path.Combine(Root, relativeOrId));
        if (path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path) && FileKinds.Of(path) == FileKind.Plan)
        {
            return path;
        }

        // A plan id (longwan/typhoon) names the plan file that declares it.
        return Current.PlanFiles.GetValueOrDefault(relativeOrId);
    }

    private Snapshot Load()
    {
        var fingerprint = Fingerprint();
        var compilation = WorkspaceCompiler.Compile(Root, new CompilationOptions(language, DateOnly.FromDateTime(Clock.Now(clock).DateTime)));
        return new Snapshot(
            DutyDirectory.Of(compilation.Registries),
            compilation.Config?.Service ?? ServiceConfigSyntax.None,
            compilation.Plans.Where(p => p.Id is not null).GroupBy(p => p.Id!.Value, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First().File, StringComparer.Ordinal),
            fingerprint,
            compilation);
    }

    // The files and today's date: a compilation's lifecycle checks are as of a day.
    private string Fingerprint()
    {
        var files = WorkspaceFiles.Enumerate(Root);
        return DateOnly.FromDateTime(Clock.Now(clock).DateTime).ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "|"
            + string.Join('|', files.Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}"));
    }

    /// <param name="Compilation">The whole workspace checked as of today, with every analysis: what an incident starting
    /// now is checked with, so that starting one does not check the workspace again.</param>
    public sealed record Snapshot(DutyDirectory Directory, ServiceConfigSyntax Service, ImmutableDictionary<string, string> PlanFiles, string Fingerprint, Compilation Compilation);
}
