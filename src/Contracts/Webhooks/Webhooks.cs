using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Webhooks;

/// <summary>The events a webhook may subscribe to, as they are named in its deliveries.</summary>
public static class WebhookEvents
{
    public const string SaleCreated = "sale.created";
    public const string InventoryUpdated = "inventory.updated";
    public const string LowStock = "alert.lowStock";
    public const string ComplianceAlert = "compliance.alert";

    public static IReadOnlyList<string> All { get; } = [SaleCreated, InventoryUpdated, LowStock, ComplianceAlert];
}

/// <summary>
/// A subscription as an admin sees it, never its secret: with its circuit (<see cref="WebhookCircuits"/>), the failed
/// deliveries in a row that opened it, and until when it rests.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.WebhookDetails.v1")]
public sealed record WebhookDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] string Url,
    [property: Id(3)] string[] Events,
    [property: Id(4)] string? Description,
    [property: Id(5)] DateTime CreatedAt,
    [property: Id(6)] string Circuit = WebhookCircuits.Closed,
    [property: Id(7)] int ConsecutiveFailures = 0,
    [property: Id(8)] DateTime? CircuitOpenUntil = null);

/// <summary>
/// A webhook's circuit breaker: closed (delivering), open (its receiver failed too often in a row; nothing is sent
/// until it has rested), halfOpen (rested; the next delivery is a probe that closes it or opens it again).
/// </summary>
public static class WebhookCircuits
{
    public const string Closed = "closed";
    public const string Open = "open";
    public const string HalfOpen = "halfOpen";
}

/// <summary>
/// A subscription to make: its URL (<c>url</c>, or <c>webhookUrl</c> as the seed names it), events, and optionally the
/// signing secret the caller chose (generated when absent).
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.WebhookDraft.v1")]
public sealed record WebhookDraft(
    [property: Id(0)] string? Url,
    [property: Id(1)] IReadOnlyList<string>? Events,
    [property: Id(2)] string? Description,
    [property: Id(3)] string? WebhookUrl = null,
    [property: Id(4)] string? Secret = null);

/// <summary>What a signing secret chosen by the caller must be: long enough that it cannot be guessed, and plain text.</summary>
public static class WebhookSecrets
{
    public const int MinLength = 24;
    public const int MaxLength = 256;

    public static bool IsAcceptable(string secret) =>
        secret.Length is >= MinLength and <= MaxLength && secret.All(c => c is > ' ' and <= '~');
}

/// <summary>A new subscription with its signing secret, shown once.</summary>
[GenerateSerializer, Immutable, Alias("ipf.IssuedWebhook.v1")]
public sealed record IssuedWebhook(
    [property: Id(0)] WebhookDetails Webhook,
    [property: Id(1)] string Secret);

/// <summary>
/// One try to deliver one event. A failed try has an <see cref="ErrorCategory"/> (<c>timeout</c>, <c>dns_failure</c>,
/// <c>address_refused</c>, <c>https_required</c>, <c>connection_refused</c>, <c>connection_failed</c>, <c>tls_failure</c>,
/// <c>invalid_response</c>, <c>http_503</c>..., <c>unknown</c>) and a fixed sentence in <see cref="Error"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.WebhookDelivery.v1")]
public sealed record WebhookDelivery(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OutboxId,
    [property: Id(2)] string Event,
    [property: Id(3)] int Attempt,
    [property: Id(4)] DateTime AttemptedAt,
    [property: Id(5)] int? StatusCode,
    [property: Id(6)] string? Error,
    [property: Id(7)] int DurationMs,
    [property: Id(8)] bool Manual,
    [property: Id(9)] string? ErrorCategory);

public interface IWebhooksGrain : IGrainWithStringKey
{
    Task<IssuedWebhook> Create(WebhookDraft draft, Guid createdBy);

    Task<Page<WebhookDetails>> List(PageRequest page);

    Task Delete(Guid webhookId);

    Task<Page<WebhookDelivery>> Deliveries(Guid webhookId, PageRequest page);

    /// <summary>Sends an event of this webhook again now, whatever became of it (delivered, failed or waiting).</summary>
    Task<WebhookDelivery> Redeliver(Guid webhookId, Guid outboxId);
}
