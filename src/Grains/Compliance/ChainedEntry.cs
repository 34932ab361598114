namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// An audit entry as stored, with the JSON as PostgreSQL writes it back (jsonb reorders keys and drops
/// whitespace, so the hash is taken over that text, not over what the writer serialised).
/// </summary>
public sealed record ChainedEntry(
    Guid OrganizationId,
    long Sequence,
    DateTime OccurredAt,
    Guid? UserId,
    string? RequestId,
    string Action,
    string EntityType,
    string EntityId,
    string? Before,
    string? After,
    string PreviousHash,
    string Hash);

/// <summary>An organisation's newest entry, as the chain head records it.</summary>
public sealed record ChainHead(long Sequence, string Hash);
