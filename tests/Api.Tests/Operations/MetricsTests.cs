using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Grains.Integrations;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>
/// The product as its own process (so its counters are its own, not shared with other hosts of the test run), with a
/// known proxy on loopback and one allowed scraper network, writing its request logs.
/// </summary>
public sealed class MeteredProduct : IAsyncLifetime
{
    public const string AllowedNetwork = "10.20.0.0/16";

    public ProductProcess Process { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Process = await ProductProcess.StartAsync(await TestPostgres.CreateDatabaseAsync(), Directory.CreateTempSubdirectory("ipf-metrics-").FullName, new Dictionary<string, string>
        {
            ["Api__KnownProxies"] = "127.0.0.1",
            ["Metrics__AllowedNetworks"] = AllowedNetwork,
            ["Serilog__MinimumLevel__Default"] = "Information",
        });

    public async Task DisposeAsync() => await Process.DisposeAsync();
}

/// <summary>GET /metrics: what an operator's Prometheus reads, who may read it, and logs that name the request's trace.</summary>
public sealed class MetricsTests(MeteredProduct product) : IClassFixture<MeteredProduct>
{
    private ProductProcess Product => product.Process;

    [Fact]
    public async Task A_scrape_counts_the_sale_lines_counts_alerts_and_unmapped_lines_that_were_recorded_and_the_routes_called()
    {
        var admin = Product.Client(await RegisterAsync());
        var location = Id((await admin.PostAsync("/api/v1/locations", new { name = "Main Bar", timezone = "America/Chicago", city = "Des Moines", state = "IA" })).ShouldSucceed(HttpStatusCode.Created));
        var vodka = Id((await admin.PostAsync("/api/v1/products", new { sku = "VODKA-750", name = "Titos Handmade Vodka", category = "spirits", sizeMl = 750, abv = 40.0m, cost = 15m, price = 21m })).ShouldSucceed(HttpStatusCode.Created));
        // Opening stock is a count: 10 on hand, par 5.
        var item = Id((await admin.PostAsync("/api/v1/inventory/items", new { locationId = location, productId = vodka, quantity = 10, parLevel = 5 })).ShouldSucceed(HttpStatusCode.Created));
        var integration = (await admin.PostAsync("/api/v1/integrations", new { name = "Square, main bar", kind = "pos" })).ShouldSucceed(HttpStatusCode.Created).Data;
        var sale = new
        {
            type = "sale.created",
            data = new
            {
                transactionId = "sq-42",
                locationId = location,
                timestamp = DateTime.UtcNow.AddMinutes(-5),
                items = new object[] { new { sku = "VODKA-750", quantity = 6, price = 9m }, new { sku = "NEW-MEZCAL", quantity = 1, price = 14m } },
            },
        };

        // One POS sale of two lines: the vodka line takes stock below par, the mezcal line matches no product.
        (await PushAsync(integration, sale)).ShouldSucceed(HttpStatusCode.Created);
        // The POS sends it again (it never saw the answer): nothing is recorded twice, so nothing is counted twice.
        (await PushAsync(integration, sale)).ShouldSucceed(HttpStatusCode.OK);
        (await admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId = vodka, quantity = 1 } } })).ShouldSucceed(HttpStatusCode.Created);
        (await admin.SendAsync(HttpMethod.Put, $"/api/v1/inventory/items/{item}/count", JsonBody(new { quantity = 2, notes = "shelf 3" }))).ShouldSucceed();

        var scrape = await ScrapeAsync(Product.Client());

        Assert.Equal(2, scrape.Value("ipf_sales_lines_total"));
        Assert.Equal(2, scrape.Value("ipf_stock_counts_total"));
        Assert.Equal(1, scrape.Value("ipf_stock_alerts_total", ("kind", "low_stock")));
        Assert.Null(scrape.Value("ipf_stock_alerts_total", ("kind", "negative_stock")));
        Assert.Equal(1, scrape.Value("ipf_pos_unmapped_lines_total"));
        var posRoute = ("http_route", "/api/v1/integrations/pos/sales");
        Assert.Equal(1, scrape.Value("http_server_request_duration_seconds_count", posRoute, ("http_request_method", "POST"), ("http_response_status_code", "201")));
        Assert.Equal(1, scrape.Value("http_server_request_duration_seconds_count", posRoute, ("http_request_method", "POST"), ("http_response_status_code", "200")));
        Assert.Equal(1, scrape.Value("http_server_request_duration_seconds_count", ("http_route", "/api/v1/transactions/sales"), ("http_request_method", "POST")));
        // Latency is a histogram: its +Inf bucket holds every request of the series.
        Assert.Equal(1, scrape.Value("http_server_request_duration_seconds_bucket", posRoute, ("http_response_status_code", "201"), ("le", "+Inf")));
        // Orleans' own meter and the runtime's are there too.
        Assert.NotNull(scrape.Value("orleans_grains", ("grain_type", "productatlocation")));
        Assert.Contains(scrape, s => s.Name == "dotnet_gc_collections_total");
    }

    [Fact]
    public async Task A_client_outside_the_allowed_networks_gets_not_found_even_through_a_known_proxy()
    {
        var stranger = await Product.ClientFrom("203.0.113.9").GetAsync("/metrics");
        var scraper = await ScrapeAsync(Product.ClientFrom("10.20.30.40"));

        stranger.ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Contains(scraper, s => s.Name == "target_info" && s.Labels["service_name"] == "ipf-api");
    }

    [Fact]
    public async Task The_log_line_of_a_request_carries_its_trace_and_span_ids()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var response = await Product.Client().SendAsync(HttpMethod.Get, "/health/ready", null, request =>
            request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01"));
        var requestId = response.Headers.GetValues("X-Request-Id").Single();

        var found = await Eventually.Found(
            () => Task.FromResult(Product.OutputLines.FirstOrDefault(l => Json(l) is { } entry && entry.TryGetProperty("requestId", out var id) && id.GetString() == requestId)),
            $"the log line of request {requestId}");
        var line = Json(found)!.Value;

        Assert.StartsWith("HTTP GET /health/ready responded 200 in", line.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(traceId, line.GetProperty("traceId").GetString());
        // The request's own span, a child of the caller's.
        Assert.Matches("^[0-9a-f]{16}$", line.GetProperty("spanId").GetString());
        Assert.NotEqual("00f067aa0ba902b7", line.GetProperty("spanId").GetString());
    }

    private static async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(ApiClient client)
    {
        var (status, mediaType, text) = await client.GetTextAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/plain", mediaType);
        return PrometheusText.Parse(text);
    }

    private Task<string> RegisterAsync() => Product.SignUpAsync("Metered Bar");

    private Task<ApiResponse> PushAsync(JsonElement integration, object payload)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload));
        var signature = WebhookSignature.Sign(integration.GetProperty("webhookSecret").GetString()!, DateTimeOffset.UtcNow, body);
        var content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return Product.Client().SendAsync(HttpMethod.Post, "/api/v1/integrations/pos/sales", content, request =>
        {
            request.Headers.Add("X-Api-Key", integration.GetProperty("apiKey").GetString());
            request.Headers.Add(WebhookSignature.Header, signature);
        });
    }

    private static StringContent JsonBody(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static Guid Id(ApiResponse response) => Guid.Parse(response.Data.GetProperty("id").GetString()!);

    // Lines that are not JSON (a runtime message) are skipped, as a log shipper would.
    private static JsonElement? Json(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
