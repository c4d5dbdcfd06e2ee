using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using PlanLang.Syntax.Model;

namespace PlanLang.Service.Notifications.Channels;

/// <summary>E-mail over SMTP (MailKit): plain text in UTF-8, the acknowledgement link on a line of its own. The
/// delivery's target is the address; credentials come from the environment variables the configuration names.</summary>
public sealed class EmailChannel(SmtpSyntax smtp, string linkLabel) : INotificationChannel
{
    public string Name => ChannelNames.Email;

    public async Task SendAsync(Delivery delivery, CancellationToken cancel)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(delivery.Target));
        message.Subject = delivery.Subject;
        message.Body = new TextPart("plain") { Text = delivery.Link is { } link ? $"{delivery.Body}\n\n{linkLabel}{link}\n" : delivery.Body + "\n" };

        using var client = new SmtpClient { Timeout = 15000 };
        var security = smtp.Security switch
        {
            "none" => SecureSocketOptions.None,
            "tls" => SecureSocketOptions.SslOnConnect,
            "starttls" => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(smtp.Host, smtp.Port, security, cancel);
        if (smtp.UserVariable is { } userVariable && Environment.GetEnvironmentVariable(userVariable) is { } user)
        {
            await client.AuthenticateAsync(user, Environment.GetEnvironmentVariable(smtp.PasswordVariable ?? string.Empty) ?? string.Empty, cancel);
        }

        await client.SendAsync(message, cancel);
        await client.DisconnectAsync(true, cancel);
    }
}
