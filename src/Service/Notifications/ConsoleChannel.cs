using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PlanLang.Service.Api;

namespace PlanLang.Service.Notifications;

/// <summary>
/// The console channel: a signed-in person's live stream of notifications as server-sent events
/// (<c>event: notification</c>, the delivery as JSON, its id as the event id). A notification made while the person
/// was not connected waits in the delivery log and is sent when they connect; one sent is marked sent, so a second
/// tab or a second service does not repeat it. The stream polls the log, so it also carries what another service
/// planned.
/// </summary>
public static class ConsoleChannel
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notifications/stream", (HttpContext http, DeliveryStore store) =>
            TypedResults.ServerSentEvents(Stream(store, ServiceCore.CallerOf(http.User).Person, http.RequestAborted)))
            .RequireAuthorization().WithTags("notifications").WithSummary("The signed-in person's notifications, live (text/event-stream)");

        app.MapGet("/api/notifications", (HttpContext http, DeliveryStore store) =>
            Results.Ok(store.ForPerson(ServiceCore.CallerOf(http.User).Person).Where(d => d.Channel == ChannelNames.Console).Select(Views.Delivery).ToList()))
            .RequireAuthorization().WithTags("notifications").WithSummary("The signed-in person's console notifications and their state");
    }

    private static async IAsyncEnumerable<SseItem<DeliveryView>> Stream(DeliveryStore store, string person, [EnumeratorCancellation] CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            foreach (var d in store.Claim([ChannelNames.Console], 50, person))
            {
                store.Sent(d);
                yield return new SseItem<DeliveryView>(Views.Delivery(d with { Status = DeliveryStatus.Sent }), "notification") { EventId = d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }

            try
            {
                await Task.Delay(PollEvery, cancel);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }
}
