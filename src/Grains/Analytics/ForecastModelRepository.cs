using Dapper;
using Npgsql;

namespace InventoryProFlow.Grains.Analytics;

public sealed record StoredForecastModel(DateTime TrainedAt, DateOnly ThroughWeek, int Series, byte[] Model);

/// <summary>SQL for app.forecast_models: the latest model of each organisation.</summary>
public sealed class ForecastModelRepository(NpgsqlDataSource db)
{
    public async Task<StoredForecastModel?> Find(Guid organizationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<StoredForecastModel>(
            "SELECT trained_at, through_week, series, model FROM app.forecast_models WHERE organization_id = @organizationId", new { organizationId });
    }

    public async Task Save(Guid organizationId, StoredForecastModel model)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO app.forecast_models (organization_id, trained_at, through_week, series, model) VALUES (@organizationId, @TrainedAt, @ThroughWeek, @Series, @Model) " +
            "ON CONFLICT (organization_id) DO UPDATE SET trained_at = excluded.trained_at, through_week = excluded.through_week, series = excluded.series, model = excluded.model",
            new { organizationId, model.TrainedAt, model.ThroughWeek, model.Series, model.Model });
    }
}
