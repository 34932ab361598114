namespace InventoryProFlow.Contracts.Live;

/// <summary>
/// What one committed change tells the people watching: stock after it, the sale it recorded (if any)
/// and the low-stock alerts it raised; or the compliance alerts a check raised. Published once per commit, after the commit is durable.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.LiveEvents.v1")]
public sealed record LiveEvents(
    [property: Id(0)] Guid OrganizationId,
    [property: Id(1)] IReadOnlyList<InventoryUpdated> Inventory,
    [property: Id(2)] SaleRecorded? Sale,
    [property: Id(3)] IReadOnlyList<LowStockRaised> LowStock,
    [property: Id(4)] IReadOnlyList<Compliance.ComplianceAlert>? Compliance = null,
    [property: Id(5)] IReadOnlyList<Analytics.ShrinkageAlert>? Shrinkage = null);

/// <summary>SignalR <c>inventory:updated</c>: a product-location's quantity after a committed change.</summary>
[GenerateSerializer, Immutable, Alias("ipf.InventoryUpdated.v1")]
public sealed record InventoryUpdated(
    [property: Id(0)] Guid ProductId,
    [property: Id(1)] Guid LocationId,
    [property: Id(2)] decimal NewQuantity,
    [property: Id(3)] Guid? ChangedBy,
    [property: Id(4)] DateTime Timestamp);

/// <summary>SignalR <c>sales:new</c>: a recorded sale with its lines and totals.</summary>
[GenerateSerializer, Immutable, Alias("ipf.SaleRecorded.v1")]
public sealed record SaleRecorded(
    [property: Id(0)] Guid MovementId,
    [property: Id(1)] Guid LocationId,
    [property: Id(2)] string? ReferenceId,
    [property: Id(3)] DateTime OccurredAt,
    [property: Id(4)] DateTime RecordedAt,
    [property: Id(5)] Guid? SoldBy,
    [property: Id(6)] IReadOnlyList<SaleLine> Lines,
    [property: Id(7)] decimal TotalUnits,
    [property: Id(8)] decimal TotalAmount);

[GenerateSerializer, Immutable, Alias("ipf.SaleLine.v1")]
public sealed record SaleLine(
    [property: Id(0)] Guid ProductId,
    [property: Id(1)] string Sku,
    [property: Id(2)] decimal Quantity,
    [property: Id(3)] decimal? UnitPrice,
    [property: Id(4)] decimal Amount);

/// <summary>SignalR <c>alert:lowStock</c>: a product-location fell below its par level.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LowStockRaised.v1")]
public sealed record LowStockRaised(
    [property: Id(0)] Guid ProductId,
    [property: Id(1)] Guid LocationId,
    [property: Id(2)] string Sku,
    [property: Id(3)] decimal Quantity,
    [property: Id(4)] decimal ParLevel,
    [property: Id(5)] DateTime Timestamp);
