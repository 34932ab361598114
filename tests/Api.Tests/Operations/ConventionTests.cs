using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

[Collection(SharedProduct.Collection)]
public sealed class ConventionTests(SharedProduct product)
{
    [Theory]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/health/ready", HttpStatusCode.OK)]
    [InlineData("/api/v1/products", HttpStatusCode.Unauthorized)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/.well-known/jwks.json", HttpStatusCode.OK)]
    public async Task Every_response_carries_a_request_id(string path, HttpStatusCode status)
    {
        var response = await product.Host.Client().GetAsync(path);

        Assert.Equal(status, response.Status);
        Assert.Equal(32, response.Headers.GetValues("X-Request-Id").Single().Length);
    }

    [Fact]
    public async Task A_callers_request_id_is_echoed_and_a_hostile_one_replaced()
    {
        var client = product.Host.Client();

        var echoed = await client.SendAsync(HttpMethod.Get, "/health/live", null, r => r.Headers.Add("X-Request-Id", "pos-till-7.sale-991"));
        var replaced = await client.SendAsync(HttpMethod.Get, "/health/live", null, r => r.Headers.Add("X-Request-Id", "<script>alert(1)</script>"));

        Assert.Equal("pos-till-7.sale-991", echoed.Headers.GetValues("X-Request-Id").Single());
        Assert.NotEqual("<script>alert(1)</script>", replaced.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_catalogue_and_sign_in()
    {
        var document = (await product.Host.Client().GetAsync("/openapi/v1.json")).Body;

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var path in new[] { "/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/products", "/api/v1/products/lookup", "/api/v1/locations/{id}", "/api/v1/suppliers", "/api/v1/users", "/api/v1/organizations/{id}" })
        {
            Assert.Contains(path, paths);
        }

        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task The_interactive_docs_page_is_served()
    {
        using var http = new HttpClient { BaseAddress = product.Host.Address };

        var page = await http.GetStringAsync("/docs/");

        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_reports_the_silo_and_the_database()
    {
        var ready = (await product.Host.Client().GetAsync("/health/ready")).Body;

        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        Assert.Equal("silo-and-database", ready.GetProperty("checks")[0].GetProperty("name").GetString());
    }
}
