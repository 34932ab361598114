using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench;

/// <summary>
/// The recipe phase's menu, made over HTTP before the load: a shot, twenty two-spirit cocktails and twenty shots of the
/// best sellers as POS items, a double modifier, and a POS integration whose key and secret sign every push.
/// </summary>
public sealed record BarMenu(IReadOnlyList<string> PosItems, string ApiKey, string Secret, bool BySku = false)
{
    public const int Cocktails = 20;
    public const int Shots = 20;

    public static async Task<BarMenu> Create(HttpClient admin, Fixture fixture, int hotProducts)
    {
        var hot = fixture.Products.Take(Math.Max(2, Math.Min(hotProducts, fixture.Products.Count))).ToList();
        var shot = await Id(admin, "/api/v1/serving-sizes", new { name = "Shot", volumeOz = 1.5m });
        var items = new List<string>();
        for (var c = 0; c < Cocktails; c++)
        {
            var recipe = await Id(admin, "/api/v1/recipes", new
            {
                name = $"Bench cocktail {c}",
                ingredients = new object[]
                {
                    new { productId = hot[2 * c % hot.Count].Id, volumeOz = 1.5m }, new { productId = hot[(2 * c + 1) % hot.Count].Id, volumeOz = 0.75m }, new { name = "Lime juice" },
                },
            });
            items.Add($"C-{c}");
            await Id(admin, "/api/v1/pos-items", new { posItemId = $"C-{c}", name = $"Bench cocktail {c}", recipeId = recipe });
        }

        for (var s = 0; s < Shots; s++)
        {
            items.Add($"S-{s}");
            await Id(admin, "/api/v1/pos-items", new { posItemId = $"S-{s}", name = $"Bench shot {s}", productId = hot[s % hot.Count].Id, servingSizeId = shot });
        }

        await Id(admin, "/api/v1/pos-modifiers", new { posModifierId = "DBL", name = "Double", action = "multiply", factor = 2 });
        using var response = await admin.PostAsJsonAsync("/api/v1/integrations", new { name = "Bench POS", kind = "pos" });
        var issued = await Data(response, "/api/v1/integrations");
        return new BarMenu(items, issued["apiKey"]!.GetValue<string>(), issued["webhookSecret"]!.GetValue<string>());
    }

    /// <summary>The push's headers: the integration's key, and the body signed as the product checks it.</summary>
    public void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body) => new PosKey(ApiKey, Secret).Sign(request, body);

    private static Task<string> Id(HttpClient admin, string path, object body) => AdminCalls.Id(admin, path, body);

    private static Task<JsonNode> Data(HttpResponseMessage response, string path) => AdminCalls.Data(response, path);
}
