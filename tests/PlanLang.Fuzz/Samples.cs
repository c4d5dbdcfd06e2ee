namespace PlanLang.Fuzz;

/// <summary>The repository's own inputs the mutating harnesses start from: the sample plans, registries and CAP
/// alerts. Real inputs reach deep into the checker; random bytes stop at the first line.</summary>
public static class Samples
{
    public static string Root { get; } = FindRoot();

    public static string[] Plans { get; } = Read("plans", "*.plan.yaml");

    public static string[] Registries { get; } = Read("plans", "*.registry.yaml");

    public static string Config { get; } = File.ReadAllText(Path.Combine(Root, "plans", "planlang.yaml"));

    public static string[] Cap { get; } = Read(Path.Combine("tests", "PlanLang.Tests", "Fixtures", "cap"), "*.xml");

    /// <summary>The import corpus's sources as plain text (their markup taken off): documents to mutate.</summary>
    public static string[] ImportTexts { get; } = [.. Read(Path.Combine("tests", "ImportCorpus", "sources"), "*.txt").Select(t => string.Join("\n", t.Split('\n').Where(l => !l.StartsWith('!')).Select(l => l.StartsWith("= ", StringComparison.Ordinal) ? l[2..] : l.StartsWith('#') || l.StartsWith('@') ? l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..] : l)))];

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string[] Read(string folder, string pattern) =>
        [.. Directory.GetFiles(Path.Combine(Root, folder), pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static string FindRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "PlanLang.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("planlang-fuzz runs inside the repository (it reads plans/ and the CAP samples)");
    }
}
