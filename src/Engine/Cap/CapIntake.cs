using PlanLang.Diagnostics;
using PlanLang.Engine.Events;
using PlanLang.Engine.Runtime;
using PlanLang.Engine.State;

namespace PlanLang.Engine.Cap;

/// <summary>An OASIS CAP 1.2 alert as an observation of the warning it carries (docs/engine.md): real alerts only into
/// real incidents and exercises only into drills, the area must be the incident's, above it or below it, and a Cancel
/// sets the warning it cancels back to none.</summary>
public static class CapIntake
{
    /// <summary>A CAP file's text, measured before it is read: a 5 GB file must not be read to learn it is no alert.</summary>
    public static string ReadFile(string path, UiLanguage language)
    {
        var bytes = new FileInfo(path).Length;
        const long Limit = PlanLang.Syntax.InputLimits.MaxCapCharacters * 4L;
        return bytes > Limit
            ? throw RefusedException.Of(DiagnosticCodes.CapRefused, language, Path.GetFileName(path), EngineText.CapFileTooLarge(bytes, Limit))
            : File.ReadAllText(path);
    }

    public static NewEvent Receive(IncidentState state, PlanRuntime plan, string xml, DateTimeOffset at, UiLanguage language)
    {
        var (alert, error) = CapAlert.Parse(xml);
        if (alert is null)
        {
            throw RefusedException.Of(DiagnosticCodes.CapRefused, language, "?", error);
        }

        Text? refusal = alert.Status switch
        {
            "Exercise" when !state.Record.Exercise => EngineText.ExerciseOnlyIntoDrills,
            "Actual" when state.Record.Exercise => EngineText.ActualNotIntoDrills,
            "Actual" or "Exercise" => null,
            _ => EngineText.StatusNotDriving(alert.Status),
        };

        // An acknowledgement or an error report (msgType Ack, Error) answers another message; it warns of nothing.
        refusal ??= alert.MsgType is "Alert" or "Update" or "Cancel" ? null : EngineText.MsgTypeNotDriving(alert.MsgType);
        refusal ??= System.DateTimeOffset.TryParseExact(alert.Sent, "yyyy'-'MM'-'dd'T'HH':'mm':'sszzz", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            ? null
            : EngineText.SentNotATime(alert.Sent);
        if (refusal is not null)
        {
            throw RefusedException.Of(DiagnosticCodes.CapRefused, language, alert.Identifier, refusal);
        }

        var info = alert.Infos.FirstOrDefault(i => i.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) ?? alert.Infos.FirstOrDefault()
            ?? throw RefusedException.Of(DiagnosticCodes.CapRefused, language, alert.Identifier, EngineText.NoInfoBlock);
        var codes = state.AreaCodes;
        if (!info.Areas.SelectMany(a => a.Geocodes).Any(g => CapMapping.AreaMatches(g.Value, codes)))
        {
            var described = string.Join("; ", info.Areas.Select(a => $"{a.Description} [{string.Join(", ", a.Geocodes.Select(g => $"{g.Name}={g.Value}"))}]"));
            throw RefusedException.Of(DiagnosticCodes.CapOtherArea, language, described.Length > 0 ? described : "—", string.Join(", ", codes));
        }

        string signal;
        string colour;
        if (alert.MsgType == "Cancel")
        {
            var cancelled = state.CapSignals.Where(c => alert.References.Contains(c.Key)).Select(c => c.Value).FirstOrDefault();
            signal = cancelled ?? CapMapping.Signal(info)
                ?? throw RefusedException.Of(DiagnosticCodes.CapRefused, language, alert.Identifier, EngineText.CancelsUnknownAlert);
            colour = "none";
        }
        else
        {
            signal = CapMapping.Signal(info)
                ?? throw RefusedException.Of(DiagnosticCodes.CapRefused, language, alert.Identifier, EngineText.EventMapsToNoInput(info.Event));
            colour = CapMapping.Colour(info);
        }

        var path = $"warning.{signal}";
        if (!plan.Scope.Inputs.ContainsKey(path))
        {
            throw RefusedException.Of(DiagnosticCodes.CapRefused, language, alert.Identifier, EngineText.PlanHasNoInput(path));
        }

        return new NewEvent(at, Actors.System, new ObservationRecorded(new Dictionary<string, string> { [path] = colour })
        {
            Cap = new CapReceipt(alert.Identifier, alert.Sender, alert.Sent, alert.MsgType, info.Event, signal) { References = alert.References, Headline = info.Headline },
        });
    }
}
