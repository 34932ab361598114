using Dapper;
using InventoryProFlow.Grains.Analytics.Forecasting;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>What each product sold at each location per business day, from the ledger: the demand a model learns from.</summary>
public sealed class DemandHistoryQuery([FromKeyedServices(StatementTimeouts.Reports)] NpgsqlDataSource db)
{
    private const string Daily =
        "SELECT t.location_id, t.product_id, (t.occurred_at AT TIME ZONE l.timezone)::date AS day, sum(-t.quantity)::float8 AS quantity " +
        "FROM app.transactions t JOIN app.locations l ON l.id = t.location_id " +
        "WHERE t.organization_id = @organizationId AND t.type = 'sale' AND (@locationId::uuid IS NULL OR t.location_id = @locationId) " +
        "AND (@productId::uuid IS NULL OR t.product_id = @productId) AND t.occurred_at < @before GROUP BY 1, 2, 3";

    public static string Key(Guid locationId, Guid productId) => $"{locationId:D}/{productId:D}";

    /// <summary>Every product-location's weekly demand through the week holding <paramref name="through"/>.</summary>
    public async Task<IReadOnlyList<WeeklyDemand>> Weekly(Guid organizationId, DateOnly through, Guid? locationId = null, Guid? productId = null)
    {
        await using var connection = await db.OpenConnectionAsync();
        var rows = await connection.QueryAsync<DaySales>(
            Daily, new { organizationId, locationId, productId, before = through.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
        return WeeklyDemandBuilder.Build(
            rows.Where(r => r.Day <= through).Select(r => new DemandObservation(Key(r.LocationId, r.ProductId), r.Day, r.Quantity)), through);
    }

    private sealed record DaySales(Guid LocationId, Guid ProductId, DateOnly Day, double Quantity);
}
