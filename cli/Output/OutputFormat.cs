namespace PlanLang.Cli.Output;

public enum OutputFormat
{
    Text,
    Json,
    Sarif,
    GitHub,
    JUnit,
}
