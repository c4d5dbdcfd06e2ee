namespace PlanLang.Semantics;

public enum FileKind
{
    Config,
    Registry,
    Plan,
}

public static class FileKinds
{
    public const string ConfigFileName = "planlang.yaml";

    public static FileKind? Of(string path)
    {
        var name = Path.GetFileName(path);
        if (name.Equals(ConfigFileName, StringComparison.Ordinal))
        {
            return FileKind.Config;
        }

        if (name.EndsWith(".registry.yaml", StringComparison.Ordinal))
        {
            return FileKind.Registry;
        }

        return name.EndsWith(".plan.yaml", StringComparison.Ordinal) ? FileKind.Plan : null;
    }
}
