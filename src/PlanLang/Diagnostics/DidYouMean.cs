namespace PlanLang.Diagnostics;

/// <summary>"Did you mean" suggestions by edit distance, as compilers do for misspelled names.</summary>
public static class DidYouMean
{
    /// <summary>Names longer than this get no suggestion: nobody mistypes a 100-character id, and the distance
    /// is quadratic in the lengths (a 30,000-character name once took 15 s and 3.6 GB).</summary>
    public const int MaxLength = 64;

    public static string? Best(string name, IEnumerable<string> candidates)
    {
        if (name.Length == 0 || name.Length > MaxLength)
        {
            return null;
        }

        // Allow roughly one edit in three characters; beyond that a suggestion misleads more than it helps.
        var limit = Math.Max(1, (name.Length + 2) / 3);
        var upper = name.ToUpperInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // The distance is at least the difference in length: a candidate too long or short cannot be within the limit.
            if (Math.Abs(candidate.Length - name.Length) > limit)
            {
                continue;
            }

            var distance = Distance(upper, candidate.ToUpperInvariant());
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= limit && bestDistance > 0 ? best : null;
    }

    /// <summary>The suffix for a message: "（是否要写 “x”？）" / " (did you mean 'x'?)", or empty.</summary>
    public static Text Suffix(string name, IEnumerable<string> candidates)
    {
        var best = Best(name, candidates);
        return best is null ? Text.None : MessageParts.DidYouMean(best);
    }

    /// <summary>Optimal string alignment distance: Levenshtein plus adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
