using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Webhooks;

/// <summary>
/// Webhooks on a product configured as in production (<c>Webhooks:AllowPrivateAddresses</c> false): https only, public
/// addresses only, checked when the webhook is made and again on the address each send connects to; failures logged as
/// categories; manual redeliveries limited per webhook. The limits' clock stands in the middle of a minute.
/// </summary>
public sealed class WebhookSafetyTests(WebhookSafetyTests.Host host) : IClassFixture<WebhookSafetyTests.Host>
{
    private const string PublicUrl = "https://93.184.215.14/hooks/ipf";

    [Theory]
    [InlineData("http://hooks.example.com/ipf", "https")]
    [InlineData("https://127.0.0.1/hooks/ipf", "public address")]
    [InlineData("https://169.254.169.254/latest/meta-data", "public address")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/latest", "public address")]
    [InlineData("https://localhost/hooks/ipf", "public address")]
    public async Task Outside_development_a_plain_http_url_or_one_that_reaches_inside_is_refused_and_nothing_is_stored(string url, string reason)
    {
        var admin = await host.AdminAsync();
        var before = await host.Product.Database.ScalarAsync<long>("SELECT count(*) FROM app.webhooks");

        var refused = (await admin.PostAsync("/api/v1/webhooks", new { url, events = new[] { "sale.created" } })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["url"], refused.ErrorFields);
        Assert.Contains(reason, refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before, await host.Product.Database.ScalarAsync<long>("SELECT count(*) FROM app.webhooks"));
    }

    [Fact]
    public async Task A_url_whose_name_points_inside_by_the_time_of_sending_is_refused_at_connect_and_logged_as_a_category()
    {
        var admin = await host.AdminAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = await SubscribeAsync(admin, PublicUrl);
        // The name now answers a loopback address, as a rebinding DNS server would after the check at creation.
        await host.Product.Database.ScalarAsync<int>(
            "UPDATE app.webhooks SET url = @url WHERE id = @id RETURNING 1", ("url", $"https://localhost:{receiver.Url.Port}/hooks/ipf"), ("id", webhookId));
        var eventId = await SaleEventAsync(admin, webhookId);

        var tried = (await admin.PostAsync($"/api/v1/webhooks/{webhookId}/deliveries/{eventId}/redeliver", new { })).ShouldSucceed().Data;

        Assert.Equal(
            (JsonValueKind.Null, "address_refused", "The receiver's address is private, loopback or reserved; webhooks are sent to public addresses only."),
            (tried.GetProperty("statusCode").ValueKind, tried.GetProperty("errorCategory").GetString(), tried.GetProperty("error").GetString()));
        Assert.Empty(receiver.All);
        var logged = await host.Product.Database.ScalarAsync<string>(
            "SELECT error_category FROM app.webhook_deliveries WHERE id = @id", ("id", Guid.Parse(tried.GetProperty("id").GetString()!)));
        Assert.Equal("address_refused", logged);
    }

    [Fact]
    public async Task A_webhook_stored_with_plain_http_is_not_sent_outside_development()
    {
        var admin = await host.AdminAsync();
        var webhookId = await SubscribeAsync(admin, PublicUrl);
        await host.Product.Database.ScalarAsync<int>("UPDATE app.webhooks SET url = 'http://93.184.215.14/hooks/ipf' WHERE id = @id RETURNING 1", ("id", webhookId));
        var eventId = await SaleEventAsync(admin, webhookId);

        var tried = (await admin.PostAsync($"/api/v1/webhooks/{webhookId}/deliveries/{eventId}/redeliver", new { })).ShouldSucceed().Data;

        Assert.Equal("https_required", tried.GetProperty("errorCategory").GetString());
    }

    [Fact]
    public async Task The_fourth_redelivery_of_one_webhook_within_a_minute_is_refused_with_retry_after_and_sends_nothing()
    {
        var admin = await host.AdminAsync();
        var webhookId = await SubscribeAsync(admin, PublicUrl);
        await host.Product.Database.ScalarAsync<int>("UPDATE app.webhooks SET url = 'https://localhost:1/hooks/ipf' WHERE id = @id RETURNING 1", ("id", webhookId));
        var eventId = await SaleEventAsync(admin, webhookId);
        var redeliver = $"/api/v1/webhooks/{webhookId}/deliveries/{eventId}/redeliver";
        var now = host.Clock.GetUtcNow();
        var reset = RateLimitExpectations.WindowEnd(now, TimeSpan.FromMinutes(1));

        for (var sent = 0; sent < 3; sent++)
        {
            (await admin.PostAsync(redeliver, new { })).ShouldSucceed().ShouldShowLimit(3, 2 - sent, reset);
        }

        var manualTries = await ManualTriesAsync(webhookId);
        var refused = (await admin.PostAsync(redeliver, new { })).ShouldBeRateLimited(3, reset, now);

        Assert.Contains("at most 3 a minute", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal((3L, manualTries), (manualTries, await ManualTriesAsync(webhookId)));
        // Another webhook of the same organisation has its own allowance.
        var other = await SubscribeAsync(admin, PublicUrl);
        await host.Product.Database.ScalarAsync<int>("UPDATE app.webhooks SET url = 'https://localhost:1/hooks/ipf' WHERE id = @id RETURNING 1", ("id", other));
        var otherEvent = await SaleEventAsync(admin, other);
        (await admin.PostAsync($"/api/v1/webhooks/{other}/deliveries/{otherEvent}/redeliver", new { })).ShouldSucceed().ShouldShowLimit(3, 2, reset);
    }

    private Task<long> ManualTriesAsync(Guid webhookId) =>
        host.Product.Database.ScalarAsync<long>("SELECT count(*) FROM app.webhook_deliveries WHERE webhook_id = @id AND manual", ("id", webhookId));

    private static async Task<Guid> SubscribeAsync(ApiClient admin, string url) =>
        Guid.Parse((await admin.PostAsync("/api/v1/webhooks", new { url, events = new[] { "sale.created" } }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);

    /// <summary>Rings a sale, so the webhook has an event; answers the event's id.</summary>
    private async Task<Guid> SaleEventAsync(ApiClient admin, Guid webhookId)
    {
        var location = Id(await admin.PostAsync("/api/v1/locations", new { name = "Main Bar", timezone = "America/Chicago", city = "Des Moines", state = "IA" }));
        var product = Id(await admin.PostAsync("/api/v1/products", new
        {
            sku = "VODKA-" + Guid.NewGuid().ToString("N")[..6],
            name = "Titos Handmade Vodka",
            category = "spirits",
            sizeMl = 750,
            abv = 40.0m,
            cost = 15.00m,
            price = 20.99m,
        }));
        Id(await admin.PostAsync("/api/v1/inventory/items", new { locationId = location, productId = product, quantity = 10, parLevel = 0 }));
        (await admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId = product, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        // The dispatcher copies the sale's event to the webhook's outbox just after the sale commits.
        return Guid.Parse(await Eventually.Found(
            () => host.Product.Database.ScalarAsync<string?>("SELECT id::text FROM app.webhook_outbox WHERE webhook_id = @id", ("id", webhookId)),
            "the sale's event in the webhook's outbox"));
    }

    private static Guid Id(ApiResponse response) => Guid.Parse(response.ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);

    /// <summary>One product for the class, with webhooks as in production and at most 3 redeliveries a minute.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public TestClock Clock { get; } = TestClock.Standing(new DateTimeOffset(2026, 3, 2, 15, 0, 30, TimeSpan.Zero));

        public ProductHost Product { get; private set; } = null!;

        public async Task<ApiClient> AdminAsync() => Product.Client((await Product.SignUpAsync()).AdminToken);

        public async Task InitializeAsync() => Product = await ProductHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Webhooks:AllowPrivateAddresses"] = "false", ["Webhooks:RedeliveriesPerMinute"] = "3" },
            clock: Clock);

        public async Task DisposeAsync() => await Product.DisposeAsync();
    }
}
