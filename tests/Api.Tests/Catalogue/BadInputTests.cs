using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Catalogue;

/// <summary>Promise 7: bad input gets a precise 4xx in the error envelope and changes nothing (checked in the database).</summary>
[Collection(SharedProduct.Collection)]
public sealed class BadInputTests(SharedProduct product)
{
    public static TheoryData<string, string, string, string> MalformedBodies => new()
    {
        // method, path, body, expected field (empty: no field)
        { "POST", "/api/v1/products", "{\"sku\": \"A\",", "" },
        { "POST", "/api/v1/products", "[1, 2, 3]", "" },
        { "POST", "/api/v1/products", "{\"sku\":\"A\",\"name\":\"x\",\"category\":\"spirits\",\"sizeMl\":\"big\",\"abv\":40,\"cost\":1,\"price\":2}", "sizeMl" },
        { "POST", "/api/v1/products", "{\"sku\":\"A\",\"name\":\"x\",\"category\":\"spirits\",\"sizeMl\":750,\"abv\":40,\"cost\":\"cheap\",\"price\":2}", "cost" },
        { "POST", "/api/v1/products", "{\"sku\":\"A\",\"name\":\"x\",\"category\":\"spirits\",\"sizeMl\":750.1234,\"abv\":40,\"cost\":1,\"price\":2}", "sizeMl" },
        { "POST", "/api/v1/locations", "{\"name\": 42}", "name" },
        { "POST", "/api/v1/suppliers", "not json at all", "" },
        { "POST", "/api/v1/users", "{\"email\": [\"a@b.example\"]}", "email" },
        { "PUT", "/api/v1/products/{product}", "{\"price\": \"free\"}", "price" },
        { "PUT", "/api/v1/locations/{location}", "{\"latitude\": \"north\"}", "latitude" },
        { "PATCH", "/api/v1/organizations/{organization}", "{\"settings\": {\"defaultParLevel\": \"six\"}}", "settings.defaultParLevel" },
        { "POST", "/api/v1/auth/register", "{\"email\": true}", "email" },
        { "POST", "/api/v1/auth/login", "{\"email\": ", "" },
        { "POST", "/api/v1/auth/login", "{\"email\": \"a\\u0000@example.com\", \"password\": \"x\"}", "email" },
        { "POST", "/api/v1/suppliers", "{\"name\": \"Bad\\u0000Name\"}", "name" },
        { "POST", "/api/v1/products", "{\"sku\":\"A\",\"name\":\"x\",\"category\":\"spirits\",\"sizeMl\":750,\"abv\":40.123,\"cost\":1,\"price\":2}", "abv" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_json_and_wrong_types_are_400_and_write_nothing(string method, string path, string body, string field)
    {
        var tenant = await product.NewTenantAsync();
        var resolved = await Resolve(tenant, path);
        var before = await product.Host.Database.CountsAsync();

        var response = (await tenant.Admin.SendRawAsync(new HttpMethod(method), resolved, body)).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(field.Length == 0 ? [] : [field], response.ErrorFields);
        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    public static TheoryData<string, string, string[]> MissingOrInvalidFields => new()
    {
        { "/api/v1/products", "{}", ["sku", "name", "category", "sizeMl", "abv", "cost", "price"] },
        { "/api/v1/products", "{\"sku\":\"A\",\"name\":\"x\",\"category\":\"\",\"sizeMl\":0,\"abv\":101,\"cost\":-1,\"price\":1.234}", ["category", "sizeMl", "abv", "cost", "price"] },
        { "/api/v1/products", "{\"sku\":\"A\",\"name\":\"x\",\"category\":\"spirits\",\"sizeMl\":750,\"abv\":40,\"cost\":1,\"price\":2,\"barcode\":\"7501031311308\"}", ["barcode"] },
        { "/api/v1/locations", "{}", ["name"] },
        { "/api/v1/locations", "{\"name\":\"x\",\"locationType\":\"spaceship\",\"latitude\":91}", ["locationType", "latitude"] },
        { "/api/v1/suppliers", "{\"name\":\"\",\"email\":\"nope\"}", ["name", "email"] },
        { "/api/v1/users", "{\"email\":\"new@example.com\",\"password\":\"Sup3r-Secret-Pour\",\"firstName\":\"A\",\"lastName\":\"B\",\"role\":\"owner\"}", ["role"] },
        { "/api/v1/users", "{}", ["email", "firstName", "lastName", "role"] },
    };

    [Theory]
    [MemberData(nameof(MissingOrInvalidFields))]
    public async Task Missing_and_invalid_fields_are_listed_and_write_nothing(string path, string body, string[] fields)
    {
        var tenant = await product.NewTenantAsync();
        var before = await product.Host.Database.CountsAsync();

        var response = (await tenant.Admin.SendRawAsync(HttpMethod.Post, path, body)).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(fields, response.ErrorFields.Distinct());
        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    [Theory]
    [InlineData("/api/v1/products")]
    [InlineData("/api/v1/auth/register")]
    public async Task An_oversize_body_is_413_and_writes_nothing(string path)
    {
        var tenant = await product.NewTenantAsync();
        var before = await product.Host.Database.CountsAsync();
        var body = "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        // Expect: 100-continue lets the server refuse before the client has pushed 2 MB into a closed socket.
        (await tenant.Admin.SendAsync(HttpMethod.Post, path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), r => r.Headers.ExpectContinue = true))
            .ShouldFail(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");

        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var tenant = await product.NewTenantAsync();
        var before = await product.Host.Database.CountsAsync();

        (await tenant.Admin.SendRawAsync(HttpMethod.Post, "/api/v1/suppliers", "name=x", "application/x-www-form-urlencoded"))
            .ShouldFail(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");

        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    [Theory]
    [InlineData("GET", "/api/v1/products/{random}")]
    [InlineData("PUT", "/api/v1/products/{random}")]
    [InlineData("DELETE", "/api/v1/products/{random}")]
    [InlineData("GET", "/api/v1/suppliers/{random}")]
    [InlineData("PUT", "/api/v1/suppliers/{random}")]
    [InlineData("DELETE", "/api/v1/suppliers/{random}")]
    [InlineData("GET", "/api/v1/locations/{random}")]
    [InlineData("PUT", "/api/v1/locations/{random}")]
    [InlineData("DELETE", "/api/v1/locations/{random}")]
    [InlineData("GET", "/api/v1/organizations/{random}")]
    [InlineData("GET", "/api/v1/products/not-a-uuid")]
    [InlineData("GET", "/api/v1/no-such-thing")]
    public async Task Unknown_ids_and_routes_are_404_and_write_nothing(string method, string path)
    {
        var tenant = await product.NewTenantAsync();
        var before = await product.Host.Database.CountsAsync();
        var content = method is "PUT" ? new StringContent("{\"name\":\"x\"}", System.Text.Encoding.UTF8, "application/json") : null;

        (await tenant.Admin.SendAsync(new HttpMethod(method), path.Replace("{random}", Guid.NewGuid().ToString(), StringComparison.Ordinal), content))
            .ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    [Theory]
    [InlineData("/api/v1/products?page=0")]
    [InlineData("/api/v1/products?limit=0")]
    [InlineData("/api/v1/products?limit=-5")]
    [InlineData("/api/v1/products?limit=ten")]
    [InlineData("/api/v1/products?category=%00")]
    [InlineData("/api/v1/products?supplierId=abc")]
    [InlineData("/api/v1/locations?includeInactive=maybe")]
    [InlineData("/api/v1/users?page=-1")]
    [InlineData("/api/v1/products?q=%00")]
    public async Task Bad_query_parameters_are_400(string path)
    {
        var tenant = await product.NewTenantAsync();

        var response = (await tenant.Admin.GetAsync(path)).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Single(response.ErrorFields);
    }

    private static async Task<string> Resolve(Tenant tenant, string path) => path
        .Replace("{product}", (path.Contains("{product}", StringComparison.Ordinal) ? await tenant.CreateProductAsync("BAD-1") : Guid.Empty).ToString(), StringComparison.Ordinal)
        .Replace("{location}", (path.Contains("{location}", StringComparison.Ordinal) ? await tenant.CreateLocationAsync() : Guid.Empty).ToString(), StringComparison.Ordinal)
        .Replace("{organization}", tenant.OrganizationId.ToString(), StringComparison.Ordinal);
}
