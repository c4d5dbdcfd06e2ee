namespace PlanLang.Engine.Compiled;

/// <summary>What compiled conditions read: quantities in base units, ordinal ranks and booleans; an input nobody
/// has observed reads as nothing (0, rank 0, false), as in the interpreter.</summary>
public interface IInputs
{
    double Quantity(string path);

    int Rank(string path);

    bool Flag(string path);
}

/// <summary>Comparisons with the interpreter's tolerance, so both agree at a threshold.</summary>
public static class Compare
{
    public static bool Equal(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    public static bool Less(double a, double b) => a < b && !Equal(a, b);

    public static bool LessOrEqual(double a, double b) => a <= b || Equal(a, b);

    public static bool Greater(double a, double b) => a > b && !Equal(a, b);

    public static bool GreaterOrEqual(double a, double b) => a >= b || Equal(a, b);
}
