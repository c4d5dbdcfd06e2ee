using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace PlanLang.Service.Notifications;

/// <summary>
/// The link in a notification that acknowledges a task after sign-in: <c>/ack/{token}</c>, the token naming the
/// incident and the task, protected (encrypted and signed) with the service's data-protection keys and valid for
/// <see cref="Lifetime"/>. It grants nothing by itself — the person who signs in acts with their own roles — so a
/// forwarded mail lets nobody else acknowledge.
/// </summary>
public sealed class AckLinks(IDataProtectionProvider provider, Func<string> baseUrl)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector protector = provider.CreateProtector("planlang.ack-link.v1").ToTimeLimitedDataProtector();

    public string For(string incident, string task) =>
        $"{baseUrl().TrimEnd('/')}/ack/{WebEncoders.Base64UrlEncode(protector.Protect(Encoding.UTF8.GetBytes($"{incident}\n{task}"), Lifetime))}";

    /// <summary>The incident and task of a token, or null when it is not one of ours or has expired.</summary>
    public (string Incident, string Task)? Read(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token), out _));
            var parts = text.Split('\n');
            return parts.Length == 2 ? (parts[0], parts[1]) : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
