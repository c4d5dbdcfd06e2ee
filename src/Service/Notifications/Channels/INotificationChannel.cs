namespace PlanLang.Service.Notifications.Channels;

/// <summary>A way out to people. Sending throws on failure; the worker records it and tries again later.</summary>
public interface INotificationChannel
{
    string Name { get; }

    Task SendAsync(Delivery delivery, CancellationToken cancel);
}
