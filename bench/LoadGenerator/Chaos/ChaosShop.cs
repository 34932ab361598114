using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench.Chaos;

/// <summary>The organisation the fault run sells for: a bar and its cellar, each stocked deep with every product.</summary>
public sealed record ChaosShop(string OrganizationId, string AccessToken, string Bar, string Cellar, IReadOnlyList<string> Products)
{
    // Deep enough that no sale or transfer of the run is refused for stock.
    private const int OpeningBottles = 100_000;

    public static async Task<ChaosShop> Open(Uri node, int productCount)
    {
        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(60) };
        var owner = await Setup.SignUp(http, Environment.GetEnvironmentVariable("IPF_API_LOG"));
        var token = owner["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var bar = await Create(http, "/api/v1/locations", new { name = "Chaos Bar", timezone = "America/Chicago" });
        var cellar = await Create(http, "/api/v1/locations", new { name = "Chaos Cellar", timezone = "America/Chicago" });
        var products = new List<string>();
        for (var i = 0; i < productCount; i++)
        {
            var product = await Create(http, "/api/v1/products",
                new { sku = $"CHAOS-{i:D3}", name = $"House Bottle {i}", category = "spirits", sizeMl = 750, abv = 40, cost = 10, price = 15 });
            await Create(http, "/api/v1/inventory/items", new { locationId = bar, productId = product, quantity = OpeningBottles });
            await Create(http, "/api/v1/inventory/items", new { locationId = cellar, productId = product, quantity = OpeningBottles });
            products.Add(product);
        }

        Console.Error.WriteLine($"loadgen: chaos shop ready: 2 locations, {productCount} products stocked at both");
        return new ChaosShop(owner["organizationId"]!.GetValue<string>(), token, bar, cellar, products);
    }

    private static async Task<string> Create(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (int)response.StatusCode == 201
            ? JsonNode.Parse(text)!["data"]!["id"]!.GetValue<string>()
            : throw new BenchException($"POST {path} answered {(int)response.StatusCode}: {text}");
    }
}
