namespace PlanLang.Cli;

/// <summary>The exit codes of every command: 0 without errors, 1 with errors, 2 for usage or I/O problems.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int HasErrors = 1;
    public const int UsageOrIo = 2;
}
