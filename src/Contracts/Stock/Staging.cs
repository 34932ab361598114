namespace InventoryProFlow.Contracts.Stock;

/// <summary>
/// What a movement asks of one product-location, in stock units or, for a pour or a measured count, in
/// millilitres (one of the two). For a count the figure is what was counted and the grain works out the
/// difference; otherwise it is the signed change.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.StockChange.v1")]
public sealed record StockChange
{
    [Id(0)] public required Guid MovementId { get; init; }
    [Id(1)] public required Guid EntryId { get; init; }
    [Id(2)] public required string Type { get; init; }
    [Id(3)] public decimal? Quantity { get; init; }
    [Id(15)] public decimal? VolumeMl { get; init; }
    [Id(4)] public required bool MayGoNegative { get; init; }
    [Id(5)] public decimal? UnitCost { get; init; }
    [Id(6)] public decimal? UnitPrice { get; init; }

    /// <summary>The row's money when the caller knows it whole (a drink's share); otherwise unit price (or cost) x units.</summary>
    [Id(16)] public decimal? TotalAmount { get; init; }
    [Id(7)] public string? ReferenceId { get; init; }
    [Id(8)] public string? Notes { get; init; }
    [Id(9)] public string? Reason { get; init; }
    [Id(10)] public Guid? UserId { get; init; }
    [Id(11)] public Guid? SupplierId { get; init; }
    [Id(12)] public Guid? CounterpartLocationId { get; init; }
    [Id(13)] public required DateTime OccurredAt { get; init; }
    [Id(14)] public required DateTime RecordedAt { get; init; }

    /// <summary>
    /// A count taken as of this earlier moment (a count session's snapshot): Quantity and VolumeMl are then the signed
    /// difference from what the ledger held at that moment, not the counted figure, so sales rung since stay counted.
    /// </summary>
    [Id(17)] public DateTime? CountedAsOf { get; init; }

    /// <summary>
    /// Whether a sale may be rung at a price other than the catalogue's (unitPrice or amount): a manager, an admin, or a
    /// POS or integration, whose till is the source of truth for its prices. False by default: staff ring the catalogue price.
    /// </summary>
    [Id(18)] public bool MayOverridePrice { get; init; }
}

/// <summary>The inventory row as a movement leaves it: a relative change (in units and, for a liquid, millilitres) plus the levels and count stamp.</summary>
[GenerateSerializer, Immutable, Alias("ipf.InventoryWrite.v1")]
public sealed record InventoryWrite
{
    [Id(0)] public required Guid InventoryId { get; init; }
    [Id(1)] public required Guid OrganizationId { get; init; }
    [Id(2)] public required Guid LocationId { get; init; }
    [Id(3)] public required Guid ProductId { get; init; }
    [Id(4)] public required decimal Delta { get; init; }
    [Id(10)] public decimal? VolumeDeltaMl { get; init; }
    [Id(5)] public required decimal ParLevel { get; init; }
    [Id(6)] public required decimal ReorderPoint { get; init; }
    [Id(7)] public DateTime? LastCountDate { get; init; }
    [Id(8)] public Guid? LastCountedBy { get; init; }
    [Id(9)] public decimal? NewCost { get; init; }
}

/// <summary>An alert row to open (Raise) or to close.</summary>
[GenerateSerializer, Immutable, Alias("ipf.AlertWrite.v1")]
public sealed record AlertWrite(
    [property: Id(0)] Guid AlertId,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] StockAlert Alert,
    [property: Id(3)] DateTime At);

/// <summary>A product-location's part of a movement, applied in its grain's memory and waiting for the ledger commit.</summary>
[GenerateSerializer, Immutable, Alias("ipf.StagedChange.v1")]
public sealed record StagedChange(
    [property: Id(0)] LedgerEntry? Entry,
    [property: Id(1)] InventoryWrite Inventory,
    [property: Id(2)] IReadOnlyList<AlertWrite> Alerts,
    [property: Id(3)] StockAfter After);
