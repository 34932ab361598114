using InventoryProFlow.Contracts.Errors;

namespace InventoryProFlow.Contracts.Integrations;

/// <summary>A POS (or other system) allowed to push sales, as an admin sees it: never its key or secret.</summary>
[GenerateSerializer, Immutable, Alias("ipf.IntegrationDetails.v1")]
public sealed record IntegrationDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Kind,
    [property: Id(4)] string ApiKeyPrefix,
    [property: Id(5)] DateTime CreatedAt,
    [property: Id(6)] DateTime? RevokedAt);

/// <summary>A new integration with its credentials, shown once: the API key and the webhook signing secret.</summary>
[GenerateSerializer, Immutable, Alias("ipf.IssuedIntegration.v1")]
public sealed record IssuedIntegration(
    [property: Id(0)] IntegrationDetails Integration,
    [property: Id(1)] string ApiKey,
    [property: Id(2)] string WebhookSecret);

/// <summary>What an API key unlocks: the organisation and integration it belongs to, and the secret its pushes are signed with.</summary>
[GenerateSerializer, Immutable, Alias("ipf.IntegrationCredential.v1")]
public sealed record IntegrationCredential(
    [property: Id(0)] Guid IntegrationId,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] string WebhookSecret);

/// <summary>One sale as a POS sends it: its own transaction id, where, when, and lines by sku or barcode.</summary>
[GenerateSerializer, Immutable, Alias("ipf.PosSale.v1")]
public sealed record PosSale(
    [property: Id(0)] string? TransactionId,
    [property: Id(1)] Guid? LocationId,
    [property: Id(2)] DateTime? Timestamp,
    [property: Id(3)] IReadOnlyList<PosItem>? Items);

/// <summary>
/// One line of a POS sale: a product by sku or barcode, or the POS's own item (ItemId, with the ids of the modifiers
/// rung with it) that the menu maps to a recipe or a pour. Price is per item, the line's money price x quantity.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.PosItem.v1")]
public sealed record PosItem(
    [property: Id(0)] string? Sku = null,
    [property: Id(1)] string? Barcode = null,
    [property: Id(2)] decimal? Quantity = null,
    [property: Id(3)] decimal? Price = null,
    [property: Id(4)] string? ItemId = null,
    [property: Id(5)] string? Name = null,
    [property: Id(6)] IReadOnlyList<PosModifier>? Modifiers = null);

/// <summary>A modifier rung with a POS item (double, rocks, a premium upgrade), by the POS's own id.</summary>
[GenerateSerializer, Immutable, Alias("ipf.PosModifier.v1")]
public sealed record PosModifier([property: Id(0)] string? Id = null, [property: Id(1)] string? Name = null);

/// <summary>
/// What happened to one POS sale: recorded (its matched lines applied), duplicate (delivered before; the first
/// answer stands) or rejected (nothing applied, error says why). Unmatched lines are queued, never dropped.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.PosSaleResult.v1")]
public sealed record PosSaleResult(
    [property: Id(0)] string? TransactionId,
    [property: Id(1)] string Status,
    [property: Id(2)] Guid? MovementId,
    [property: Id(3)] int LinesApplied,
    [property: Id(4)] int LinesUnmapped,
    [property: Id(5)] string? ErrorCode,
    [property: Id(6)] string? ErrorMessage,
    [property: Id(7)] IReadOnlyList<FieldError>? ErrorDetails = null);

public static class PosSaleStatus
{
    public const string Recorded = "recorded";
    public const string Duplicate = "duplicate";
    public const string Rejected = "rejected";
}

/// <summary>A queued POS line that matched no product.</summary>
[GenerateSerializer, Immutable, Alias("ipf.UnmappedItem.v1")]
public sealed record UnmappedItem(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] Guid IntegrationId,
    [property: Id(3)] Guid LocationId,
    [property: Id(4)] string PosTransactionId,
    [property: Id(5)] int LineNumber,
    [property: Id(6)] string? Sku,
    [property: Id(7)] string? Barcode,
    [property: Id(8)] decimal Quantity,
    [property: Id(9)] decimal? UnitPrice,
    [property: Id(10)] DateTime OccurredAt,
    [property: Id(11)] string Status,
    [property: Id(12)] Guid? ProductId,
    [property: Id(13)] Guid? MovementId,
    [property: Id(14)] Guid? MappedBy,
    [property: Id(15)] DateTime? MappedAt,
    [property: Id(16)] DateTime CreatedAt,
    [property: Id(17)] string? PosItemId = null,
    [property: Id(18)] string? ItemName = null,
    [property: Id(19)] string[]? ModifierIds = null);
