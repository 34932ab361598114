using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Grains.Analytics.Forecasting;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Validation;
using Microsoft.Extensions.Logging;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>
/// One organisation's demand model. It is trained on the organisation's ledger, stored in PostgreSQL (so another
/// silo or a restart picks it up without training again) and retrained weekly by a persistent reminder; a request
/// that finds no model, or one older than the retrain period, trains first.
/// </summary>
public sealed class ForecastGrain(
    DemandHistoryQuery history,
    ForecastModelRepository models,
    ReorderSubjectsQuery subjects,
    LocationRepository locations,
    ForecastSettings settings,
    TimeProvider time,
    ILogger<ForecastGrain> logger) : Grain, IForecastGrain, IRemindable
{
    public const string ReminderName = "forecast-retrain";
    public const int LongestForecastDays = 90;
    private const int DefaultForecastDays = 30;

    private DemandModel? _model;
    private DateTime? _trainedAt;

    private Guid OrganizationId => GrainKeys.ParseForecast(this.GetPrimaryKeyString());

    public async Task<DemandForecastAnswer> Forecast(ForecastRequest request)
    {
        var days = request.ForecastDays ?? DefaultForecastDays;
        new Violations()
            .Required("productId", request.ProductId)
            .Required("locationId", request.LocationId)
            .Range("forecastDays", days, 1, LongestForecastDays)
            .ThrowIfAny();
        var (location, today) = await LocationToday(request.LocationId!.Value);
        var subject = (await subjects.At(OrganizationId, location, request.ProductId)).SingleOrDefault()
            ?? throw NotFoundException.For("product", request.ProductId!.Value);
        var ordering = Ordering(subject);
        var (daily, method, pastDailyRate) = await Daily(location, subject.ProductId, today, Math.Max(days, ordering.LeadTimeDays + ordering.ReviewDays));
        var advice = ReorderPolicy.Advise(daily, subject.OnHand, subject.CasePack, ordering, today, pastDailyRate);
        return new DemandForecastAnswer(
            subject.ProductId, location, daily.Take(days).ToList(), advice.Quantity, advice.OrderDate, method, _trainedAt, subject.OnHand,
            advice.ReorderPoint, advice.OrderUpTo, advice.SafetyStock, ordering.LeadTimeDays, ordering.ReviewDays, subject.CasePack);
    }

    public async Task<ReorderList> Reorder(Guid locationId)
    {
        var (location, today) = await LocationToday(locationId);
        var model = await Model();
        var stocked = await subjects.At(OrganizationId, location);
        var cover = stocked.Select(s => Ordering(s).LeadTimeDays).DefaultIfEmpty(settings.Reorder.LeadTimeDays).Max() + settings.Reorder.ReviewDays;
        var series = (await history.Weekly(OrganizationId, LastCompleteWeek(today), location)).ToDictionary(s => s.Key);
        var histories = stocked.Select(s => series.GetValueOrDefault(DemandHistoryQuery.Key(location, s.ProductId)) ?? Empty(location, s.ProductId, today)).ToList();
        var forecasts = histories.Count == 0 ? [] : model.Forecast(histories, Weeks(today, cover * 2, model), settings.Confidence);
        var lines = stocked.Zip(histories.Zip(forecasts), (subject, pair) =>
        {
            var (past, forecast) = pair;
            var advice = ReorderPolicy.Advise(DailyDemand.From(forecast, today, cover * 2), subject.OnHand, subject.CasePack, Ordering(subject), today, past.DailyRate);
            return (subject, line: new ReorderLine(
                subject.ProductId, subject.Sku, subject.Name, subject.OnHand, advice.ReorderPoint, advice.Quantity, advice.OrderDate,
                advice.Quantity * subject.Cost, forecast.Method));
        })
        // What to order now: a quantity, due within the review period (later orders are next review's).
        .Where(x => x.line.Quantity > 0 && x.line.OrderBy is { } by && by <= today.AddDays(settings.Reorder.ReviewDays))
        .ToList();
        var bySupplier = lines
            .GroupBy(x => (x.subject.SupplierId, Name: x.subject.SupplierName ?? "No supplier set"))
            .Select(g => new SupplierOrder(g.Key.SupplierId, g.Key.Name, g.Select(x => x.line).OrderBy(l => l.OrderBy).ThenBy(l => l.Sku, StringComparer.Ordinal).ToList(), g.Sum(x => x.line.EstimatedCost)))
            .OrderBy(o => o.SupplierName, StringComparer.Ordinal)
            .ToList();
        return new ReorderList(location, today, bySupplier, settings.Reorder.LeadTimeDays, settings.Reorder.ReviewDays, settings.Reorder.ServiceLevel);
    }

    public async Task<int> Retrain()
    {
        var through = LastCompleteWeek(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var series = await history.Weekly(OrganizationId, through);
        var model = DemandModel.Train(series);
        var trainedAt = time.GetUtcNow().UtcDateTime;
        await models.Save(OrganizationId, new StoredForecastModel(trainedAt, through, series.Count, model.Save()));
        (_model, _trainedAt) = (model, trainedAt);
        await this.RegisterOrUpdateReminder(ReminderName, settings.RetrainEvery, settings.RetrainEvery);
        logger.LogInformation("Trained the demand model of organisation {OrganizationId} on {Series} series", OrganizationId, series.Count);
        return series.Count;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await Retrain();
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Retraining the demand model of organisation {OrganizationId} failed; the stored model stays in use", OrganizationId);
        }
    }

    private async Task<(IReadOnlyList<DailyForecast> Daily, string Method, decimal PastDailyRate)> Daily(Guid location, Guid productId, DateOnly today, int days)
    {
        var model = await Model();
        var series = (await history.Weekly(OrganizationId, LastCompleteWeek(today), location, productId)).SingleOrDefault() ?? Empty(location, productId, today);
        var forecast = model.Forecast(series, Weeks(today, days, model), settings.Confidence);
        return (DailyDemand.From(forecast, today, days), forecast.Method, series.DailyRate);
    }

    /// <summary>The model in memory, else the stored one, trained again when missing or older than the retrain period.</summary>
    private async Task<DemandModel> Model()
    {
        if (_model is null && await models.Find(OrganizationId) is { } stored)
        {
            (_model, _trainedAt) = (DemandModel.Load(stored.Model), stored.TrainedAt);
        }

        if (_model is null || _trainedAt < time.GetUtcNow().UtcDateTime - settings.RetrainEvery)
        {
            await Retrain();
        }

        return _model!;
    }

    private async Task<(Guid Location, DateOnly Today)> LocationToday(Guid locationId)
    {
        var location = await locations.Find(OrganizationId, locationId) ?? throw NotFoundException.For("location", locationId);
        return (location.Id, BusinessDate.Of(time.GetUtcNow(), location.Timezone));
    }

    /// <summary>The supplier's own lead time where it has one, else the default.</summary>
    private ReorderSettings Ordering(ReorderSubject subject) =>
        subject.LeadTimeDays is { } days ? settings.Reorder with { LeadTimeDays = days } : settings.Reorder;

    /// <summary>The Sunday ending the last whole week: the week now running is forecast, not learned from half-sold.</summary>
    private static DateOnly LastCompleteWeek(DateOnly today) => WeeklyDemand.WeekOf(today).AddDays(-1);

    private static WeeklyDemand Empty(Guid location, Guid productId, DateOnly today) =>
        new(DemandHistoryQuery.Key(location, productId), WeeklyDemand.WeekOf(today), []);

    private static int Weeks(DateOnly today, int days, DemandModel model) =>
        Math.Min(model.Options.MaxHorizonWeeks, (today.DayNumber - WeeklyDemand.WeekOf(today).DayNumber + days + 6) / 7);
}
