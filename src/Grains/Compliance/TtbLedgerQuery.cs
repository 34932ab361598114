using Dapper;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// Spirits' movements over a period in proof gallons by kind, summed by PostgreSQL over the ledger of an organisation
/// (or one of its locations). Dates are business dates in each row's location's time zone; only rows recorded by
/// <c>asOf</c> count, so asking again gives the same answer.
/// </summary>
public sealed class TtbLedgerQuery([FromKeyedServices(StatementTimeouts.Reports)] NpgsqlDataSource db)
{
    // A row's alcohol is its volume x abv (ml x percent), summed exactly in numeric; C# divides once per kind.
    private const string Sql =
        "WITH moves AS (SELECT t.product_id, p.name, p.subcategory, t.type, t.quantity, lower(btrim(coalesce(t.reason, ''))) AS reason, " +
        "coalesce(t.volume_ml, t.quantity * p.size_ml, 0) * p.abv AS ml_abv, t.occurred_at < (@start::date)::timestamp AT TIME ZONE l.timezone AS before " +
        "FROM app.transactions t JOIN app.products p ON p.id = t.product_id JOIN app.locations l ON l.id = t.location_id " +
        "WHERE t.organization_id = @organizationId AND (@locationId::uuid IS NULL OR t.location_id = @locationId::uuid) AND p.compliance_class = 'spirits' " +
        "AND t.occurred_at < (@end::date + 1)::timestamp AT TIME ZONE l.timezone AND t.recorded_at <= @asOf) " +
        "SELECT product_id, name, subcategory, " +
        "coalesce(sum(ml_abv) FILTER (WHERE before), 0) AS opening, " +
        "coalesce(sum(ml_abv) FILTER (WHERE NOT before AND type IN ('purchase', 'transfer_in')), 0) AS received, " +
        "coalesce(sum(ml_abv) FILTER (WHERE NOT before AND type = 'adjustment' AND quantity > 0 AND reason = 'production'), 0) AS produced, " +
        "coalesce(sum(ml_abv) FILTER (WHERE NOT before AND ((type = 'adjustment' AND quantity > 0 AND reason <> 'production') OR (type = 'count' AND quantity > 0))), 0) AS gains, " +
        "coalesce(-sum(ml_abv) FILTER (WHERE NOT before AND type IN ('sale', 'comp')), 0) AS removed_taxpaid, " +
        "coalesce(-sum(ml_abv) FILTER (WHERE NOT before AND (type = 'waste' OR (type IN ('adjustment', 'count') AND quantity < 0))), 0) AS losses, " +
        "coalesce(-sum(ml_abv) FILTER (WHERE NOT before AND type = 'transfer_out'), 0) AS transferred_out, " +
        "coalesce(sum(ml_abv), 0) AS closing " +
        "FROM moves GROUP BY product_id, name, subcategory";

    // ml x percent to litres of absolute alcohol.
    private const decimal MlPercentPerAlcoholLitre = 100_000m;

    /// <summary>Each kind's flows over [start, end] (every kind present, zeros when it had nothing), in exact proof gallons.</summary>
    public async Task<IReadOnlyDictionary<string, SpiritFlows>> Flows(Guid organizationId, Guid? locationId, DateOnly start, DateOnly end, DateTime asOf)
    {
        await using var connection = await db.OpenConnectionAsync();
        var rows = await connection.QueryAsync<ProductSums>(Sql, new { organizationId, locationId, start, end, asOf });
        var alcohol = SpiritKinds.All.ToDictionary(k => k, _ => SpiritFlows.Zero);
        foreach (var row in rows)
        {
            var kind = SpiritClasses.KindOf(row.Subcategory, row.Name);
            alcohol[kind] = alcohol[kind].Plus(new SpiritFlows(
                row.Opening, row.Received, row.Produced, row.Gains, row.RemovedTaxpaid, row.Losses, row.TransferredOut, row.Closing));
        }

        return alcohol.ToDictionary(k => k.Key, k => InProofGallons(k.Value));
    }

    private static SpiritFlows InProofGallons(SpiritFlows mlPercent) => new(
        Pg(mlPercent.OpeningOnHand), Pg(mlPercent.Received), Pg(mlPercent.Produced), Pg(mlPercent.Gains),
        Pg(mlPercent.RemovedTaxpaid), Pg(mlPercent.Losses), Pg(mlPercent.TransferredOut), Pg(mlPercent.ClosingOnHand));

    private static decimal Pg(decimal mlPercent) => ProofGallons.OfAlcohol(mlPercent / MlPercentPerAlcoholLitre);

    private sealed record ProductSums(
        Guid ProductId,
        string Name,
        string? Subcategory,
        decimal Opening,
        decimal Received,
        decimal Produced,
        decimal Gains,
        decimal RemovedTaxpaid,
        decimal Losses,
        decimal TransferredOut,
        decimal Closing);
}
